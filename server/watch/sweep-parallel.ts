/**
 * A sweep spread over worker threads, each with its own store connection and its own range of
 * products. The sweep is independent per product, and every write is guarded (settle.ts), so
 * workers need no coordination beyond their ranges: the same property that lets two sweeps run
 * at once lets one sweep use every core. Small stores are swept in-process; threads cost more
 * to start than they would save.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { canonicalIso, instantMs } from '../../core/watch/index.ts';
import { openStore, type StoreLocation } from '../db/database.ts';
import { sweepWatches, type SweepOptions, type SweepReport } from './sweep.ts';

export interface ParallelSweepOptions extends Omit<SweepOptions, 'products' | 'onPage' | 'now' | 'openCount'> {
  readonly now?: Date;
  /** Threads to use (default: see `defaultWorkers`); 1 sweeps in-process. */
  readonly workers?: number;
  /** Below this many open watches the sweep stays in-process (default 250,000: threads take time to start). */
  readonly parallelFrom?: number;
}

export interface WorkerJob {
  readonly location: StoreLocation;
  readonly options: { asOf?: string; now?: string; pageSize?: number; products: { from: string | null; to: string | null } };
}

export async function sweepAll(location: StoreLocation, options: ParallelSweepOptions = {}): Promise<SweepReport & { workers: number }> {
  if (options.asOf !== undefined && Number.isNaN(instantMs(options.asOf))) throw new RangeError(`--as-of must be an ISO-8601 date or date-time with Z or an offset, got "${options.asOf}"`);
  const store = await openStore(location);
  let bounds: (string | null)[];
  try {
    const wanted = Math.max(1, Math.min(options.workers ?? defaultWorkers(), 16));
    // Enough open watches to be worth threads? Look for the parallelFrom-th one rather than count
    // them all (a million index entries): each worker counts its own range, at the same time.
    const parallelFrom = options.parallelFrom ?? 250_000;
    const enough =
      parallelFrom <= 0 ||
      (await store.db
        .selectFrom('watches')
        .select('product_id')
        .where('status', '=', sql.lit('open'))
        .orderBy('product_id')
        .orderBy('line_id')
        .limit(1)
        .offset(parallelFrom - 1)
        .executeTakeFirst()) !== undefined;
    if (wanted === 1 || !enough || !WORKER_SCRIPT) {
      return { ...(await sweepWatches(store.db, options)), workers: 1 };
    }
    // Ranges of equally many products (lines spread over products about evenly; a worker that
    // finishes early only leaves its core to the others).
    const products = Number((await store.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    bounds = [null];
    for (let k = 1; k < wanted; k++) {
      const row = await store.db
        .selectFrom('products')
        .select('id')
        .orderBy('id')
        .limit(1)
        .offset(Math.floor((k * products) / wanted))
        .executeTakeFirst();
      if (row && row.id !== bounds[bounds.length - 1]) bounds.push(row.id);
    }
    bounds.push(null);
  } finally {
    await store.close();
  }
  const asOf = canonicalIso(options.asOf !== undefined ? instantMs(options.asOf) : Date.now());
  const jobs: WorkerJob[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    jobs.push({ location, options: { asOf, now: options.now?.toISOString(), pageSize: options.pageSize, products: { from: bounds[i]!, to: bounds[i + 1]! } } });
  }
  const reports = await Promise.all(jobs.map(runWorker));
  const total: SweepReport & { workers: number } = { ...reports[0]!, workers: reports.length };
  for (const report of reports.slice(1)) {
    total.claimsOpened += report.claimsOpened;
    total.claimsGrown += report.claimsGrown;
    total.watchesClosed += report.watchesClosed;
    total.observationErrors += report.observationErrors;
    total.retried += report.retried;
    total.watchesChecked += report.watchesChecked;
    total.pages += report.pages;
    total.peakObservationsHeld = Math.max(total.peakObservationsHeld, report.peakObservationsHeld);
  }
  return total;
}

/**
 * One thread per core, at most 4 — but one in all on a machine of two cores or fewer. There the
 * second thread only helps while the other core is idle: the store's scan is the work, and two
 * workers cost about 40 % more CPU in all than one (each loads the code and opens its own
 * connection). Measured at a million watches on two shared cores, one thread was as fast or
 * faster in every benchmark run; `--workers 2` still asks for two.
 */
export function defaultWorkers(cores = availableParallelism()): number {
  return cores > 2 ? Math.min(cores, 4) : 1;
}

/**
 * The worker's script, where it can run: Node running the TypeScript sources. Inside a bundle
 * (the packaged desktop app) there is no script to start, and the sweep stays in-process.
 */
const WORKER_SCRIPT: URL | null = (() => {
  const url = new URL('./sweep-worker.ts', import.meta.url);
  return url.protocol === 'file:' && !process.versions.electron && existsSync(fileURLToPath(url)) ? url : null;
})();

function runWorker(job: WorkerJob): Promise<SweepReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT!, { workerData: job });
    let report: SweepReport | undefined;
    worker.once('message', (message: { report?: SweepReport; error?: string }) => {
      if (message.report) report = message.report;
      else reject(new Error(message.error ?? 'sweep worker failed'));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (report ? resolve(report) : reject(new Error(`sweep worker exited with code ${code} before reporting`))));
  });
}
