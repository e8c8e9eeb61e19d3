/**
 * [Watch] reliability, with real processes on both engines:
 *   - two sweeps at once create each claim once;
 *   - the same feed imported twice at once (and again afterwards) creates each claim once;
 *   - SIGKILL in the middle of a sweep or an import leaves no partial claim (every claim is
 *     exactly what the rules give for what was committed, with its notification — an import's
 *     from the outbox, which the next import delivers), and running again completes the work.
 * The expected claims come from an oracle: core's `processObservations` over every stored
 * observation of each line's product, a naive evaluation independent of the store's paths.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Kysely } from 'kysely';
import { EMPTY_WATCH_STATE, processObservations, type PriceObservation } from '../../core/watch/index.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import { loadPolicies, toObservation, toPurchaseLine, LINE_COLUMNS } from '../../server/watch/rows.ts';
import { sweepAll } from '../../server/watch/sweep-parallel.ts';
import { createSyntheticStudio, feedCsvLines, insertObservations, insertSyntheticLines, saleSchedule, syntheticFeed, type SyntheticStudio } from '../../bench/watch-data.ts';
import { createTestStore, engines, tempDir, type TestStore } from './harness.ts';
import { atelierJson, PRICES_HEADER, spawnAtelier, storeArgs, writeCsv } from './watch-fixtures.ts';

const DAY = 86_400_000;
const T0 = Date.parse('2025-06-01T00:00:00Z');
const AS_OF = new Date(T0 + 13 * DAY).toISOString();

type Expected = Map<string, { amountMinor: number; evidence: string; firstDropAt: string }>;

async function oracle(db: Kysely<Database>): Promise<Expected> {
  const policies = await loadPolicies(db);
  const byProduct = new Map<string, PriceObservation[]>();
  for (const row of await db.selectFrom('price_observations').select(['id', 'product_id', 'price_minor', 'currency', 'observed_at']).execute()) {
    const list = byProduct.get(row.product_id) ?? [];
    list.push(toObservation(row));
    byProduct.set(row.product_id, list);
  }
  const expected: Expected = new Map();
  for (const row of await db.selectFrom('purchase_lines as l').select(LINE_COLUMNS).execute()) {
    const line = toPurchaseLine(row);
    const claim = processObservations(line, policies.byId.get(row.retailer_id)!.policy, EMPTY_WATCH_STATE, byProduct.get(row.product_id) ?? []).state.claims[0];
    if (claim) expected.set(row.line_id, { amountMinor: claim.amount.amountMinor, evidence: claim.evidence.observationId, firstDropAt: claim.firstDropAt });
  }
  return expected;
}

async function storedClaims(db: Kysely<Database>): Promise<Expected> {
  const rows = await db.selectFrom('claims').select(['line_id', 'sequence', 'amount_minor', 'evidence_observation_id', 'first_drop_at']).execute();
  assert.ok(rows.every((r) => r.sequence === 1), 'one claim per line under a one-adjustment policy');
  return new Map(rows.map((r) => [r.line_id, { amountMinor: r.amount_minor, evidence: String(r.evidence_observation_id), firstDropAt: r.first_drop_at }]));
}

async function count(db: Kysely<Database>, table: 'claims' | 'notifications' | 'price_observations' | 'timeline_events', where?: [string, string]): Promise<number> {
  let query = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) query = query.where(where[0] as never, '=', where[1] as never);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Every claim has its one "detected" notification and timeline event: nothing half-written. */
async function assertWhole(db: Kysely<Database>): Promise<void> {
  const claims = await count(db, 'claims');
  assert.equal(await count(db, 'notifications', ['kind', 'claim.detected']), claims, 'one notification per claim');
  assert.equal(await count(db, 'timeline_events', ['kind', 'claim.detected']), claims, 'one timeline event per claim');
}

function run(args: readonly string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; kill(): void } {
  const child = spawnAtelier(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdin!.end();
  const done = once(child, 'close').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { done, kill: () => child.kill('SIGKILL') };
}

/** Waits until `started` says the child has begun writing, then kills it with SIGKILL. */
async function killOnceStarted(args: readonly string[], started: () => Promise<boolean>): Promise<void> {
  const child = run(args);
  let finished = false;
  void child.done.then(() => (finished = true));
  while (!finished && !(await started())) await new Promise((r) => setTimeout(r, 5));
  assert.equal(finished, false, 'the child finished before it could be killed: make the work bigger');
  child.kill();
  const { code } = await child.done;
  assert.equal(code, null, 'killed by a signal');
}

for (const engine of engines()) {
  describe(`[Watch] reliability on ${engine}`, { timeout: 300_000 }, () => {
    let testStore: TestStore;
    let store: Store;
    let studio: SyntheticStudio;
    let files: { dir: string; dispose(): void };
    let s: string[];

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      files = tempDir();
      s = storeArgs(testStore.location);
      studio = await createSyntheticStudio(store.db, { products: 40, customers: 200, windowDays: 14 });
      await insertSyntheticLines(store.db, studio, { count: 12_000, fromMs: T0, spanMs: 10 * DAY });
    });
    after(async () => {
      await store?.close();
      await testStore?.dispose();
      files?.dispose();
    });

    test('two sweeps at once create each claim once', async () => {
      // Observations of the first 20 products, stored without detection (as a catalog import does).
      const feed = syntheticFeed(studio, saleSchedule(studio, { fromMs: T0, spanMs: 13 * DAY, dropShare: 0.6, seed: 7 }), { count: 4000, fromMs: T0, spanMs: 13 * DAY, seed: 7 }).filter((o) => o.productIndex < 20);
      await insertObservations(store.db, studio, feed, 'direct');
      const [a, b] = await Promise.all([run(['watch', 'run', '--as-of', AS_OF, '--json', ...s]).done, run(['watch', 'run', '--as-of', AS_OF, '--json', ...s]).done]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const expected = await oracle(store.db);
      assert.ok(expected.size > 1000, `enough claims to race on (${expected.size})`);
      assert.deepEqual(await storedClaims(store.db), expected);
      const opened = JSON.parse(a.stdout).claimsOpened + JSON.parse(b.stdout).claimsOpened;
      assert.equal(opened, expected.size, 'between them the two sweeps opened each claim once');
      await assertWhole(store.db);
    });

    test('a sweep split over worker threads by product range does what one thread does', async () => {
      const feed = syntheticFeed(studio, saleSchedule(studio, { fromMs: T0, spanMs: 13 * DAY, dropShare: 0.5, seed: 11 }), { count: 3000, fromMs: T0, spanMs: 13 * DAY, seed: 11 })
        .filter((o) => o.productIndex < 20)
        .map((o) => ({ ...o, priceMinor: o.priceMinor - 3 }));
      await insertObservations(store.db, studio, feed, 'direct-threads');
      const report = await sweepAll(testStore.location, { asOf: AS_OF, workers: 3, parallelFrom: 0 });
      assert.equal(report.workers, 3);
      assert.equal(report.watchesChecked, 12_000);
      assert.ok(report.claimsGrown > 0);
      assert.deepEqual(await storedClaims(store.db), await oracle(store.db));
      await assertWhole(store.db);
    });

    test('SIGKILL in the middle of a sweep leaves no partial claim; running again completes it', async () => {
      const before = await count(store.db, 'claims');
      const feed = syntheticFeed(studio, saleSchedule(studio, { fromMs: T0, spanMs: 13 * DAY, dropShare: 0.6, seed: 8 }), { count: 8000, fromMs: T0, spanMs: 13 * DAY, seed: 8 }).filter((o) => o.productIndex >= 20);
      await insertObservations(store.db, studio, feed, 'direct-2');
      await killOnceStarted(['watch', 'run', '--as-of', AS_OF, ...s], async () => (await count(store.db, 'claims')) > before);
      const expected = await oracle(store.db);
      const partial = await storedClaims(store.db);
      assert.ok(partial.size < expected.size, `killed before the end (${partial.size} of ${expected.size})`);
      for (const [lineId, claim] of partial) assert.deepEqual(claim, expected.get(lineId), `claim of line ${lineId} is whole`);
      await assertWhole(store.db);

      const again = await atelierJson(['watch', 'run', '--as-of', AS_OF, ...s]);
      assert.equal(again.claimsOpened, expected.size - partial.size);
      assert.deepEqual(await storedClaims(store.db), expected);
      await assertWhole(store.db);
    });

    test('SIGKILL in the middle of an import leaves no partial claim; importing again completes it', async () => {
      const feed = syntheticFeed(studio, saleSchedule(studio, { fromMs: T0 + DAY, spanMs: 12 * DAY, dropShare: 0.8, seed: 9 }), { count: 6_000, fromMs: T0 + DAY, spanMs: 12 * DAY, seed: 9 }).map((o) => ({ ...o, priceMinor: o.priceMinor - 1 - (o.productIndex % 7) }));
      const file = writeCsv(files.dir, 'big-feed.csv', PRICES_HEADER, feedCsvLines(studio, feed));
      const source = file;
      await killOnceStarted(['prices', 'import', file, ...s], async () => (await count(store.db, 'price_observations', ['source', source])) > 0);
      const stored = await count(store.db, 'price_observations', ['source', source]);
      assert.ok(stored > 0 && stored < feed.length, `killed half-way (${stored} of ${feed.length} observations)`);
      assert.deepEqual(await storedClaims(store.db), await oracle(store.db), 'claims are exactly those of the committed observations');
      // Killed before its delivery: the committed batches' news waits in the outbox.
      const queued = (await store.db.selectFrom('claim_news_outbox').select('id').execute()).length;
      assert.ok(queued > 0, 'committed batches left their news in the outbox');

      const again = await atelierJson(['prices', 'import', file, ...s]);
      assert.equal(again.observationsAdded + again.observationsKnown, feed.length);
      assert.equal(await count(store.db, 'price_observations', ['source', source]), new Set(feed.map((o) => `${o.productIndex}|${o.observedAt}|${o.priceMinor}`)).size);
      assert.deepEqual(await storedClaims(store.db), await oracle(store.db));
      // The second import delivered what the killed one left, and its own: each claim told once.
      assert.equal((await store.db.selectFrom('claim_news_outbox').select('id').execute()).length, 0);
      await assertWhole(store.db);
    });

    test('the same feed imported twice at once, and once more, creates each claim once', async () => {
      const feed = syntheticFeed(studio, saleSchedule(studio, { fromMs: T0, spanMs: 13 * DAY, dropShare: 1, seed: 10 }), { count: 6000, fromMs: T0, spanMs: 13 * DAY, seed: 10 }).map((o) => ({ ...o, priceMinor: Math.round(o.priceMinor * 0.7) }));
      const file = writeCsv(files.dir, 'twice.csv', PRICES_HEADER, feedCsvLines(studio, feed));
      const notesBefore = await count(store.db, 'notifications');
      const [a, b] = await Promise.all([run(['prices', 'import', file, '--json', ...s]).done, run(['prices', 'import', file, '--json', ...s]).done]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const ra = JSON.parse(a.stdout);
      const rb = JSON.parse(b.stdout);
      assert.equal(ra.observationsAdded + rb.observationsAdded, new Set(feed.map((o) => `${o.productIndex}|${o.observedAt}|${o.priceMinor}`)).size);
      assert.deepEqual(await storedClaims(store.db), await oracle(store.db));
      const grownOrOpened = ra.claimsOpened + rb.claimsOpened + ra.claimsGrown + rb.claimsGrown;
      assert.ok(grownOrOpened > 0);
      const notesAfter = await count(store.db, 'notifications');

      const third = await atelierJson(['prices', 'import', file, ...s]);
      assert.equal(third.observationsAdded, 0);
      assert.equal(third.claimsOpened + third.claimsGrown, 0);
      assert.equal(await count(store.db, 'notifications'), notesAfter, 'no new notification either');
      assert.ok(notesAfter > notesBefore);
    });
  });
}
