/** One thread of a parallel sweep (sweep-parallel.ts): its own store connection, its range of products. */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../db/database.ts';
import type { WorkerJob } from './sweep-parallel.ts';
import { sweepWatches } from './sweep.ts';

const job = workerData as WorkerJob;
const store = await openStore(job.location);
try {
  const report = await sweepWatches(store.db, { asOf: job.options.asOf, now: job.options.now ? new Date(job.options.now) : undefined, pageSize: job.options.pageSize, products: job.options.products });
  parentPort!.postMessage({ report });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await store.close();
}
