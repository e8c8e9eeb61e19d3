import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as Y from 'yjs';
import type { PlacedItem } from '../room.ts';
import {
  addItem,
  createOptionDoc,
  duplicateItem,
  inspectItems,
  moveItem,
  optionItems,
  optionSchemaVersion,
  readFinishes,
  readItem,
  readItems,
  removeItem,
  rotateItem,
  setFinish,
  setNote,
  setQuantity,
  swapItem,
  toSnapshot,
} from './document.ts';
import { OPTION_SCHEMA_VERSION } from './snapshot.ts';

const ME = 'local';
const sofa: PlacedItem = { id: 'sofa', productId: 'p-sofa', xMm: 2600, yMm: 3500, rotationDeg: 180, elevationMm: 0, quantity: 1 };
const chair: PlacedItem = { id: 'chair', productId: 'p-chair', xMm: 1100, yMm: 2100, rotationDeg: 270, elevationMm: 0, quantity: 2, colour: 'walnut', note: 'by the window' };

/** Counts the transactions an edit makes, and the updates it sends to collaborators. */
function watch(doc: Y.Doc) {
  const seen = { transactions: 0, updates: 0, origins: [] as unknown[] };
  doc.on('afterTransaction', (transaction) => {
    seen.transactions++;
    seen.origins.push(transaction.origin);
  });
  doc.on('update', () => seen.updates++);
  return seen;
}

describe('option document', () => {
  it('is created with its schema version and reads back sorted by id', () => {
    const doc = createOptionDoc({ items: [sofa, chair] });
    assert.equal(optionSchemaVersion(doc), OPTION_SCHEMA_VERSION);
    assert.deepEqual(readItems(doc), [chair, sofa]);
    assert.deepEqual(toSnapshot(doc), { schemaVersion: OPTION_SCHEMA_VERSION, items: [chair, sofa], finishes: { floor: null, walls: null } });
  });

  it('refuses invalid or duplicate initial content', () => {
    assert.throws(() => createOptionDoc({ items: [{ ...sofa, quantity: 0 }] }), /quantity/);
    assert.throws(() => createOptionDoc({ items: [sofa, sofa] }), /twice/);
  });

  it('an empty client doc reads as an empty option until it syncs', () => {
    const client = new Y.Doc();
    assert.equal(optionSchemaVersion(client), null);
    assert.deepEqual(readItems(client), []);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(createOptionDoc({ items: [sofa] })));
    assert.deepEqual(readItems(client), [sofa]);
  });

  it('every edit is one transaction carrying the caller origin', () => {
    const doc = createOptionDoc({ items: [sofa, chair] });
    const seen = watch(doc);
    assert.ok(addItem(doc, { ...sofa, id: 'sofa-2' }, ME).ok);
    assert.ok(moveItem(doc, 'sofa', { xMm: 100, yMm: 200 }, ME).ok);
    assert.ok(rotateItem(doc, 'sofa', 90, ME).ok);
    assert.ok(swapItem(doc, 'sofa', 'p-sofa-velvet', ME).ok);
    assert.ok(setQuantity(doc, 'chair', 4, ME).ok);
    assert.ok(setNote(doc, 'chair', 'new note', ME).ok);
    assert.ok(duplicateItem(doc, 'chair', 'chair-2', { dxMm: 600, dyMm: 0 }, ME).ok);
    assert.ok(removeItem(doc, 'sofa-2', ME).ok);
    assert.ok(setFinish(doc, 'floor', { colour: '#c8a27a', material: 'oak' }, ME).ok);
    assert.equal(seen.transactions, 9);
    assert.equal(seen.updates, 9);
    assert.deepEqual(new Set(seen.origins), new Set([ME]));
  });

  it('moves, rotates (normalised to [0, 360)) and keeps every other field', () => {
    const doc = createOptionDoc({ items: [chair] });
    moveItem(doc, 'chair', { xMm: 10, yMm: -20 }, ME);
    const rotated = rotateItem(doc, 'chair', -90, ME);
    assert.deepEqual(rotated, { ok: true, value: { ...chair, xMm: 10, yMm: -20, rotationDeg: 270 } });
    rotateItem(doc, 'chair', 720 + 45, ME);
    assert.deepEqual(readItem(doc, 'chair'), { ...chair, xMm: 10, yMm: -20, rotationDeg: 45 });
  });

  it('swaps in place: position, rotation, quantity and note kept, colour variant dropped, previous product returned', () => {
    const doc = createOptionDoc({ items: [chair] });
    const result = swapItem(doc, 'chair', 'p-chair-velvet', ME);
    assert.ok(result.ok);
    assert.equal(result.value.previousProductId, 'p-chair');
    const { colour: _colour, ...rest } = chair;
    assert.deepEqual(readItem(doc, 'chair'), { ...rest, productId: 'p-chair-velvet' });
  });

  it('a swap with a nudge and a colour is one step', () => {
    const doc = createOptionDoc({ items: [chair] });
    const seen = watch(doc);
    swapItem(doc, 'chair', 'p-chair-wide', ME, { colour: 'green', nudgeTo: { xMm: 1150, yMm: 2100 } });
    assert.equal(seen.transactions, 1);
    assert.deepEqual(readItem(doc, 'chair'), { ...chair, productId: 'p-chair-wide', colour: 'green', xMm: 1150 });
  });

  it("swapping to the customer's own piece records what it is", () => {
    const doc = createOptionDoc({ items: [sofa] });
    const ownPiece = { name: 'Old sofa', category: 'sofa' as const, widthMm: 2000, depthMm: 900, heightMm: 800 };
    swapItem(doc, 'sofa', null, ME, { ownPiece });
    assert.deepEqual(readItem(doc, 'sofa'), { ...sofa, productId: null, ownPiece });
    swapItem(doc, 'sofa', 'p-sofa', ME);
    assert.deepEqual(readItem(doc, 'sofa'), sofa, 'back to a catalog product, the own-piece description goes');
  });

  it('an edit on a piece someone else removed is a typed refusal, and changes nothing', () => {
    const doc = createOptionDoc({ items: [sofa] });
    removeItem(doc, 'sofa', 'remote');
    const before = Y.encodeStateAsUpdate(doc);
    const seen = watch(doc);
    const refusals = [
      swapItem(doc, 'sofa', 'p-other', ME),
      moveItem(doc, 'sofa', { xMm: 0, yMm: 0 }, ME),
      rotateItem(doc, 'sofa', 10, ME),
      setQuantity(doc, 'sofa', 2, ME),
      setNote(doc, 'sofa', 'x', ME),
      duplicateItem(doc, 'sofa', 'sofa-2', { dxMm: 0, dyMm: 0 }, ME),
      removeItem(doc, 'sofa', ME),
    ];
    for (const result of refusals) {
      assert.deepEqual(result, { ok: false, reason: 'item-missing', itemId: 'sofa', message: 'The piece was removed by someone else' });
    }
    assert.equal(seen.updates, 0);
    assert.deepEqual(Y.encodeStateAsUpdate(doc), before);
  });

  it('refuses out-of-range values without touching the document', () => {
    const doc = createOptionDoc({ items: [sofa] });
    const seen = watch(doc);
    for (const result of [
      moveItem(doc, 'sofa', { xMm: 10.5, yMm: 0 }, ME),
      moveItem(doc, 'sofa', { xMm: Number.NaN, yMm: 0 }, ME),
      rotateItem(doc, 'sofa', Number.POSITIVE_INFINITY, ME),
      setQuantity(doc, 'sofa', 0, ME),
      setQuantity(doc, 'sofa', 1000, ME),
      setNote(doc, 'sofa', 'x'.repeat(2001), ME),
      addItem(doc, { ...sofa, id: '' }, ME),
      setFinish(doc, 'walls', { colour: 'white', material: 'paint' }, ME),
    ]) {
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.reason, 'invalid');
    }
    assert.equal(addItem(doc, sofa, ME).ok, false, 'an id already in the option');
    assert.equal(duplicateItem(doc, 'sofa', 'sofa', { dxMm: 1, dyMm: 1 }, ME).ok, false);
    assert.equal(seen.updates, 0);
    assert.deepEqual(readItems(doc), [sofa]);
  });

  it('an edit that changes nothing sends nothing', () => {
    const doc = createOptionDoc({ items: [sofa] });
    const seen = watch(doc);
    moveItem(doc, 'sofa', { xMm: sofa.xMm, yMm: sofa.yMm }, ME);
    rotateItem(doc, 'sofa', sofa.rotationDeg + 360, ME);
    setNote(doc, 'sofa', '  ', ME);
    assert.equal(seen.updates, 0);
  });

  it('duplicates with an offset, removes and returns the removed piece, sets and clears notes', () => {
    const doc = createOptionDoc({ items: [chair] });
    assert.deepEqual(duplicateItem(doc, 'chair', 'chair-2', { dxMm: 600, dyMm: -100 }, ME), { ok: true, value: { ...chair, id: 'chair-2', xMm: 1700, yMm: 2000 } });
    assert.deepEqual(removeItem(doc, 'chair', ME), { ok: true, value: chair });
    setNote(doc, 'chair-2', null, ME);
    assert.equal(readItem(doc, 'chair-2')?.note, undefined);
    assert.deepEqual(readItems(doc).map((item) => item.id), ['chair-2']);
  });

  it('finishes: set, replace, and back to the room’s own', () => {
    const doc = createOptionDoc({ items: [], finishes: { floor: { colour: '#c8a27a', material: 'oak' }, walls: null } });
    assert.deepEqual(setFinish(doc, 'floor', { colour: '#333333', material: 'slate' }, ME), { ok: true, value: { colour: '#c8a27a', material: 'oak' } });
    setFinish(doc, 'walls', { colour: '#ffffff', material: 'paint' }, ME);
    setFinish(doc, 'floor', null, ME);
    assert.deepEqual(readFinishes(doc), { floor: null, walls: { colour: '#ffffff', material: 'paint' } });
  });

  it('concurrent edits to different aspects of one piece both survive', () => {
    const a = createOptionDoc({ items: [sofa] });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveItem(a, 'sofa', { xMm: 1000, yMm: 1000 }, 'a');
    swapItem(b, 'sofa', 'p-sofa-velvet', 'b');
    setQuantity(b, 'sofa', 2, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    const expected = { ...sofa, xMm: 1000, yMm: 1000, productId: 'p-sofa-velvet', quantity: 2 };
    assert.deepEqual(readItems(a), [expected]);
    assert.deepEqual(readItems(b), [expected]);
  });

  it('two simultaneous drags of one piece end at one person’s spot, never a blend', () => {
    const a = createOptionDoc({ items: [sofa] });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveItem(a, 'sofa', { xMm: 1, yMm: 1 }, 'a');
    moveItem(b, 'sofa', { xMm: 2, yMm: sofa.yMm }, 'b');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const [item] = readItems(a);
    assert.ok((item!.xMm === 1 && item!.yMm === 1) || (item!.xMm === 2 && item!.yMm === sofa.yMm), JSON.stringify(item));
    assert.deepEqual(readItems(b), readItems(a));
  });

  it('reports entries a faulty client wrote instead of crashing or showing them', () => {
    const doc = createOptionDoc({ items: [sofa] });
    doc.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('piece', { productId: 'p' });
      optionItems(doc).set('broken', bad);
      (optionItems(doc) as Y.Map<unknown>).set('not-a-map', 42);
    });
    const { items, problems } = inspectItems(doc);
    assert.deepEqual(items, [sofa]);
    assert.deepEqual(problems.map((problem) => problem.itemId), ['broken', 'not-a-map']);
    assert.equal(moveItem(doc, 'broken', { xMm: 0, yMm: 0 }, ME).ok, false);
    assert.deepEqual(removeItem(doc, 'not-a-map', ME), { ok: true, value: null });
  });
});
