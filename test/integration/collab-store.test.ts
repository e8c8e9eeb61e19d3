import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import { addItem, moveItem, readItems } from '../../core/options/index.ts';
import { compactOption, loadOptionInto } from '../../server/collab/store.ts';
import { createUpdateWriter } from '../../server/collab/writer.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import { demoOptionId, storedDoc } from './collab-helpers.ts';
import { createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

/** [Collab] The durable form of an option: group-committed updates, compaction that folds exactly what it read. */
for (const engine of engines()) {
  describe(`collab store (${engine})`, () => {
    let testStore: TestStore;
    let store: Store;
    let optionId: string;

    before(async () => {
      testStore = await createTestStore(engine);
      // The demo studio, then the server goes away: these tests use the store alone.
      await (await startTestServer(testStore, { demo: true })).close();
      store = await openStore(testStore.location);
      optionId = await demoOptionId(store.db, "Maya's living room");
    });
    after(async () => {
      await store.close();
      await testStore.dispose();
    });

    it('writes updates arriving together in one go, in order, each acknowledged after it is stored; compaction keeps the document', async () => {
      const doc = new Y.Doc();
      await loadOptionInto(store.db, optionId, doc);
      const template = readItems(doc)[0]!;
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 120; i++) addItem(doc, { ...template, id: `w-${String(i).padStart(3, '0')}` }, 'test');
      moveItem(doc, 'w-000', { xMm: 4321, yMm: 12 }, 'test');

      const writer = createUpdateWriter(store.db);
      const before = await writer.storedCount(optionId);
      const acknowledged: number[] = [];
      await Promise.all(updates.map((update, i) => writer.append(optionId, update).then(() => acknowledged.push(i))));
      assert.deepEqual(acknowledged, updates.map((_, i) => i), 'acknowledged in arrival order');
      assert.equal(await writer.storedCount(optionId), before + updates.length);
      const rows = await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).orderBy('id').execute();
      assert.equal(rows.length, before + updates.length);

      const expected = doc.toJSON();
      assert.deepEqual((await storedDoc(store.db, optionId)).toJSON(), expected);
      await compactOption(store.db, optionId);
      assert.equal((await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).execute()).length, 0);
      assert.deepEqual((await storedDoc(store.db, optionId)).toJSON(), expected, 'the same document after compaction (key order aside)');
      const snapshot = JSON.parse((await store.db.selectFrom('design_options').select('document').where('id', '=', optionId).executeTakeFirstOrThrow()).document);
      assert.equal(snapshot.items.find((item: { id: string }) => item.id === 'w-000').xMm, 4321, 'the REST snapshot follows');
    });

    it('compaction deletes only the rows it folded in', async () => {
      const doc = new Y.Doc();
      await loadOptionInto(store.db, optionId, doc);
      const template = readItems(doc)[0]!;
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      addItem(doc, { ...template, id: 'late-a' }, 'test');
      addItem(doc, { ...template, id: 'late-b' }, 'test');
      const writer = createUpdateWriter(store.db);
      await writer.append(optionId, updates[0]!);
      // An update written while the compaction runs (between its read and its delete) is kept.
      const compaction = compactOption(store.db, optionId);
      await writer.append(optionId, updates[1]!);
      await compaction;
      const ids = new Set(readItems(await storedDoc(store.db, optionId)).map((item) => item.id));
      assert.ok(ids.has('late-a') && ids.has('late-b'));
    });
  });
}
