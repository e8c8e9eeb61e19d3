import { Worker } from 'node:worker_threads';

/**
 * [Collab] Live updates written to SQLite from a worker thread. `node:sqlite` runs every
 * statement synchronously on the calling thread, so a batch written on the main thread (one
 * insert per turn of the event loop at 3,000 updates a second) holds up the relay of every
 * message that arrives meanwhile — the relay's tail latency. The worker has a connection of its
 * own and writes each batch in one transaction; the main thread only posts the bytes and is told
 * when they are committed (acknowledgements wait for that, acks.ts). WAL mode lets the main
 * connection read meanwhile; checkpoints run in their own worker (db/checkpointer.ts).
 * Inline so it also runs from the packaged desktop app's bundle.
 */
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: 5000, enableForeignKeyConstraints: true });
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA wal_autocheckpoint = 0');
const insert = db.prepare('INSERT INTO option_updates (option_id, "update", created_at) VALUES (?, ?, ?)');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      for (const row of message.rows) insert.run(row.optionId, row.update, row.createdAt);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: String((error && error.message) || error) });
  }
});
`;

export interface UpdateRow {
  readonly optionId: string;
  readonly update: Uint8Array;
  readonly createdAt: string;
}

export interface UpdateSink {
  /** Resolves once every row is committed, in one transaction, in the order given. */
  write(rows: readonly UpdateRow[]): Promise<void>;
  close(): Promise<void>;
}

export function sqliteWorkerSink(file: string): UpdateSink {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { file } });
  worker.unref();
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 0;
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken = error;
    for (const entry of waiting.values()) entry.reject(error);
    waiting.clear();
  };
  worker.on('message', (message: { id: number; error?: string }) => {
    const entry = waiting.get(message.id);
    if (!entry) return;
    waiting.delete(message.id);
    if (message.error) entry.reject(new Error(message.error));
    else entry.resolve();
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the collab store worker stopped')));
  return {
    write(rows) {
      if (broken) return Promise.reject(broken);
      const id = next++;
      return new Promise<void>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, rows });
      });
    },
    async close() {
      if (broken) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
}
