import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CurrencyMismatchError, money } from '../money.ts';
import {
  compareWithBudget,
  differenceFromVersion,
  lineTotal,
  lookupFrom,
  optionTotal,
  priceOption,
  swapDelta,
  UnknownProductError,
} from './totals.ts';

const catalog = lookupFrom([
  { id: 'chair-oak', retailerId: 'nordhem', price: money(24_900, 'USD') },
  { id: 'chair-velvet', retailerId: 'nordhem', price: money(48_900, 'USD') },
  { id: 'sofa-linen', retailerId: 'casa', price: money(129_900, 'USD') },
  { id: 'lamp-brass', retailerId: 'lumen', price: money(8_950, 'USD') },
  { id: 'rug-eu', retailerId: 'teppich', price: money(19_900, 'EUR') },
]);

const item = (id: string, productId: string | null, quantity = 1) => ({ id, productId, quantity });

describe('line and option totals', () => {
  it('a line is the unit price times the quantity', () => {
    assert.deepEqual(lineTotal(item('a', 'chair-oak', 4), catalog, 'USD'), money(99_600, 'USD'));
  });

  it("the customer's own piece costs nothing, whatever its quantity", () => {
    assert.deepEqual(lineTotal(item('own', null, 3), catalog, 'USD'), money(0, 'USD'));
  });

  it('sums lines, groups by retailer in id order, and keeps own pieces out of every group', () => {
    const priced = priceOption([item('s', 'sofa-linen'), item('c1', 'chair-oak', 2), item('own', null), item('l', 'lamp-brass'), item('c2', 'chair-velvet')], catalog, 'USD');
    assert.deepEqual(priced.total, money(129_900 + 2 * 24_900 + 8_950 + 48_900, 'USD'));
    assert.deepEqual(
      priced.byRetailer.map((group) => [group.retailerId, group.itemIds, group.subtotal.amountMinor]),
      [
        ['casa', ['s'], 129_900],
        ['lumen', ['l'], 8_950],
        ['nordhem', ['c1', 'c2'], 2 * 24_900 + 48_900],
      ],
    );
    assert.equal(priced.lines.find((line) => line.itemId === 'own')?.retailerId, null);
  });

  it('an empty option totals zero in its currency', () => {
    assert.deepEqual(optionTotal([], catalog, 'GBP'), money(0, 'GBP'));
  });

  it('a line in another currency is an error naming both currencies, not a conversion', () => {
    assert.throws(
      () => optionTotal([item('s', 'sofa-linen'), item('r', 'rug-eu')], catalog, 'USD'),
      (error: unknown) => error instanceof CurrencyMismatchError && error.currencies.includes('EUR') && error.currencies.includes('USD') && /USD, EUR/.test(error.message),
    );
  });

  it('an unknown product is an error naming it', () => {
    assert.throws(() => optionTotal([item('x', 'gone')], catalog, 'USD'), (error: unknown) => error instanceof UnknownProductError && error.productId === 'gone');
  });
});

describe('swap delta', () => {
  it('is the new line minus the old line, at the same quantity', () => {
    assert.deepEqual(swapDelta(item('c', 'chair-oak', 2), 'chair-velvet', catalog, 'USD'), money(2 * (48_900 - 24_900), 'USD'));
    assert.deepEqual(swapDelta(item('c', 'chair-velvet'), 'chair-oak', catalog, 'USD'), money(24_900 - 48_900, 'USD'));
  });

  it("replacing a product with the customer's own piece saves the whole line", () => {
    assert.deepEqual(swapDelta(item('l', 'lamp-brass', 2), null, catalog, 'USD'), money(-17_900, 'USD'));
  });

  it('refuses a product in another currency before anything is applied', () => {
    assert.throws(() => swapDelta(item('c', 'chair-oak'), 'rug-eu', catalog, 'USD'), CurrencyMismatchError);
  });
});

describe('difference from a published version', () => {
  it('is current total minus published total', () => {
    const v2 = [item('c', 'chair-oak'), item('s', 'sofa-linen')];
    const now = [item('c', 'chair-velvet'), item('s', 'sofa-linen')];
    assert.deepEqual(differenceFromVersion(now, v2, catalog, 'USD'), money(24_000, 'USD'));
  });

  it('can price the version with the prices it was published at', () => {
    const published = lookupFrom([{ id: 'chair-oak', retailerId: 'nordhem', price: money(29_900, 'USD') }]);
    assert.deepEqual(differenceFromVersion([item('c', 'chair-oak')], [item('c', 'chair-oak')], catalog, 'USD', published), money(-5_000, 'USD'));
  });
});

describe('budget', () => {
  it('says under, on or over, and by how much', () => {
    assert.deepEqual(compareWithBudget(money(90_000, 'USD'), money(100_000, 'USD')), { standing: 'under', by: money(10_000, 'USD'), remaining: money(10_000, 'USD') });
    assert.equal(compareWithBudget(money(100_000, 'USD'), money(100_000, 'USD')).standing, 'on');
    assert.deepEqual(compareWithBudget(money(124_000, 'USD'), money(100_000, 'USD')), { standing: 'over', by: money(24_000, 'USD'), remaining: money(-24_000, 'USD') });
  });

  it('a budget in another currency is an error', () => {
    assert.throws(() => compareWithBudget(money(1, 'USD'), money(1, 'EUR')), CurrencyMismatchError);
  });
});
