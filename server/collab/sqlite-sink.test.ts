import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openStore, SQLITE_FILE_NAME } from '../db/database.ts';
import { sqliteWorkerSink } from './sqlite-sink.ts';

describe('sqliteWorkerSink', () => {
  it('commits each batch in order from its own thread, and a batch that fails leaves none of its rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atelier-sink-'));
    const store = await openStore({ dataDir: dir });
    const sink = sqliteWorkerSink(path.join(dir, SQLITE_FILE_NAME));
    try {
      const now = new Date().toISOString();
      await store.db.insertInto('rooms').values({ id: 'r', project_id: await projectId(store), name: 'Room', shape: '{}', created_at: now, updated_at: now }).execute();
      await store.db.insertInto('design_options').values({ id: 'o', room_id: 'r', name: 'A', document: '{}', created_at: now, updated_at: now }).execute();
      const rows = (from: number) => Array.from({ length: 3 }, (_, i) => ({ optionId: 'o', update: new Uint8Array([from + i]) }));
      await Promise.all([sink.write(rows(1), now), sink.write(rows(4), now)]);
      // An unknown option breaks the foreign key: the whole batch is refused, the valid row with it.
      await assert.rejects(sink.write([{ optionId: 'o', update: new Uint8Array([99]) }, { optionId: 'missing', update: new Uint8Array([100]) }], now), /FOREIGN KEY/);
      const stored = await store.db.selectFrom('option_updates').select('update').where('option_id', '=', 'o').orderBy('id').execute();
      assert.deepEqual(stored.map((row) => row.update[0]), [1, 2, 3, 4, 5, 6]);
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
