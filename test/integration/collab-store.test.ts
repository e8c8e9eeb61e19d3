import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as Y from 'yjs';
import path from 'node:path';
import { addItem, moveItem, readItems, toSnapshot } from '../../core/options/index.ts';
import { sqliteWorkerSink, type UpdateSink } from '../../server/collab/sqlite-sink.ts';
import { loadOptionInto } from '../../server/collab/store.ts';
import { createUpdateWriter } from '../../server/collab/writer.ts';
import { openStore, SQLITE_FILE_NAME, type Store } from '../../server/db/database.ts';
import { demoOptionId, storedDoc } from './collab-helpers.ts';
import { createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const compactionOf = (optionId: string, doc: Y.Doc) => ({ optionId, state: Y.encodeStateAsUpdate(doc), document: JSON.stringify(toSnapshot(doc)) });

/**
 * [Collab] The durable form of an option: group-committed updates, and compaction in the same
 * ordered stream — on SQLite also through the store worker the server uses.
 */
const variants = engines().flatMap((engine): { engine: typeof engine; worker: boolean }[] => (engine === 'sqlite' ? [{ engine, worker: false }, { engine, worker: true }] : [{ engine, worker: false }]));
for (const { engine, worker } of variants) {
  describe(`collab store (${engine}${worker ? ', store worker' : ''})`, () => {
    let testStore: TestStore;
    let store: Store;
    let optionId: string;
    let sink: UpdateSink | undefined;

    before(async () => {
      testStore = await createTestStore(engine);
      // The demo studio, then the server goes away: these tests use the store alone.
      await (await startTestServer(testStore, { demo: true })).close();
      store = await openStore(testStore.location);
      optionId = await demoOptionId(store.db, "Maya's living room");
      if (worker) sink = sqliteWorkerSink(path.join(testStore.location.dataDir!, SQLITE_FILE_NAME));
    });
    after(async () => {
      await sink?.close();
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

      const writer = createUpdateWriter(store.db, sink);
      const before = await writer.storedCount(optionId);
      const acknowledged: number[] = [];
      await Promise.all(updates.map((update, i) => writer.append(optionId, update).then(() => acknowledged.push(i))));
      assert.deepEqual(acknowledged, updates.map((_, i) => i), 'acknowledged in arrival order');
      assert.equal(await writer.storedCount(optionId), before + updates.length);
      const rows = await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).orderBy('id').execute();
      assert.equal(rows.length, before + updates.length);

      const expected = doc.toJSON();
      assert.deepEqual((await storedDoc(store.db, optionId)).toJSON(), expected);
      await writer.compact(compactionOf(optionId, doc));
      assert.equal((await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).execute()).length, 0);
      assert.equal(await writer.storedCount(optionId), 0, 'counted from zero again');
      assert.deepEqual((await storedDoc(store.db, optionId)).toJSON(), expected, 'the same document after compaction (key order aside)');
      const snapshot = JSON.parse((await store.db.selectFrom('design_options').select('document').where('id', '=', optionId).executeTakeFirstOrThrow()).document);
      assert.equal(snapshot.items.find((item: { id: string }) => item.id === 'w-000').xMm, 4321, 'the REST snapshot follows');
    });

    it('a compaction replaces exactly the updates queued before it; those queued after it stay', async () => {
      const doc = new Y.Doc();
      await loadOptionInto(store.db, optionId, doc);
      const template = readItems(doc)[0]!;
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      addItem(doc, { ...template, id: 'late-a' }, 'test');
      const writer = createUpdateWriter(store.db, sink);
      // As the server does: the update is queued, applied, then the state is read and queued.
      const first = writer.append(optionId, updates[0]!);
      const compaction = writer.compact(compactionOf(optionId, doc));
      addItem(doc, { ...template, id: 'late-b' }, 'test');
      const second = writer.append(optionId, updates[1]!);
      await Promise.all([first, compaction, second]);
      const rows = await store.db.selectFrom('option_updates').select('update').where('option_id', '=', optionId).execute();
      assert.equal(rows.length, 1, 'only the update queued after the compaction is left');
      assert.deepEqual([...new Uint8Array(rows[0]!.update)], [...updates[1]!]);
      const ids = new Set(readItems(await storedDoc(store.db, optionId)).map((item) => item.id));
      assert.ok(ids.has('late-a') && ids.has('late-b'), 'both in the stored document');
    });

    it('a compaction that fails keeps every stored update, and the stream goes on', async () => {
      const writer = createUpdateWriter(store.db, sink);
      const stored = await writer.storedCount(optionId);
      const doc = await storedDoc(store.db, optionId);
      // No such option: the snapshot's UPDATE finds nothing, but the state row's foreign key refuses it.
      await assert.rejects(writer.compact({ ...compactionOf('no-such-option', doc) }));
      const rows = await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).execute();
      assert.equal(rows.length, stored);
      const template = readItems(doc)[0]!;
      let update: Uint8Array | undefined;
      doc.on('update', (bytes: Uint8Array) => (update = bytes));
      addItem(doc, { ...template, id: 'after-failure' }, 'test');
      await writer.append(optionId, update!);
      assert.ok(readItems(await storedDoc(store.db, optionId)).some((item) => item.id === 'after-failure'));
    });
  });
}
