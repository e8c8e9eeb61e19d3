import { Worker } from 'node:worker_threads';

/**
 * [Collab] The live documents' writes to SQLite, from a worker thread. `node:sqlite` runs every
 * statement synchronously on the calling thread, so a batch written on the main thread (one
 * insert per turn of the event loop at 3,000 updates a second) holds up the relay of every
 * message that arrives meanwhile — the relay's tail latency. The worker has a connection of its
 * own and runs each request in one transaction, in the order posted; the main thread only posts
 * bytes and is told when they are committed (acknowledgements wait for that, acks.ts). WAL mode
 * lets the main connection read meanwhile; checkpoints run in their own worker
 * (db/checkpointer.ts). Inline so it also runs from the packaged desktop app's bundle.
 *
 * Two requests: a batch of updates to append, and a compaction — the option's state and JSON
 * snapshot, taken from the live document, replace the updates stored for it so far.
 */
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: 5000, enableForeignKeyConstraints: true });
db.exec('PRAGMA synchronous = NORMAL');
db.exec('PRAGMA busy_timeout = 5000');
db.exec('PRAGMA wal_autocheckpoint = 0');
const insert = db.prepare('INSERT INTO option_updates (option_id, "update", created_at) VALUES (?, ?, ?)');
const saveState = db.prepare('INSERT INTO option_states (option_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (option_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
const dropUpdates = db.prepare('DELETE FROM option_updates WHERE option_id = ?');
const saveDocument = db.prepare('UPDATE design_options SET document = ?, updated_at = ? WHERE id = ?');
const run = {
  append({ options, optionOf, ends, bytes, at }) {
    for (let row = 0, start = 0; row < ends.length; start = ends[row], row++) insert.run(options[optionOf[row]], bytes.subarray(start, ends[row]), at);
  },
  compact({ optionId, state, document, at }) {
    saveState.run(optionId, state, at);
    dropUpdates.run(optionId);
    saveDocument.run(document, at, optionId);
  },
};
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      run[message.kind](message);
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
}

/** An option's compacted form, taken from its live document (writer.ts). */
export interface Compaction {
  readonly optionId: string;
  /** The document's whole state, as one Yjs update. */
  readonly state: Uint8Array;
  /** Its JSON snapshot, for `design_options.document` (the REST API reads it). */
  readonly document: string;
}

/**
 * Where the writer's requests are committed, each in one transaction, in the order given. A
 * compaction stores the state and snapshot and deletes every update stored for the option until
 * then: the caller guarantees they are all in that state.
 */
export interface UpdateSink {
  write(rows: readonly UpdateRow[], at: string): Promise<void>;
  compact(compaction: Compaction, at: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A batch as one message: the rows' bytes packed into one buffer and the option of each row as
 * an index into its distinct ids, so that posting it clones a handful of values and moves the
 * buffers (a structured clone of one object per row cost the relay's thread ~1 ms a batch).
 */
interface PackedBatch {
  readonly kind: 'append';
  readonly id: number;
  readonly options: readonly string[];
  readonly optionOf: Uint32Array<ArrayBuffer>;
  readonly ends: Uint32Array<ArrayBuffer>;
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly at: string;
}

export function packBatch(id: number, rows: readonly UpdateRow[], at: string): PackedBatch {
  const indexOf = new Map<string, number>();
  const optionOf = new Uint32Array(rows.length);
  const ends = new Uint32Array(rows.length);
  let size = 0;
  rows.forEach((row, i) => {
    let index = indexOf.get(row.optionId);
    if (index === undefined) indexOf.set(row.optionId, (index = indexOf.size));
    optionOf[i] = index;
    size += row.update.byteLength;
    ends[i] = size;
  });
  const bytes = new Uint8Array(size);
  rows.forEach((row, i) => bytes.set(row.update, i === 0 ? 0 : ends[i - 1]!));
  return { kind: 'append', id, options: [...indexOf.keys()], optionOf, ends, bytes, at };
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
  const request = (post: (id: number) => void): Promise<void> => {
    if (broken) return Promise.reject(broken);
    const id = next++;
    return new Promise<void>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      post(id);
    });
  };
  return {
    write: (rows, at) =>
      request((id) => {
        const batch = packBatch(id, rows, at);
        worker.postMessage(batch, [batch.optionOf.buffer, batch.ends.buffer, batch.bytes.buffer]);
      }),
    compact: (compaction, at) => request((id) => worker.postMessage({ kind: 'compact', id, ...compaction, at })),
    async close() {
      if (broken) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      await exited;
    },
  };
}
