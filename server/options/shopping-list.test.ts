/**
 * The shopping list, pure: for any approved option its grand total is the option's total, the
 * retailer subtotals add up to it, lines merge the same product and colour; the CSV holds the
 * same figures as exact decimals and escapes what a spreadsheet would misread.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CurrencyMismatchError, money } from '../../core/money.ts';
import { optionTotal } from '../../core/pricing/index.ts';
import type { PlacedItem } from '../../core/room.ts';
import { entryLookup, type PriceEntry } from './pricing.ts';
import { buildShoppingList, majorUnits, shoppingLineKey, shoppingListCsv } from './shopping-list.ts';

const item = (id: string, productId: string | null, quantity = 1, colour?: string): PlacedItem => ({
  id,
  productId,
  xMm: 0,
  yMm: 0,
  rotationDeg: 0,
  elevationMm: 0,
  quantity,
  ...(colour ? { colour } : {}),
  ...(productId === null ? { ownPiece: { name: 'Grandma’s chair', category: 'armchair', widthMm: 600, depthMm: 600, heightMm: 900 } } : {}),
});

const entry = (productId: string, retailer: string, amountMinor: number, currency = 'USD', name = `Product ${productId}`): PriceEntry => ({
  productId,
  retailerId: `r-${retailer}`,
  retailerName: retailer,
  name,
  sku: `SKU-${productId}`,
  price: money(amountMinor, currency),
});

const none = { productUrls: new Map<string, string | null>(), purchases: new Map() };

describe('shopping list', () => {
  it('for any option, the grand total equals the option total and subtotals add up to it', () => {
    const scenario = fc
      .array(fc.record({ retailer: fc.constantFrom('Alba', 'Brindle', 'Corvo'), price: fc.integer({ min: 1, max: 3_000_000 }) }), { minLength: 1, maxLength: 10 })
      .chain((catalog) =>
        fc.record({
          catalog: fc.constant(catalog.map((row, i) => entry(`p${i}`, row.retailer, row.price))),
          items: fc.array(fc.record({ pick: fc.option(fc.nat(), { nil: null, freq: 6 }), quantity: fc.integer({ min: 1, max: 999 }), colour: fc.option(fc.constantFrom('oak', 'green'), { nil: undefined }) }), { maxLength: 40 }),
        }),
      );
    fc.assert(
      fc.property(scenario, ({ catalog, items }) => {
        const placed = items.map((row, i) => item(`i${i}`, row.pick === null ? null : catalog[row.pick % catalog.length]!.productId, row.quantity, row.colour));
        const list = buildShoppingList({ items: placed, prices: catalog, currency: 'USD', ...none });
        assert.deepEqual(list.total, optionTotal(placed, entryLookup(catalog), 'USD'));
        assert.equal(list.retailers.reduce((sum, r) => sum + r.subtotal.amountMinor, 0), list.total.amountMinor);
        for (const retailer of list.retailers) {
          assert.equal(retailer.lines.reduce((sum, l) => sum + l.lineTotal.amountMinor, 0), retailer.subtotal.amountMinor);
          assert.equal(new Set(retailer.lines.map((l) => l.key)).size, retailer.lines.length, 'one line per product and colour');
        }
        const bought = placed.filter((p) => p.productId !== null).reduce((n, p) => n + p.quantity, 0);
        assert.equal(list.retailers.flatMap((r) => r.lines).reduce((n, l) => n + l.quantity, 0), bought, 'every piece is on the list once');
        assert.equal(list.ownPieces.length, placed.filter((p) => p.productId === null).length);
      }),
    );
  });

  it('merges the same product and colour, keeps colours apart, and groups by retailer by name', () => {
    const prices = [entry('sofa', 'Brindle', 250_000), entry('chair', 'Alba', 43_000)];
    const list = buildShoppingList({ items: [item('a', 'chair'), item('b', 'chair', 2), item('c', 'chair', 1, 'green'), item('d', 'sofa'), item('e', null)], prices, currency: 'USD', ...none });
    assert.deepEqual(list.retailers.map((r) => r.retailerName), ['Alba', 'Brindle']);
    assert.deepEqual(list.retailers[0]!.lines.map((l) => [l.key, l.quantity, l.lineTotal.amountMinor]), [
      ['chair', 3, 129_000],
      [shoppingLineKey('chair', 'green'), 1, 43_000],
    ]);
    assert.equal(list.total.amountMinor, 422_000);
    assert.deepEqual(list.ownPieces, [{ itemId: 'e', name: 'Grandma’s chair', quantity: 1 }]);
  });

  it('refuses to sum a piece in another currency', () => {
    assert.throws(() => buildShoppingList({ items: [item('a', 'x'), item('b', 'y')], prices: [entry('x', 'Alba', 100), entry('y', 'Nordhus', 100, 'EUR')], currency: 'USD', ...none }), CurrencyMismatchError);
  });

  it('writes amounts as exact decimals in major units', () => {
    assert.equal(majorUnits(123_456, 'USD'), '1234.56');
    assert.equal(majorUnits(5, 'USD'), '0.05');
    assert.equal(majorUnits(-5, 'USD'), '-0.05');
    assert.equal(majorUnits(500, 'JPY'), '500');
    assert.equal(majorUnits(1_234, 'KWD'), '1.234');
    assert.equal(majorUnits(9_007_199_254_740_991, 'USD'), '90071992547409.91');
  });

  it('exports the same rows as CSV, quoting commas and quotes and defusing formulas', () => {
    const prices = [entry('lamp', 'Alba, Home', 12_345, 'USD', 'Lamp "Arc", brass'), entry('rug', 'Alba, Home', 100_000, 'USD', '=HYPERLINK("x")')];
    const list = buildShoppingList({ items: [item('a', 'lamp', 2), item('b', 'rug')], prices, currency: 'USD', productUrls: new Map([['lamp', 'https://alba.example/lamp?a=1,2']]), purchases: new Map() });
    const csv = shoppingListCsv(list);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'row,retailer,product,sku,colour,quantity,unit_price,line_total,currency,product_url,order_ref,price_paid,purchased_at');
    // Lines sort by product name: the rug's name starts with '='.
    assert.equal(lines[1], `item,"Alba, Home","'=HYPERLINK(""x"")",SKU-rug,,1,1000.00,1000.00,USD,,,,`);
    assert.equal(lines[2], `item,"Alba, Home","Lamp ""Arc"", brass",SKU-lamp,,2,123.45,246.90,USD,"https://alba.example/lamp?a=1,2",,,`);
    assert.equal(lines[3], 'subtotal,"Alba, Home",,,,,,1246.90,USD,,,,');
    assert.equal(lines[4], 'total,,,,,,,1246.90,USD,,,,');
    assert.equal(lines[5], '');
  });
});
