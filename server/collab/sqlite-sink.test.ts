import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openStore, SQLITE_FILE_NAME } from '../db/database.ts';
import { sqliteWorkerSink } from './sqlite-sink.ts';

describe('sqliteWorkerSink', () => {
  it('commits each batch in order from its own thread, a batch that fails leaves none of its rows, and a compaction replaces the option\'s updates', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atelier-sink-'));
    const store = await openStore({ dataDir: dir });
    const sink = sqliteWorkerSink(path.join(dir, SQLITE_FILE_NAME));
    try {
      const now = new Date().toISOString();
      await store.db.insertInto('rooms').values({ id: 'r', project_id: await projectId(store), name: 'Room', shape: '{}', created_at: now, updated_at: now }).execute();
      await store.db.insertInto('design_options').values({ id: 'o', room_id: 'r', name: 'A', document: '{}', created_at: now, updated_at: now }).execute();
      await store.db.insertInto('design_options').values({ id: 'o2', room_id: 'r', name: 'B', document: '{}', created_at: now, updated_at: now }).execute();
      // Updates of different lengths for two options, packed into one buffer on the way.
      const update = (first: number, length: number) => Uint8Array.from({ length }, (_, i) => first + i);
      const rows = (from: number) => [
        { optionId: 'o', update: update(from, 1) },
        { optionId: 'o2', update: update(from + 10, 3) },
        { optionId: 'o', update: update(from + 20, 2) },
      ];
      await Promise.all([sink.write(rows(1), now), sink.write(rows(100), now)]);
      // An unknown option breaks the foreign key: the whole batch is refused, the valid row with it.
      await assert.rejects(sink.write([{ optionId: 'o', update: new Uint8Array([99]) }, { optionId: 'missing', update: new Uint8Array([100]) }], now), /FOREIGN KEY/);
      const stored = await store.db.selectFrom('option_updates').select(['option_id', 'update']).orderBy('id').execute();
      assert.deepEqual(
        stored.map((row) => [row.option_id, [...new Uint8Array(row.update)]]),
        [
          ['o', [1]],
          ['o2', [11, 12, 13]],
          ['o', [21, 22]],
          ['o', [100]],
          ['o2', [110, 111, 112]],
          ['o', [120, 121]],
        ],
      );
      // A compaction replaces the option's updates with its state and snapshot, in one transaction.
      await sink.compact({ optionId: 'o', state: new Uint8Array([7, 7]), document: '{"items":[]}' }, now);
      assert.deepEqual((await store.db.selectFrom('option_updates').select('option_id').execute()).map((row) => row.option_id), ['o2', 'o2']);
      assert.deepEqual([...new Uint8Array((await store.db.selectFrom('option_states').select('state').where('option_id', '=', 'o').executeTakeFirstOrThrow()).state)], [7, 7]);
      assert.equal((await store.db.selectFrom('design_options').select('document').where('id', '=', 'o').executeTakeFirstOrThrow()).document, '{"items":[]}');
    } finally {
      await sink.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function projectId(store: Awaited<ReturnType<typeof openStore>>): Promise<string> {
  const now = new Date().toISOString();
  await store.db.insertInto('users').values({ id: 'u', email: 'u@t.test', name: 'U', role: 'customer', password_hash: 'x', preferences: '{}', created_at: now }).execute();
  await store.db.insertInto('projects').values({ id: 'p', name: 'P', stage: 'intake', customer_id: 'u', budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
  return 'p';
}
