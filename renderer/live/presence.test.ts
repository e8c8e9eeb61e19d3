import { assert, describe, it } from '../testing/node-test.ts';
import { presenceColourFor, readPresence } from './presence.ts';
import { reconcileItems } from './liveOption.ts';

describe('readPresence', () => {
  it('reads a well-formed state and refuses one without a user', () => {
    const state = readPresence(3, { user: { id: 'u', name: 'Ann', role: 'designer', colour: '#123456' }, selection: ['a', 5], dragging: { itemId: 'a', xMm: 1, yMm: 2, rotationDeg: 0 }, pointer: { xMm: 'x' } });
    assert.deepEqual(state, { clientId: 3, user: { id: 'u', name: 'Ann', role: 'designer', colour: '#123456' }, selection: ['a'], dragging: { itemId: 'a', xMm: 1, yMm: 2, rotationDeg: 0 }, pointer: null });
    assert.equal(readPresence(4, { selection: [] }), null);
    assert.equal(readPresence(4, null), null);
  });

  it('replaces a colour that is not a plain hex colour with the person’s own', () => {
    const state = readPresence(1, { user: { id: 'u', name: 'Ann', colour: 'url(javascript:1)' } });
    assert.equal(state?.user.colour, presenceColourFor('u'));
  });
});

describe('reconcileItems', () => {
  const item = (id: string, xMm: number) => ({ id, productId: 'p', xMm, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity: 1 });
  it('keeps the array when nothing changed and unchanged items when one did', () => {
    const before = [item('a', 1), item('b', 2)];
    assert.equal(reconcileItems(before, [item('a', 1), item('b', 2)]), before);
    const after = reconcileItems(before, [item('a', 1), item('b', 3)]);
    assert.notEqual(after, before);
    assert.equal(after[0], before[0]);
    assert.notEqual(after[1], before[1]);
    assert.equal(reconcileItems(before, [item('a', 1)]).length, 1);
  });
});
