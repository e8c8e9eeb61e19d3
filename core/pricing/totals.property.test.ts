/**
 * Properties of option pricing over random catalogs, options and swap sequences: the swap
 * deltas the customer watches add up to the change in the total, subtotals add up to the
 * total, and no total ever mixes currencies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CurrencyMismatchError, money } from '../money.ts';
import { lookupFrom, optionTotal, priceOption, swapDelta, type PricedItem, type PricedProduct } from './totals.ts';

type CatalogProduct = PricedProduct & { id: string };

const productArb = (currencies: readonly string[]) =>
  fc.record({
    retailerId: fc.constantFrom('r-a', 'r-b', 'r-c', 'r-d'),
    priceMinor: fc.integer({ min: 0, max: 5_000_000 }),
    currency: fc.constantFrom(...currencies),
  });

const catalogArb = (currencies: readonly string[]): fc.Arbitrary<CatalogProduct[]> =>
  fc.array(productArb(currencies), { minLength: 1, maxLength: 12 }).map((rows) => rows.map((row, index) => ({ id: `p${index}`, retailerId: row.retailerId, price: money(row.priceMinor, row.currency) })));

/** A product index into the catalog, or null for the customer's own piece. */
const pickArb = fc.option(fc.nat(), { nil: null, freq: 5 });
const productAt = (catalog: readonly CatalogProduct[], pick: number | null) => (pick === null ? null : catalog[pick % catalog.length]!.id);

const optionArb = (catalog: readonly CatalogProduct[]) =>
  fc.array(fc.record({ pick: pickArb, quantity: fc.integer({ min: 1, max: 999 }) }), { maxLength: 30 }).map((rows) => rows.map((row, index): PricedItem => ({ id: `item-${index}`, productId: productAt(catalog, row.pick), quantity: row.quantity })));

describe('pricing properties', () => {
  it('for any sequence of swaps, the sum of swap deltas equals the final total minus the first total', () => {
    const scenarioArb = catalogArb(['USD']).chain((catalog) =>
      fc.record({
        catalog: fc.constant(catalog),
        items: optionArb(catalog).filter((items) => items.length > 0),
        swaps: fc.array(fc.record({ at: fc.nat(), to: pickArb }), { maxLength: 60 }),
      }),
    );
    fc.assert(
      fc.property(scenarioArb, ({ catalog, items, swaps }) => {
        const lookup = lookupFrom(catalog);
        const first = optionTotal(items, lookup, 'USD');
        let current = items;
        let deltaSum = 0;
        for (const swap of swaps) {
          const index = swap.at % current.length;
          const target = current[index]!;
          const to = productAt(catalog, swap.to);
          const delta = swapDelta(target, to, lookup, 'USD');
          assert.equal(delta.currency, 'USD');
          deltaSum += delta.amountMinor;
          current = current.map((item, i) => (i === index ? { ...item, productId: to } : item));
        }
        assert.equal(deltaSum, optionTotal(current, lookup, 'USD').amountMinor - first.amountMinor);
      }),
      { numRuns: 500 },
    );
  });

  it('subtotals by retailer sum to the total, and every priced line is in exactly one group', () => {
    const scenarioArb = catalogArb(['EUR']).chain((catalog) => fc.record({ catalog: fc.constant(catalog), items: optionArb(catalog) }));
    fc.assert(
      fc.property(scenarioArb, ({ catalog, items }) => {
        const priced = priceOption(items, lookupFrom(catalog), 'EUR');
        assert.equal(priced.byRetailer.reduce((sum, group) => sum + group.subtotal.amountMinor, 0), priced.total.amountMinor);
        const grouped = priced.byRetailer.flatMap((group) => group.itemIds).sort();
        const priceable = items.filter((item) => item.productId !== null).map((item) => item.id).sort();
        assert.deepEqual(grouped, priceable);
      }),
      { numRuns: 500 },
    );
  });

  it('totals never mix currencies: a foreign line throws, otherwise the total is in the option currency', () => {
    const scenarioArb = catalogArb(['USD', 'EUR', 'GBP']).chain((catalog) =>
      fc.record({ catalog: fc.constant(catalog), items: optionArb(catalog), currency: fc.constantFrom('USD', 'EUR', 'GBP') }),
    );
    fc.assert(
      fc.property(scenarioArb, ({ catalog, items, currency }) => {
        const lookup = lookupFrom(catalog);
        const foreign = items.some((item) => item.productId !== null && lookup(item.productId)!.price.currency !== currency);
        if (foreign) {
          assert.throws(() => optionTotal(items, lookup, currency), CurrencyMismatchError);
          assert.throws(() => priceOption(items, lookup, currency), CurrencyMismatchError);
        } else {
          const priced = priceOption(items, lookup, currency);
          assert.equal(priced.total.currency, currency);
          for (const line of priced.lines) assert.equal(line.lineTotal.currency, currency);
          for (const group of priced.byRetailer) assert.equal(group.subtotal.currency, currency);
        }
      }),
      { numRuns: 500 },
    );
  });
});
