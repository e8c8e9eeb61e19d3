import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlacedItem } from '../../core/room.ts';
import { fitInPlace, optionCurrency, planSwap, type SwapProduct } from './swapPlan.ts';

const product = (id: string, amountMinor: number, extra: Partial<SwapProduct> = {}): SwapProduct => ({
  id,
  name: id,
  category: 'chair',
  widthMm: 600,
  depthMm: 600,
  retailerId: 'r1',
  price: { amountMinor, currency: 'USD' },
  ...extra,
});
const item = (id: string, productId: string | null, xMm: number, yMm: number, extra: Partial<PlacedItem> = {}): PlacedItem => ({ id, productId, xMm, yMm, rotationDeg: 0, elevationMm: 0, quantity: 1, ...extra });
const ROOM = [
  { x: 0, y: 0 },
  { x: 4000, y: 0 },
  { x: 4000, y: 3000 },
  { x: 0, y: 3000 },
];
const catalog = new Map([
  ['chair-a', product('chair-a', 19_900)],
  ['sofa', product('sofa', 149_900, { category: 'sofa', widthMm: 2000, depthMm: 900 })],
]);
const lookup = (id: string) => catalog.get(id);
const items = [item('i1', 'chair-a', 1000, 1000), item('i2', 'sofa', 2500, 1000), item('own', null, 3500, 2500, { ownPiece: { name: 'Gran’s lamp', category: 'lamp', widthMm: 300, depthMm: 300, heightMm: 1500 } })];

describe('planSwap', () => {
  it('prices the swap: the line difference is the catalog difference and the total moves by it (own pieces count 0)', () => {
    const dearer = product('chair-b', 43_900);
    const plan = planSwap({ items, itemId: 'i1', product: dearer, lookup, currency: 'USD', outline: ROOM });
    assert.ok(plan.ok);
    assert.equal(plan.delta.amountMinor, 24_000);
    assert.equal(plan.totalBefore.amountMinor, 169_800);
    assert.equal(plan.totalAfter.amountMinor, 193_800);
    assert.equal(plan.nudgeTo, null);
    assert.equal(plan.fits, true);
  });

  it('refuses a product in another currency, naming both', () => {
    const plan = planSwap({ items, itemId: 'i1', product: product('eur', 10_000, { price: { amountMinor: 10_000, currency: 'EUR' } }), lookup, currency: 'USD', outline: ROOM });
    assert.deepEqual(plan, { ok: false, reason: 'currency', itemId: 'i1', optionCurrency: 'USD', productCurrency: 'EUR' });
  });

  it('refuses a piece that is no longer there (a collaborator deleted it)', () => {
    const plan = planSwap({ items, itemId: 'gone', product: product('chair-b', 1), lookup, currency: 'USD', outline: ROOM });
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.reason, 'piece-gone');
  });

  it('swapping the customer’s own piece adds the whole price', () => {
    const plan = planSwap({ items, itemId: 'own', product: product('lamp', 8_000, { category: 'lamp', widthMm: 300, depthMm: 300 }), lookup, currency: 'USD', outline: ROOM });
    assert.ok(plan.ok);
    assert.equal(plan.delta.amountMinor, 8_000);
  });
});

describe('fitInPlace', () => {
  it('nudges a bigger piece off the wall back inside the room', () => {
    const nearWall = item('w', 'chair-a', 350, 1500);
    const wide = product('wide', 1, { widthMm: 1000 });
    const fit = fitInPlace(nearWall, wide, [nearWall], lookup, ROOM);
    assert.equal(fit.fits, true);
    assert.ok(fit.nudgeTo && fit.nudgeTo.xMm >= 500, JSON.stringify(fit));
  });

  it('nudges clear of a neighbour, and says when nothing fits', () => {
    const next = item('n', 'chair-a', 1000, 1000);
    const neighbour = item('s', 'sofa', 2200, 1000);
    const wide = product('wide', 1, { widthMm: 1000 });
    const fit = fitInPlace(next, wide, [next, neighbour], lookup, ROOM);
    assert.equal(fit.fits, true);
    assert.ok(fit.nudgeTo);
    const huge = product('huge', 1, { widthMm: 5000 });
    assert.equal(fitInPlace(next, huge, [next], lookup, ROOM).fits, false);
  });
});

describe('optionCurrency', () => {
  it('is the project’s currency, else the first priced piece’s', () => {
    assert.equal(optionCurrency(items, lookup, 'CAD'), 'CAD');
    assert.equal(optionCurrency(items, lookup, null), 'USD');
    assert.equal(optionCurrency([], lookup, null), null);
  });
});
