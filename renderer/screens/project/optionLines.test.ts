import { assert, describe, it } from '../../testing/node-test.ts';
import type { PlacedItem, Product } from '../../api/types.ts';
import { budgetHeadroom, optionLines, totalsByCurrency } from './optionLines.ts';

const product = (id: string, amountMinor: number, currency = 'USD'): Product => ({
  id,
  retailerId: 'r',
  retailerName: 'Retailer',
  sku: id,
  name: `Product ${id}`,
  category: 'armchair',
  widthMm: 700,
  depthMm: 700,
  heightMm: 800,
  price: { amountMinor, currency },
  colours: [],
  styleTags: [],
  materials: [],
  modelUrl: null,
  productUrl: null,
  imageUrl: null,
  finalSale: false,
});
const item = (id: string, productId: string | null, quantity = 1): PlacedItem => ({ id, productId, xMm: 0, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity, ...(productId ? {} : { ownPiece: { name: 'Own chest', category: 'sideboard', widthMm: 900, depthMm: 400, heightMm: 700 } }) });

describe('optionLines', () => {
  it('prices each line by quantity; the customer’s own piece costs nothing', () => {
    const lines = optionLines([item('1', 'a', 2), item('2', null)], [product('a', 32_500)]);
    assert.deepEqual(lines[0]!.lineTotal, { amountMinor: 65_000, currency: 'USD' });
    assert.equal(lines[1]!.lineTotal, null);
    assert.equal(lines[1]!.name, 'Own chest');
  });

  it('totals per currency, never across', () => {
    const lines = optionLines([item('1', 'a'), item('2', 'b'), item('3', 'c')], [product('a', 10_000), product('b', 5_000, 'EUR'), product('c', 2_500)]);
    assert.deepEqual(totalsByCurrency(lines), [
      { amountMinor: 12_500, currency: 'USD' },
      { amountMinor: 5_000, currency: 'EUR' },
    ]);
  });
});

describe('budgetHeadroom', () => {
  const budget = { amountMinor: 900_000, currency: 'USD' };
  it('is the budget left, negative when over', () => {
    assert.deepEqual(budgetHeadroom([{ amountMinor: 842_500, currency: 'USD' }], budget), { amountMinor: 57_500, currency: 'USD' });
    assert.equal(budgetHeadroom([{ amountMinor: 1_000_000, currency: 'USD' }], budget)?.amountMinor, -100_000);
  });
  it('says nothing when currencies differ or there is no budget', () => {
    assert.equal(budgetHeadroom([{ amountMinor: 1, currency: 'EUR' }], budget), null);
    assert.equal(budgetHeadroom([{ amountMinor: 1, currency: 'USD' }], null), null);
  });
});
