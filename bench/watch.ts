/**
 * `npm run bench -- watch --json`: price watches at scale, on the real store (SQLite, the default
 * engine, in a temp folder) and through the real code paths.
 *
 * The studio: 1,000,000 open watches (50 lines per product, 20,000 products), bought over the 15
 * days before "now" with a 14-day window; a feed of 100,000 observations over the last 14 days
 * in which 5 % of the products go on sale (5–20 % off, a quarter marked down again later).
 *
 *   - batch1kMs: `importPriceRows` of 1,000 CSV rows — parse, look up SKUs, store observations,
 *     reprice products, find the watches they can affect, evaluate, write claims, notifications
 *     and timeline events in one transaction — median over the feed's 100 batches (with how many
 *     claims they wrote); batch1kNoNewDropsMs: the same for a batch that confirms today's prices
 *     (the common case: checking, nothing to write); batch1kDetectMs: the part of a feed batch
 *     spent finding the watches it can affect, evaluating them and writing their claims (the
 *     rest is parsing and storing the observations). The claims' news (notifications, timeline
 *     events) is queued in the batch's transaction as one outbox row and delivered right after
 *     the batch, timed apart: batch1kNewsDeliveryMs (and its CPU).
 *   - sweepSeconds: `sweepAll` (the path of `atelier watch run`) over every open watch, read from
 *     SQL page by page, each checked against its product's observations, as of a moment no window
 *     has ended; sweepSingleThreadSeconds the same in one thread; sweepClosingDaySeconds as of a
 *     day later, when 1/15 of the windows end (closing them writes a timeline event each);
 *     coldSweepSeconds: with every claim removed first, so the sweep writes them all itself;
 *     sweepProcessPeakRssMb: the peak memory of the sweep run in a process of its own, one thread,
 *     with V8's old space capped at 64 MB (it completes: memory does not grow with the watches).
 *   - sweepCpuSeconds, batch1kCpuMs: the CPU time the process spent on the same (all threads;
 *     median for the batch) — on a machine shared with other work, the part that is ours.
 *   - the naive baseline: every watch × every observation (core `processObservations` over the
 *     whole feed for each line), timed on a sample of lines and extrapolated linearly — labelled.
 * Sizes can be lowered for a quick look: ATELIER_BENCH_WATCHES, ATELIER_BENCH_OBSERVATIONS.
 * The built studio (before any feed) is kept between runs (see `cacheFolder`); `setupFromCache`
 * says whether this run copied it or built it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { EMPTY_WATCH_STATE, processObservations, type PriceObservation } from '../core/watch/index.ts';
import { openStore, SQLITE_FILE_NAME, type StoreLocation } from '../server/db/database.ts';
import type { Database } from '../server/db/schema.ts';
import { SQLITE_CACHE_KIB } from '../server/db/sqlite-dialect.ts';
import { readCsvRows } from '../server/watch/csv-rows.ts';
import { deliverClaimNews } from '../server/watch/news.ts';
import { importPriceRows, priceShape } from '../server/watch/prices.ts';
import { LINE_COLUMNS, loadPolicies, toPurchaseLine } from '../server/watch/rows.ts';
import { sweepAll } from '../server/watch/sweep-parallel.ts';
import { tempDir } from '../test/integration/harness.ts';
import type { BenchContext } from './registry.ts';
import { createSyntheticStudio, feedCsvLines, insertSyntheticLines, saleSchedule, syntheticFeed, type SyntheticStudio } from './watch-data.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2025-09-01T00:00:00Z');

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const rssMb = () => round(process.memoryUsage().rss / 2 ** 20, 0);
/** CPU time of this process (every thread) in ms: on a shared machine, what the work cost apart from waiting for a core. */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function importCsv(db: Kysely<Database>, lines: readonly string[], source: string, deliverNews = true) {
  return importPriceRows(db, readCsvRows([`retailer,sku,price,currency,observed_at\n${lines.join('\n')}\n`], priceShape()), { source, now: new Date(NOW), deliverNews });
}

export async function watchBenchmark({ log }: BenchContext): Promise<Record<string, unknown>> {
  const watches = Number(process.env.ATELIER_BENCH_WATCHES ?? 1_000_000);
  const observations = Number(process.env.ATELIER_BENCH_OBSERVATIONS ?? 100_000);
  const folder = tempDir('atelier-bench-watch-');
  const location: StoreLocation = { dataDir: folder.dir };
  const setupStart = performance.now();
  const cached = restoreCachedStudio(folder.dir, watches);
  const store = await openStore(location);
  try {
    let studio: SyntheticStudio;
    // Lines bought during a sale paid the sale price.
    const schedule = (s: SyntheticStudio) => saleSchedule(s, { fromMs: NOW - 14 * DAY, spanMs: 14 * DAY, dropShare: 0.05, seed: 3 });
    if (cached) studio = cached;
    else {
      // Loading a million rows is not what is measured: a big page cache while loading only.
      await sql`pragma cache_size = -262144`.execute(store.db);
      studio = await createSyntheticStudio(store.db, { products: Math.max(100, Math.round(watches / 50)), customers: Math.max(100, Math.round(watches / 20)), windowDays: 14 });
      await insertSyntheticLines(store.db, studio, { count: watches, fromMs: NOW - 15 * DAY, spanMs: 15 * DAY, prices: schedule(studio), onProgress: (done) => done % 200_000 === 0 && log(`  ${done.toLocaleString('en')} purchase lines…`) });
      await sql.raw(`pragma cache_size = ${SQLITE_CACHE_KIB}`).execute(store.db);
      await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
      cacheStudio(folder.dir, watches, studio);
    }
    const prices = schedule(studio);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    log(`setup${cached ? ' (from the cache)' : ''}: ${watches.toLocaleString('en')} lines and watches over ${studio.productIds.length.toLocaleString('en')} products in ${round(setupSeconds)} s`);

    const feed = syntheticFeed(studio, prices, { count: observations, fromMs: NOW - 14 * DAY, spanMs: 14 * DAY, seed: 3 });
    const csv = feedCsvLines(studio, feed);
    const batchMs: number[] = [];
    const batchCpuMs: number[] = [];
    const detectMs: number[] = [];
    const deliveryMs: number[] = [];
    const deliveryCpuMs: number[] = [];
    let claimsWritten = 0;
    let newsDelivered = 0;
    for (let i = 0; i < csv.length; i += 1000) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const report = await importCsv(store.db, csv.slice(i, i + 1000), `bench-feed-${i / 1000}`, false);
      batchMs.push(performance.now() - start);
      batchCpuMs.push(cpuMs(process.cpuUsage(cpu)));
      detectMs.push(report.detectionMs);
      claimsWritten += report.claimsOpened + report.claimsGrown;
      // The batch's claims are committed; their news (notifications, timeline events) goes out
      // after, from the outbox, as the server and the CLI deliver it — timed on its own.
      const deliveryStart = performance.now();
      const deliveryCpu = process.cpuUsage();
      newsDelivered += await deliverClaimNews(store.db);
      deliveryMs.push(performance.now() - deliveryStart);
      deliveryCpuMs.push(cpuMs(process.cpuUsage(deliveryCpu)));
    }
    // The machine's load while the batches ran (1, 5, 15 min): how far the wall times above are ours.
    const batchLoadAverage = os.loadavg().map((l) => round(l, 2));
    const notified = Number((await store.db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    if (notified !== newsDelivered) log(`  (news of ${newsDelivered} claims delivered but ${notified} notifications written)`);
    log(`feed: ${feed.length.toLocaleString('en')} observations in ${batchMs.length} batches of 1,000; median ${round(median(batchMs))} ms; ${claimsWritten} claims opened or grown`);

    // Today's prices confirmed for 1,000 products: every on-sale product's claimed lines are
    // candidates and are checked again; nothing changes.
    const quiet: number[] = [];
    const today = latestPrices(feed);
    for (let round_ = 0; round_ < Math.min(5, Math.floor(feed.length / 1000)); round_++) {
      const confirm = feed.slice(round_ * 1000, round_ * 1000 + 1000).map((o) => ({ ...o, observedAt: new Date(NOW - (round_ + 1) * 60_000).toISOString(), priceMinor: today.get(o.productIndex)! }));
      const start = performance.now();
      const report = await importCsv(store.db, feedCsvLines(studio, confirm), `bench-confirm-${round_}`);
      quiet.push(performance.now() - start);
      if (report.claimsOpened + report.claimsGrown > 0) log(`  (a confirming batch changed ${report.claimsOpened + report.claimsGrown} claims)`);
    }

    const sweep = async (label: string, asOfMs: number, workers?: number) => {
      let peak = rssMb();
      const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 50);
      const start = performance.now();
      const cpu = process.cpuUsage();
      const report = await sweepAll(location, { asOf: new Date(asOfMs).toISOString(), now: new Date(NOW), workers });
      const seconds = (performance.now() - start) / 1000;
      const cpuSeconds = cpuMs(process.cpuUsage(cpu)) / 1000;
      clearInterval(timer);
      log(`${label}: ${report.watchesChecked.toLocaleString('en')} watches in ${round(seconds, 2)} s on ${report.workers} thread(s) — ${report.claimsOpened} opened, ${report.claimsGrown} grown, ${report.watchesClosed} closed; peak RSS ${peak} MB`);
      return { seconds, cpuSeconds, report, peak };
    };
    // As of a moment no window has ended yet (the first purchases' windows end a day before now).
    const beforeAnyEnd = NOW - DAY - 3_600_000;
    const single = await sweep('sweep, one thread', beforeAnyEnd, 1);
    const steady = await sweep('sweep', beforeAnyEnd);
    // The same sweep in a fresh process, in one thread with V8's old space capped at 64 MB: it
    // finishing shows the sweep's memory does not grow with the number of watches (the store is
    // over a gigabyte); its peak RSS is what such a process needs in all.
    const child = spawnSync(process.execPath, ['--max-old-space-size=64', new URL('./watch-sweep-child.ts', import.meta.url).pathname, folder.dir, new Date(beforeAnyEnd).toISOString(), '1'], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`sweep child failed: ${child.stderr}`);
    const alone = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssMb: number; workers: number };
    log(`sweep in its own process, 64 MB heap cap: ${round(alone.seconds, 2)} s on ${alone.workers} thread(s), peak RSS ${alone.maxRssMb} MB`);
    const closing = await sweep('sweep with a day of windows ending', NOW);

    // Cold: forget every claim (and what it announced) and reopen the watches.
    await store.db.deleteFrom('notifications').execute();
    await store.db.deleteFrom('timeline_events').execute();
    await store.db.deleteFrom('claims').execute();
    await store.db.updateTable('watches').set({ status: 'open', closed_reason: null, closed_at: null }).where('status', '=', 'closed').execute();
    const cold = await sweep('cold sweep (every claim to write)', beforeAnyEnd);

    const naive = await naiveBaseline(store.db, studio, watches, log);
    return {
      engine: store.engine,
      watches,
      observations: feed.length,
      products: studio.productIds.length,
      sweepSeconds: round(steady.seconds, 2),
      sweepThreads: steady.report.workers,
      sweepCpuSeconds: round(steady.cpuSeconds, 2),
      sweepSingleThreadSeconds: round(single.seconds, 2),
      sweepClosingDaySeconds: round(closing.seconds, 2),
      sweepClosingDayWatchesClosed: closing.report.watchesClosed,
      coldSweepSeconds: round(cold.seconds, 2),
      coldSweepClaimsOpened: cold.report.claimsOpened,
      batch1kMs: round(median(batchMs)),
      batch1kP95Ms: round(percentile(batchMs, 95)),
      batch1kCpuMs: round(median(batchCpuMs)),
      batch1kClaimsWrittenPerBatch: round(claimsWritten / batchMs.length, 0),
      batch1kNoNewDropsMs: round(median(quiet)),
      batch1kDetectMs: round(median(detectMs)),
      batch1kNewsDeliveryMs: round(median(deliveryMs)),
      batch1kNewsDeliveryCpuMs: round(median(deliveryCpuMs)),
      batchLoadAverage,
      peakObservationsHeld: Math.max(steady.report.peakObservationsHeld, cold.report.peakObservationsHeld),
      sweepProcessPeakRssMb: alone.maxRssMb,
      sweepProcessHeapCapMb: 64,
      sweepProcessSeconds: round(alone.seconds, 2),
      benchProcessPeakRssMb: Math.max(single.peak, steady.peak, closing.peak, cold.peak),
      setupSeconds: round(setupSeconds),
      setupFromCache: cached !== null,
      ...naive,
      vsNaiveRatio: round(naive.naiveSweepSecondsExtrapolated / steady.seconds, 0),
      batchVsNaiveRatio: round(naive.naiveBatch1kMsExtrapolated / median(batchMs), 0),
      notes:
        'SQLite in a temp folder; the sweep is the real path (sweepAll: the store rules out the watches with nothing to do, the rest go through the rules page by page; sweepThreads threads by default on this machine, one on two cores or fewer). Naive figures are extrapolated linearly from naiveSampleWatches lines — in full they would take hours.',
    };
  } finally {
    await store.close();
    folder.dispose();
  }
}

/**
 * The built studio (purchase lines and watches, before any feed) is kept between runs in
 * ATELIER_BENCH_CACHE (default: the OS temp folder; "off" to always build), keyed by a hash of
 * everything that decides its bytes: the migrations, the data generator, the retailer writer, the
 * window and instant rules, and the size. A schema change is a new key, so a stale store is never
 * reused; a first run (CI) builds it and leaves it for the next. Each run works on a copy.
 */
const CACHE_DATA_VERSION = 1;

function cacheFolder(watches: number): string | null {
  const root = process.env.ATELIER_BENCH_CACHE ?? path.join(os.tmpdir(), 'atelier-bench-cache');
  if (root === 'off') return null;
  const hash = createHash('sha256').update(`watch ${CACHE_DATA_VERSION} ${watches}\n`);
  const migrations = new URL('../server/db/migrations/', import.meta.url);
  // What writes the rows (the generator, the retailer writer) and what decides their values (the
  // windows and instants of core/watch).
  const writers = ['./watch-data.ts', '../server/catalog/retailers.ts', '../core/watch/policy.ts', '../core/watch/instants.ts'];
  const sources = [...readdirSync(migrations).sort().map((name) => new URL(name, migrations)), ...writers.map((file) => new URL(file, import.meta.url))];
  for (const source of sources) hash.update(readFileSync(source));
  return path.join(root, `watch-${watches}-${hash.digest('hex').slice(0, 16)}`);
}

function restoreCachedStudio(dataDir: string, watches: number): SyntheticStudio | null {
  const folder = cacheFolder(watches);
  if (!folder || !existsSync(path.join(folder, 'studio.json'))) return null;
  copyFileSync(path.join(folder, SQLITE_FILE_NAME), path.join(dataDir, SQLITE_FILE_NAME));
  return JSON.parse(readFileSync(path.join(folder, 'studio.json'), 'utf8')) as SyntheticStudio;
}

/** Copies the store (its WAL checkpointed into the file) into the cache; studio.json, written last, marks it complete. */
function cacheStudio(dataDir: string, watches: number, studio: SyntheticStudio): void {
  const folder = cacheFolder(watches);
  if (!folder) return;
  // A store of this size built from older sources is never read again: a gigabyte each.
  const root = path.dirname(folder);
  if (existsSync(root)) for (const name of readdirSync(root)) if (name.startsWith(`watch-${watches}-`)) rmSync(path.join(root, name), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  copyFileSync(path.join(dataDir, SQLITE_FILE_NAME), path.join(folder, SQLITE_FILE_NAME));
  writeFileSync(path.join(folder, 'studio.json.part'), JSON.stringify(studio));
  renameSync(path.join(folder, 'studio.json.part'), path.join(folder, 'studio.json'));
}

/** The price the feed ends on, per product (what a confirming observation today would say). */
function latestPrices(feed: readonly { productIndex: number; priceMinor: number; observedAt: string }[]): Map<number, number> {
  const latest = new Map<number, { priceMinor: number; observedAt: string }>();
  for (const o of feed) {
    const held = latest.get(o.productIndex);
    if (!held || o.observedAt > held.observedAt) latest.set(o.productIndex, o);
  }
  return new Map([...latest].map(([p, o]) => [p, o.priceMinor]));
}

/**
 * The naive full scan: for each watch, every observation of the feed (core `processObservations`
 * keeps the line's product's, then evaluates). Timed on a sample of lines with the whole feed in
 * memory, and scaled to every watch.
 */
async function naiveBaseline(db: Kysely<Database>, studio: SyntheticStudio, watchCount: number, log: (line: string) => void) {
  const policy = (await loadPolicies(db)).byId.get(studio.retailerId)!.policy;
  const rows = await db.selectFrom('price_observations').select(['id', 'product_id', 'price_minor', 'currency', 'observed_at']).where('source', 'like', 'bench-feed-%').execute();
  const all: PriceObservation[] = rows.map((o) => ({ id: String(o.id), productId: o.product_id, unitPrice: { amountMinor: o.price_minor, currency: o.currency }, observedAt: o.observed_at }));
  const sample = await db.selectFrom('purchase_lines as l').select(LINE_COLUMNS).limit(Math.min(2000, watchCount)).execute();
  let start = performance.now();
  for (const row of sample) processObservations(toPurchaseLine(row), policy, EMPTY_WATCH_STATE, all);
  const perWatchMs = (performance.now() - start) / sample.length;
  const batch = all.slice(0, 1000);
  start = performance.now();
  for (const row of sample) processObservations(toPurchaseLine(row), policy, EMPTY_WATCH_STATE, batch);
  const perWatchBatchMs = (performance.now() - start) / sample.length;
  const naiveSweepSecondsExtrapolated = (perWatchMs * watchCount) / 1000;
  log(`naive: ${round(perWatchMs, 3)} ms per watch over ${all.length.toLocaleString('en')} observations → ${round(naiveSweepSecondsExtrapolated)} s for ${watchCount.toLocaleString('en')} watches (extrapolated)`);
  return {
    naiveSampleWatches: sample.length,
    naiveSweepSecondsExtrapolated: round(naiveSweepSecondsExtrapolated, 0),
    naiveBatch1kMsExtrapolated: round(perWatchBatchMs * watchCount, 0),
    naiveExtrapolated: true,
  };
}
