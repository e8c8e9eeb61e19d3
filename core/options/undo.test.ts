/**
 * Undo as the people in the room expect it: Ctrl+Z takes back only my own edits, never a
 * collaborator's, and a whole drag is one step.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import type { PlacedItem } from '../room.ts';
import { addItem, createLocalUndoManager, createOptionDoc, moveItem, optionItems, readItem, readItems, removeItem, rotateItem, setFinish, swapItem } from './document.ts';

const LOCAL = { user: 'designer' };
const REMOTE = 'remote';
const sofa: PlacedItem = { id: 'sofa', productId: 'p-sofa', xMm: 2600, yMm: 3500, rotationDeg: 180, elevationMm: 0, quantity: 1 };
const lamp: PlacedItem = { id: 'lamp', productId: 'p-lamp', xMm: 4700, yMm: 3700, rotationDeg: 0, elevationMm: 0, quantity: 1 };

/** My doc and a collaborator's, wired like the server relays them: what they do reaches me with a remote origin. */
function room() {
  const mine = createOptionDoc({ items: [sofa, lamp] });
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  theirs.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(mine, update, REMOTE);
  });
  mine.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) Y.applyUpdate(theirs, update, REMOTE);
  });
  return { mine, theirs };
}

describe('undo of my own edits only', () => {
  it('a collaborator’s change is never undone by my undo', () => {
    const { mine, theirs } = room();
    const undo = new Y.UndoManager(optionItems(mine), { trackedOrigins: new Set([LOCAL]) });
    moveItem(mine, 'sofa', { xMm: 100, yMm: 100 }, LOCAL);
    undo.stopCapturing();
    swapItem(theirs, 'lamp', 'p-lamp-floor', 'them');
    rotateItem(theirs, 'sofa', 90, 'them');
    undo.undo();
    assert.equal(undo.canUndo(), false, 'my one edit was the only step');
    assert.equal(readItem(mine, 'lamp')?.productId, 'p-lamp-floor', 'their swap stays');
    assert.equal(readItem(mine, 'sofa')?.rotationDeg, 90, 'their rotation of the piece I moved stays');
    assert.deepEqual([readItem(mine, 'sofa')?.xMm, readItem(mine, 'sofa')?.yMm], [sofa.xMm, sofa.yMm]);
    assert.deepEqual(readItems(theirs), readItems(mine), 'the undo reached the collaborator too');
  });

  it('undo does not overwrite a collaborator’s later edit of the same aspect', () => {
    const { mine, theirs } = room();
    const undo = createLocalUndoManager(mine, LOCAL);
    moveItem(mine, 'sofa', { xMm: 100, yMm: 100 }, LOCAL);
    moveItem(theirs, 'sofa', { xMm: 900, yMm: 900 }, 'them');
    undo.undo();
    assert.deepEqual([readItem(mine, 'sofa')?.xMm, readItem(mine, 'sofa')?.yMm], [900, 900]);
  });

  it('undo brings back a piece I removed, and redo removes it again; a piece they removed stays removed', () => {
    const { mine, theirs } = room();
    const undo = createLocalUndoManager(mine, LOCAL);
    removeItem(mine, 'lamp', LOCAL);
    removeItem(theirs, 'sofa', 'them');
    undo.undo();
    assert.deepEqual(readItems(mine), [lamp]);
    assert.deepEqual(readItems(theirs), [lamp]);
    undo.redo();
    assert.deepEqual(readItems(mine), []);
  });

  it('a swap undoes like any edit, finishes too', () => {
    const { mine } = room();
    const undo = createLocalUndoManager(mine, LOCAL, 0);
    swapItem(mine, 'sofa', 'p-sofa-velvet', LOCAL, { colour: 'green', nudgeTo: { xMm: 2550, yMm: 3500 } });
    setFinish(mine, 'floor', { colour: '#333333', material: 'slate' }, LOCAL);
    undo.undo();
    undo.undo();
    assert.deepEqual(readItems(mine), [lamp, sofa]);
    assert.equal(undo.canUndo(), false);
  });

  it('a whole drag between stopCapturing boundaries is one undo step', () => {
    const { mine, theirs } = room();
    // A capture window longer than any drag: the boundaries, not the clock, decide the step.
    const undo = createLocalUndoManager(mine, LOCAL, Number.POSITIVE_INFINITY);
    addItem(mine, { ...lamp, id: 'lamp-2', xMm: 0 }, LOCAL);
    undo.stopCapturing(); // pointer down
    for (let step = 1; step <= 120; step++) {
      moveItem(mine, 'sofa', { xMm: sofa.xMm - step * 10, yMm: sofa.yMm - step * 5 }, LOCAL);
      if (step === 60) rotateItem(theirs, 'lamp', 45, 'them'); // a remote edit mid-drag is not part of my step
    }
    undo.stopCapturing(); // pointer up
    assert.equal(readItem(mine, 'sofa')?.xMm, sofa.xMm - 1200);
    undo.undo();
    assert.deepEqual(readItem(mine, 'sofa'), sofa, 'one undo took back the whole drag');
    assert.equal(readItem(mine, 'lamp')?.rotationDeg, 45);
    assert.ok(readItem(mine, 'lamp-2'), 'the edit before the drag is its own step');
    undo.undo();
    assert.equal(readItem(mine, 'lamp-2'), undefined);
  });

  it('with the default capture window, a quick drag merges into one step by time', () => {
    const { mine } = room();
    const undo = createLocalUndoManager(mine, LOCAL);
    for (let step = 1; step <= 30; step++) moveItem(mine, 'sofa', { xMm: sofa.xMm + step, yMm: sofa.yMm }, LOCAL);
    undo.undo();
    assert.deepEqual(readItem(mine, 'sofa'), sofa);
    assert.equal(undo.canUndo(), false);
  });
});
