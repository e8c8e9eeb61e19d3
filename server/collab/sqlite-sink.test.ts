import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, SQLITE_FILE_NAME, type Store } from '../db/database.ts';
import { sqliteWorkerSink } from './sqlite-sink.ts';

const bytes = (first: number, length: number) => Uint8Array.from({ length }, (_, i) => (first + i) % 256);

describe('sqliteWorkerSink', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atelier-sink-'));
    store = await openStore({ dataDir: dir });
    const now = new Date().toISOString();
    await store.db.insertInto('users').values({ id: 'u', email: 'u@t.test', name: 'U', role: 'customer', password_hash: 'x', preferences: '{}', created_at: now }).execute();
    await store.db.insertInto('projects').values({ id: 'p', name: 'P', stage: 'intake', customer_id: 'u', budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
    await store.db.insertInto('rooms').values({ id: 'r', project_id: 'p', name: 'Room', shape: '{}', created_at: now, updated_at: now }).execute();
    for (const id of ['o', 'o2', 'ring']) await store.db.insertInto('design_options').values({ id, room_id: 'r', name: id, document: '{}', created_at: now, updated_at: now }).execute();
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const storedRows = async (optionIds: readonly string[]) =>
    (await store.db.selectFrom('option_updates').select(['option_id', 'update']).where('option_id', 'in', optionIds).orderBy('id').execute()).map((row) => [row.option_id, [...new Uint8Array(row.update)]]);

  it('commits in order from its own thread; a refused update fails alone; a compaction replaces the option\'s updates', async () => {
    const sink = sqliteWorkerSink(path.join(dir, SQLITE_FILE_NAME));
    try {
      await Promise.all([sink.append('o', bytes(1, 1)), sink.append('o2', bytes(11, 3)), sink.append('o', bytes(21, 2))]);
      // An unknown option breaks the foreign key of its own update; the updates around it, committed
      // in the same group, are stored.
      const results = await Promise.allSettled([sink.append('o', bytes(100, 1)), sink.append('missing', bytes(0, 1)), sink.append('o2', bytes(110, 3))]);
      assert.deepEqual(
        results.map((result) => result.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      assert.match(String((results[1] as PromiseRejectedResult).reason), /FOREIGN KEY/);
      assert.deepEqual(await storedRows(['o', 'o2', 'missing']), [
        ['o', [1]],
        ['o2', [11, 12, 13]],
        ['o', [21, 22]],
        ['o', [100]],
        ['o2', [110, 111, 112]],
      ]);
      // A compaction replaces the option's updates with its state and snapshot, in one transaction;
      // an update queued after it stays.
      const [compacted, later] = [sink.compact({ optionId: 'o', state: new Uint8Array([7, 7]), document: '{"items":[]}' }), sink.append('o', bytes(50, 2))];
      await Promise.all([compacted, later]);
      assert.deepEqual(await storedRows(['o', 'o2']), [
        ['o2', [11, 12, 13]],
        ['o2', [110, 111, 112]],
        ['o', [50, 51]],
      ]);
      assert.deepEqual([...new Uint8Array((await store.db.selectFrom('option_states').select('state').where('option_id', '=', 'o').executeTakeFirstOrThrow()).state)], [7, 7]);
      assert.equal((await store.db.selectFrom('design_options').select('document').where('id', '=', 'o').executeTakeFirstOrThrow()).document, '{"items":[]}');
      // A compaction that fails (no such option) keeps everything, and the stream goes on.
      await assert.rejects(sink.compact({ optionId: 'missing', state: new Uint8Array([1]), document: '{}' }), /FOREIGN KEY/);
      await sink.append('o2', bytes(9, 1));
      assert.equal((await storedRows(['o2'])).length, 3);
    } finally {
      await sink.close();
    }
    await assert.rejects(sink.append('o', bytes(1, 1)), /closed|stopped/, 'nothing is taken once it is closed');
  });

  for (const ringBytes of [1024, 4096]) {
    it(`a small ring (${ringBytes} bytes) wraps, fills, and queues the rest in order; updates too large for it go by the port in their place`, async () => {
      // A 600-byte update is over the inline limit (an eighth), and 400 updates are far more than
      // the ring holds at once.
      await store.db.deleteFrom('option_updates').where('option_id', '=', 'ring').execute();
      const sink = sqliteWorkerSink(path.join(dir, SQLITE_FILE_NAME), { ringBytes, windowMs: 1 });
      const sizes = Array.from({ length: 400 }, (_, i) => (i % 50 === 7 ? 600 : 1 + ((i * 37) % 300)));
      try {
        const settledOrder: number[] = [];
        await Promise.all(sizes.map((size, i) => sink.append('ring', bytes(i, size)).then(() => settledOrder.push(i))));
        assert.deepEqual(settledOrder, sizes.map((_, i) => i), 'settled in the order queued');
        const rows = await storedRows(['ring']);
        assert.equal(rows.length, sizes.length);
        rows.forEach(([, stored], i) => assert.deepEqual(stored, [...bytes(i, sizes[i]!)], `update ${i} stored whole`));
        // After a lull (the worker asleep), it wakes for the next one.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await sink.append('ring', bytes(1, 10));
        assert.equal((await storedRows(['ring'])).length, sizes.length + 1);
      } finally {
        await sink.close();
      }
    });
  }
});
