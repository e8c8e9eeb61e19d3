import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CurrencyMismatchError, money } from '../money.ts';
import { lookupFrom } from '../pricing/totals.ts';
import type { PlacedItem } from '../room.ts';
import { diffOptions, hasChanges, shortestTurn, type OptionDiff } from './diff.ts';

const lookup = lookupFrom([
  { id: 'chair-oak', retailerId: 'nordhem', price: money(24_900, 'USD') },
  { id: 'chair-velvet', retailerId: 'nordhem', price: money(48_900, 'USD') },
  { id: 'sofa', retailerId: 'casa', price: money(129_900, 'USD') },
  { id: 'lamp', retailerId: 'lumen', price: money(8_950, 'USD') },
  { id: 'rug-eu', retailerId: 'teppich', price: money(19_900, 'EUR') },
]);
const options = { lookup, currency: 'USD' };
const piece = (id: string, productId: string | null, extra: Partial<PlacedItem> = {}): PlacedItem => ({ id, productId, xMm: 1000, yMm: 1000, rotationDeg: 0, elevationMm: 0, quantity: 1, ...extra });

describe('diff between two versions', () => {
  it('names added, removed, swapped, moved, recoloured and quantity changes with their price changes', () => {
    const v1 = [piece('a', 'chair-oak', { quantity: 2 }), piece('s', 'sofa'), piece('l', 'lamp', { colour: 'brass' }), piece('own', null), piece('gone', 'lamp')];
    const v2 = [piece('a', 'chair-velvet', { quantity: 3 }), piece('s', 'sofa', { xMm: 1400, rotationDeg: 90 }), piece('l', 'lamp', { colour: 'black' }), piece('own', null), piece('new', 'chair-oak')];
    const diff = diffOptions({ items: v1 }, { items: v2 }, options);
    assert.deepEqual(diff.added.map((c) => [c.item.id, c.priceChange.amountMinor]), [['new', 24_900]]);
    assert.deepEqual(diff.removed.map((c) => [c.item.id, c.priceChange.amountMinor]), [['gone', -8_950]]);
    assert.deepEqual(diff.swapped.map((c) => [c.itemId, c.before.productId, c.after.productId, c.priceChange.amountMinor]), [['a', 'chair-oak', 'chair-velvet', 2 * 24_000]]);
    assert.deepEqual(diff.quantityChanged.map((c) => [c.itemId, c.priceChange.amountMinor]), [['a', 48_900]]);
    assert.deepEqual(diff.moved.map((c) => [c.itemId, c.distanceMm, c.rotationDeg]), [['s', 400, 90]]);
    assert.deepEqual(diff.recoloured.map((c) => c.itemId), ['l']);
    assert.deepEqual(diff.priceChange, money(24_900 - 8_950 + 2 * 24_000 + 48_900, 'USD'));
    assert.deepEqual(diff.priceChange, money(diff.totalAfter.amountMinor - diff.totalBefore.amountMinor, 'USD'));
  });

  it('ignores movement within the tolerance and measures rotation the short way round', () => {
    const diff = diffOptions({ items: [piece('a', 'sofa', { rotationDeg: 359.8 })] }, { items: [piece('a', 'sofa', { xMm: 1003, yMm: 1004, rotationDeg: 0.1 })] }, options);
    assert.equal(hasChanges(diff), false);
    const turned = diffOptions({ items: [piece('a', 'sofa', { rotationDeg: 350 })] }, { items: [piece('a', 'sofa', { rotationDeg: 10 })] }, options);
    assert.deepEqual(turned.moved.map((m) => m.rotationDeg), [20]);
    const lifted = diffOptions({ items: [piece('a', 'sofa')] }, { items: [piece('a', 'sofa', { elevationMm: 1200 })] }, { ...options, positionToleranceMm: 0 });
    assert.deepEqual(lifted.moved.map((m) => m.distanceMm), [1200]);
  });

  it('notices finish changes', () => {
    const diff = diffOptions(
      { items: [], finishes: { floor: { colour: '#AABBCC', material: 'oak' }, walls: null } },
      { items: [], finishes: { floor: { colour: '#aabbcc', material: 'oak' }, walls: { colour: '#ffffff', material: 'paint' } } },
      options,
    );
    assert.deepEqual(diff.finishesChanged, ['walls']);
  });

  it('a version with a piece in another currency is an error, not a converted figure', () => {
    assert.throws(() => diffOptions({ items: [] }, { items: [piece('r', 'rug-eu')] }, options), CurrencyMismatchError);
  });

  it('shortestTurn stays in (-180, 180]', () => {
    assert.equal(shortestTurn(0, 180), 180);
    assert.equal(shortestTurn(180, 0), 180);
    assert.equal(shortestTurn(10, 350), -20);
  });
});

describe('diff properties', () => {
  const products = ['chair-oak', 'chair-velvet', 'sofa', 'lamp', null];
  const itemArb = (id: string) =>
    fc.record({
      productId: fc.constantFrom(...products),
      xMm: fc.integer({ min: 0, max: 20 }).map((n) => n * 50),
      yMm: fc.integer({ min: 0, max: 20 }).map((n) => n * 50),
      rotationDeg: fc.constantFrom(0, 90, 180, 270, 359),
      elevationMm: fc.constantFrom(0, 0, 1200),
      quantity: fc.integer({ min: 1, max: 4 }),
    }).map((fields): PlacedItem => ({ id, ...fields }));
  const versionArb = fc.uniqueArray(fc.integer({ min: 0, max: 15 }), { maxLength: 12 }).chain((ids) => fc.tuple(...ids.map((id) => itemArb(`i${id}`))));
  const entrySum = (diff: OptionDiff) =>
    [...diff.added, ...diff.removed, ...diff.swapped, ...diff.quantityChanged].reduce((sum, change) => sum + change.priceChange.amountMinor, 0);

  it('the price changes of the entries add up to the change in the total, and reversing a diff negates it', () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const forward = diffOptions({ items: a }, { items: b }, options);
        assert.equal(entrySum(forward), forward.priceChange.amountMinor);
        const backward = diffOptions({ items: b }, { items: a }, options);
        assert.equal(backward.priceChange.amountMinor + forward.priceChange.amountMinor, 0);
        assert.ok(!Object.is(forward.priceChange.amountMinor, -0), 'no negative zero to print as -$0.00');
        assert.deepEqual(backward.added.map((c) => c.item.id), forward.removed.map((c) => c.item.id));
        assert.deepEqual(backward.swapped.map((c) => c.itemId), forward.swapped.map((c) => c.itemId));
        assert.deepEqual(backward.moved.map((c) => c.itemId), forward.moved.map((c) => c.itemId));
      }),
      { numRuns: 500 },
    );
  });

  it('a version compared with itself has no changes', () => {
    fc.assert(fc.property(versionArb, (a) => !hasChanges(diffOptions({ items: a }, { items: [...a].reverse() }, options))), { numRuns: 200 });
  });
});
