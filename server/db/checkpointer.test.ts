import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startBackgroundCheckpoints } from './checkpointer.ts';
import { openSqlite } from './sqlite-dialect.ts';

/** Writes `rounds` commits of about 1 MB each, pausing between them as a server would; returns the largest WAL seen. */
async function writeRounds(file: string, rounds: number, withWorker: boolean): Promise<{ maxWalBytes: number; rows: number }> {
  const database = openSqlite(file);
  const checkpointer = withWorker ? startBackgroundCheckpoints(database, file, { intervalMs: 50 }) : null;
  if (!withWorker) database.exec('PRAGMA wal_autocheckpoint = 0');
  database.exec('CREATE TABLE IF NOT EXISTS blobs (id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
  const insert = database.prepare('INSERT INTO blobs (body) VALUES (?)');
  let maxWalBytes = 0;
  for (let round = 0; round < rounds; round++) {
    database.exec('BEGIN');
    for (let i = 0; i < 16; i++) insert.run(new Uint8Array(64 * 1024).fill(round));
    database.exec('COMMIT');
    await sleep(120);
    maxWalBytes = Math.max(maxWalBytes, statSync(`${file}-wal`).size);
  }
  const rows = Number((database.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n);
  await checkpointer?.stop();
  database.close();
  return { maxWalBytes, rows };
}

describe('background checkpoints', () => {
  it('keep the write-ahead log from growing while commits never checkpoint themselves, and lose nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'atelier-checkpoint-'));
    try {
      const without = await writeRounds(path.join(dir, 'without.sqlite'), 12, false);
      const withWorker = await writeRounds(path.join(dir, 'with.sqlite'), 12, true);
      assert.equal(withWorker.rows, 12 * 16);
      // Without checkpoints the log holds every round (~12 MB); with the worker, about one or two.
      assert.ok(without.maxWalBytes > 10 * 1024 * 1024, `without: ${without.maxWalBytes}`);
      assert.ok(withWorker.maxWalBytes < 4 * 1024 * 1024, `with: ${withWorker.maxWalBytes}`);
      // Everything written is in the database file once the worker has stopped.
      const reopened = openSqlite(path.join(dir, 'with.sqlite'));
      assert.equal(Number((reopened.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number }).n), 12 * 16);
      reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
