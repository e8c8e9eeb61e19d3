/**
 * Every released snapshot version opens after an upgrade: one fixture per old version, loaded
 * through the migration and checked field by field; a newer or damaged document is refused.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import v0 from './fixtures/option-v0.json' with { type: 'json' };
import v1 from './fixtures/option-v1.json' with { type: 'json' };
import { createOptionDoc, readItems, toSnapshot } from './document.ts';
import { migrateOptionSnapshot, OPTION_SCHEMA_VERSION } from './snapshot.ts';

describe('option snapshot migrations', () => {
  it('opens a version-0 document: version added, floor-standing and single by default, no finishes, sorted by id', () => {
    const result = migrateOptionSnapshot(v0);
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.equal(result.fromVersion, 0);
    assert.equal(result.snapshot.schemaVersion, OPTION_SCHEMA_VERSION);
    assert.deepEqual(result.snapshot.finishes, { floor: null, walls: null });
    assert.deepEqual(
      result.snapshot.items.map((item) => item.id),
      ['chair-1', 'mirror-1', 'sofa-1'],
    );
    const [chair, mirror, sofa] = result.snapshot.items;
    assert.deepEqual(sofa, { id: 'sofa-1', productId: 'p-sofa-linen', xMm: 2600, yMm: 3500, rotationDeg: 180, elevationMm: 0, quantity: 1 });
    assert.equal(chair!.quantity, 2, 'an explicit quantity survives');
    assert.equal(chair!.colour, 'walnut');
    assert.equal(mirror!.elevationMm, 1100, 'an explicit elevation survives');
    assert.equal(mirror!.productId, null);
    assert.equal(mirror!.ownPiece?.name, 'Gilt mirror');
  });

  it('opens a version-1 document (the foundation format) unchanged but for finishes', () => {
    const result = migrateOptionSnapshot(v1);
    assert.ok(result.ok);
    assert.equal(result.fromVersion, 1);
    assert.deepEqual(result.snapshot.items, [...v1.items].sort((a, b) => (a.id < b.id ? -1 : 1)));
    assert.deepEqual(result.snapshot.finishes, { floor: null, walls: null });
  });

  it('a migrated version-0 document seeds a live option whose snapshot is the migration', () => {
    const result = migrateOptionSnapshot(v0);
    assert.ok(result.ok);
    const doc = createOptionDoc(result.snapshot);
    assert.deepEqual(toSnapshot(doc), result.snapshot);
    assert.equal(readItems(doc).length, 3);
  });

  it('a current snapshot migrates to itself', () => {
    const first = migrateOptionSnapshot(v1);
    assert.ok(first.ok);
    const again = migrateOptionSnapshot(JSON.parse(JSON.stringify(first.snapshot)));
    assert.ok(again.ok);
    assert.equal(again.fromVersion, OPTION_SCHEMA_VERSION);
    assert.deepEqual(again.snapshot, first.snapshot);
  });

  it('refuses a document from a newer release instead of guessing', () => {
    const result = migrateOptionSnapshot({ schemaVersion: OPTION_SCHEMA_VERSION + 1, items: [] });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'newer-version');
  });

  it('refuses damaged documents with a message that says where', () => {
    const cases: [unknown, RegExp][] = [
      [null, /JSON object/],
      [{ schemaVersion: 'two', items: [] }, /schema version/],
      [{ schemaVersion: 1, items: 'none' }, /items/],
      [{ schemaVersion: 1, items: [{ id: 'a', productId: 'p', xMm: 1.5, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity: 1 }] }, /items\.0\.xMm/],
      [{ schemaVersion: 2, items: [], finishes: { floor: { colour: 'red', material: 'oak' }, walls: null } }, /finishes\.floor\.colour/],
      [
        {
          schemaVersion: 1,
          items: [
            { id: 'a', productId: 'p', xMm: 0, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity: 1 },
            { id: 'a', productId: 'q', xMm: 0, yMm: 0, rotationDeg: 0, elevationMm: 0, quantity: 1 },
          ],
        },
        /unique/,
      ],
    ];
    for (const [input, message] of cases) {
      const result = migrateOptionSnapshot(input);
      assert.equal(result.ok, false, JSON.stringify(input));
      assert.match(!result.ok ? result.message : '', message);
    }
  });
});
