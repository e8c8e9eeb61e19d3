/**
 * [Watch] claim news through the outbox, on both engines: a feed batch commits its claims with
 * one outbox row; delivery writes each notification and timeline event once — after a delivery
 * that failed before its commit, twice in a row, or two at once — and the server's scheduler
 * delivers what a killed import left when it starts. (SIGKILL of a real import between its
 * commits and its delivery: watch-reliability.test.ts.)
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../server/db/database.ts';
import { readCsvRows } from '../../server/watch/csv-rows.ts';
import { deliverClaimNews } from '../../server/watch/news.ts';
import { importPriceRows, priceShape } from '../../server/watch/prices.ts';
import { startWatchScheduler } from '../../server/watch/scheduler.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { csvSource, importPurchasesText, PRICES_HEADER, watchWorld } from './watch-fixtures.ts';

const NOW = new Date('2025-03-20T00:00:00Z');

for (const engine of engines()) {
  describe(`[Watch] claim news outbox on ${engine}`, () => {
    let testStore: TestStore;
    let store: Store;

    const importQueued = (rows: readonly string[], source: string) => importPriceRows(store.db, readCsvRows(csvSource(PRICES_HEADER, rows), priceShape()), { source, now: NOW, deliverNews: false });
    const counts = async () => ({
      outbox: (await store.db.selectFrom('claim_news_outbox').select('id').execute()).length,
      notifications: (await store.db.selectFrom('notifications').select(['kind', 'title', 'user_id', 'created_at']).orderBy('title').execute()).map((n) => [n.kind, n.title, n.created_at]),
      events: (await store.db.selectFrom('timeline_events').select(['kind', 'text']).where('kind', 'like', 'claim.%').orderBy('text').execute()).map((e) => [e.kind, e.text]),
    });

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      await watchWorld(store.db);
      await importPurchasesText(store.db, [
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-1',
        'jonas@t.test,Alba Home,LAMP-1,2,99.00,USD,2025-03-01T10:00:00Z,,ORD-2',
      ]);
    });
    after(async () => {
      await store?.close();
      await testStore?.dispose();
    });

    test('a batch commits its claims with one outbox row; a failed delivery leaves it; delivery writes each message once, again writes nothing', async () => {
      const report = await importQueued(['Alba Home,SOFA-1,1080.00,USD,2025-03-05T10:00:00Z', 'Alba Home,LAMP-1,89.00,USD,2025-03-06T10:00:00Z'], 'queued.csv');
      assert.equal(report.claimsOpened, 2);
      assert.deepEqual(await counts(), { outbox: 1, notifications: [], events: [] }, 'claims committed, their news queued in one row');

      // A delivery that fails after writing, before its commit (as a crash would): nothing stays.
      await assert.rejects(
        deliverClaimNews(store.db, {
          beforeCommit: () => {
            throw new Error('crash before commit');
          },
        }),
        /crash before commit/,
      );
      assert.deepEqual(await counts(), { outbox: 1, notifications: [], events: [] });

      assert.equal(await deliverClaimNews(store.db), 2);
      const delivered = await counts();
      assert.equal(delivered.outbox, 0);
      assert.deepEqual(delivered.notifications, [
        ['claim.detected', 'The Alba sofa dropped by $120.00 — we’re claiming it for you', NOW.toISOString()],
        ['claim.detected', 'The Orbit lamp dropped by $10.00 — we’re claiming $20.00 for you (2 × $10.00)', NOW.toISOString()],
      ]);
      assert.deepEqual(delivered.events, [
        ['claim.detected', 'The Alba sofa dropped to $1,080.00 at Alba Home; Atelier opened a refund claim for $120.00.'],
        ['claim.detected', 'The Orbit lamp dropped to $89.00 at Alba Home; Atelier opened a refund claim for $20.00.'],
      ]);

      assert.equal(await deliverClaimNews(store.db), 0, 'delivering again finds nothing');
      assert.deepEqual(await counts(), delivered);
    });

    test('two deliveries at once write each message once', async () => {
      const before = await counts();
      await importQueued(['Alba Home,SOFA-1,1000.00,USD,2025-03-07T10:00:00Z'], 'grow-1.csv');
      await importQueued(['Alba Home,LAMP-1,80.00,USD,2025-03-08T10:00:00Z'], 'grow-2.csv');
      assert.equal((await counts()).outbox, 2);
      const [a, b] = await Promise.all([deliverClaimNews(store.db), deliverClaimNews(store.db)]);
      assert.equal(a + b, 2, 'between them, each claim’s news once');
      const after = await counts();
      assert.equal(after.outbox, 0);
      assert.equal(after.notifications.length, before.notifications.length + 2);
      assert.deepEqual(
        after.notifications.filter((n) => n[0] === 'claim.grown').map((n) => n[1]),
        ['The Alba sofa dropped further, to $1,000.00 — we’re now claiming $200.00', 'The Orbit lamp dropped further, to $80.00 — we’re now claiming $38.00'],
      );
    });

    test('the scheduler delivers what an import left behind as soon as it starts', async () => {
      await importQueued(['Alba Home,SOFA-1,990.00,USD,2025-03-09T10:00:00Z'], 'left.csv');
      assert.equal((await counts()).outbox, 1);
      const errors: unknown[] = [];
      const scheduler = startWatchScheduler(store.db, { log: { info: () => {}, error: (o) => errors.push(o) }, sweepEveryMinutes: 0, tickMs: 3_600_000 });
      await scheduler.stop();
      assert.deepEqual(errors, []);
      const after = await counts();
      assert.equal(after.outbox, 0);
      assert.ok(after.notifications.some((n) => n[1] === 'The Alba sofa dropped further, to $990.00 — we’re now claiming $210.00'));
    });
  });
}
