import { Worker } from 'node:worker_threads';
import type { DatabaseSync } from 'node:sqlite';
import { WAL_AUTOCHECKPOINT_PAGES } from './sqlite-dialect.ts';

/**
 * WAL checkpoints off the main thread. A checkpoint copies the write-ahead log into the database
 * file and fsyncs it; with `node:sqlite` that runs inside whichever commit crosses the threshold,
 * on the thread that serves every request and every live socket — tens of milliseconds during
 * which the collab relay and the API stand still. The server instead turns automatic
 * checkpoints off on its connection and lets a worker with a connection of its own run PASSIVE
 * checkpoints (never waiting for, or blocking, readers and writers) a few times a second.
 * The script is inline so it also runs from the packaged desktop app's bundle.
 */
const SCRIPT = `
const { workerData, parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file, { timeout: 5000 });
const checkpoint = () => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startBackgroundCheckpoints(database: DatabaseSync, file: string, options: { intervalMs?: number; onError?: (message: string) => void } = {}): Checkpointer {
  database.exec('PRAGMA wal_autocheckpoint = 0');
  const worker = new Worker(SCRIPT, { eval: true, workerData: { file, intervalMs: options.intervalMs ?? 250 } });
  worker.unref();
  let stopping: Promise<void> | undefined;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (message: { error?: string }) => {
    if (message.error) options.onError?.(message.error);
  });
  worker.on('error', (error) => options.onError?.(error.message));
  return {
    stop: () =>
      (stopping ??= (() => {
        worker.postMessage('stop');
        // Back to automatic checkpoints for whatever this connection still writes.
        database.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
        return exited;
      })()),
  };
}
