/**
 * [Watch] price feeds by URL against a local HTTP server on 127.0.0.1: CSV and JSON feeds, a feed
 * that fails twice and then answers (retried with backoff), one that keeps failing (recorded,
 * tried again sooner), a 404 (not retried), and the server's scheduler polling a due feed.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findRetailer } from '../../server/catalog/retailers.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import { listFeeds, pollDueFeeds, setFeed } from '../../server/watch/feeds.ts';
import { startWatchScheduler } from '../../server/watch/scheduler.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { atelierJson, importPurchasesText, storeArgs, watchWorld } from './watch-fixtures.ts';

const FAST_RETRY = { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, timeoutMs: 5000 };

interface FeedServer {
  readonly url: string;
  readonly hits: Map<string, number>;
  readonly server: Server;
}

async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    const hit = (hits.get(path) ?? 0) + 1;
    hits.set(path, hit);
    if (path === '/alba.csv') {
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end('sku,price,currency,observed_at\nSOFA-1,1100.00,USD,2025-03-04T10:00:00Z\nGHOST,1.00,USD,2025-03-04T10:00:00Z\n');
    } else if (path === '/flaky.csv') {
      if (hit <= 2) {
        response.writeHead(503);
        response.end('try later');
        return;
      }
      response.writeHead(200, { 'content-type': 'text/csv' });
      response.end('retailer,sku,price,currency,observed_at\nAlba Home,SOFA-1,1050.00,USD,2025-03-05T10:00:00Z\n');
    } else if (path === '/nordhus.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ observations: [{ sku: 'CHAIR-2', price: '400.00', currency: 'EUR', observedAt: '2025-03-08T10:00:00Z' }, 'nonsense'] }));
    } else if (path === '/down.csv') {
      response.writeHead(500);
      response.end('broken');
    } else {
      response.writeHead(404);
      response.end('no such feed');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

for (const engine of engines()) {
  describe(`[Watch] price feeds on ${engine}`, () => {
    let testStore: TestStore;
    let store: Store;
    let feeds: FeedServer;
    let alba: string;
    let nordhus: string;

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      await watchWorld(store.db);
      await importPurchasesText(store.db, ['maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,F-1', 'jonas@t.test,Nordhus,CHAIR-2,1,450.00,EUR,2025-03-01T10:00:00Z,2025-03-02T10:00:00Z,F-2']);
      feeds = await startFeedServer();
      alba = (await findRetailer(store.db, 'Alba Home'))!.id;
      nordhus = (await findRetailer(store.db, 'Nordhus'))!.id;
    });
    after(async () => {
      feeds?.server.close();
      await store?.close();
      await testStore?.dispose();
    });

    test('`retailer set --feed-url` configures the feed; a CSV feed without a retailer column is polled and claims', async () => {
      const set = await atelierJson(['retailer', 'set', 'Alba Home', '--feed-url', `${feeds.url}/alba.csv`, '--feed-interval', '30', ...storeArgs(testStore.location)]);
      assert.equal(set.feed.url, `${feeds.url}/alba.csv`);
      assert.equal(set.feed.format, 'csv');
      const results = await atelierJson(['prices', 'poll', ...storeArgs(testStore.location)]);
      assert.equal(results.feeds.length, 1);
      const [result] = results.feeds;
      assert.equal(result.ok, true);
      assert.equal(result.report.observationsAdded, 1);
      assert.deepEqual(result.report.rejected, [{ line: 3, reason: 'unknown SKU "GHOST" at Alba Home' }]);
      assert.deepEqual((await listClaims(store.db)).map((c) => c.amount.amountMinor), [10_000]);
      const [feed] = await listFeeds(store.db);
      assert.equal(feed!.lastError, null);
      assert.ok(feed!.nextPollAt! > feed!.lastPolledAt!, 'next poll one interval later');
      assert.equal((await atelierJson(['prices', 'poll', ...storeArgs(testStore.location)])).feeds.length, 0, 'not due again yet');
    });

    test('a feed that fails twice is retried with backoff and then imported', async () => {
      await setFeed(store.db, alba, { url: `${feeds.url}/flaky.csv` });
      const [result] = await pollDueFeeds(store.db, { retry: FAST_RETRY });
      assert.equal(result!.ok, true, result!.error);
      assert.equal(feeds.hits.get('/flaky.csv'), 3);
      assert.deepEqual((await listClaims(store.db)).map((c) => c.amount.amountMinor), [15_000]);
    });

    test('a feed that keeps failing is recorded and tried again sooner; a 404 is not retried', async () => {
      const now = new Date();
      await setFeed(store.db, alba, { url: `${feeds.url}/down.csv`, intervalMinutes: 60 }, now);
      const [down] = await pollDueFeeds(store.db, { retry: FAST_RETRY, now: () => now });
      assert.equal(down!.ok, false);
      assert.match(down!.error!, /HTTP 500 Internal Server Error \(after 3 attempts\)/);
      assert.equal(feeds.hits.get('/down.csv'), 3);
      const [feed] = (await listFeeds(store.db)).filter((f) => f.retailerId === alba);
      assert.equal(feed!.failures, 1);
      assert.equal(feed!.nextPollAt, new Date(now.getTime() + 5 * 60_000).toISOString(), 'backs off 5 minutes after the first failure');

      await setFeed(store.db, alba, { url: `${feeds.url}/gone.csv` });
      const [gone] = await pollDueFeeds(store.db, { retry: FAST_RETRY });
      assert.match(gone!.error!, /HTTP 404/);
      assert.equal(feeds.hits.get('/gone.csv'), 1);
    });

    test('the scheduler polls a due JSON feed in the background', async () => {
      await setFeed(store.db, alba, { url: `${feeds.url}/alba.csv` });
      await store.db.updateTable('price_feeds').set({ next_poll_at: '2999-01-01T00:00:00.000Z' }).where('retailer_id', '=', alba).execute();
      await setFeed(store.db, nordhus, { url: `${feeds.url}/nordhus.json` });
      const logged: string[] = [];
      const log = { info: (_: object, message: string) => logged.push(message), error: (_: object, message: string) => logged.push(`error: ${message}`) };
      const scheduler = startWatchScheduler(store.db, { log, tickMs: 60_000, sweepEveryMinutes: 0, retry: FAST_RETRY });
      await scheduler.tick();
      await scheduler.stop();
      assert.deepEqual(logged, ['price feed of Nordhus polled']);
      const chair = (await listClaims(store.db, { customerEmail: 'jonas@t.test' })).map((c) => [c.amount.amountMinor, c.amount.currency, c.observation.source]);
      assert.deepEqual(chair, [[5_000, 'EUR', `${feeds.url}/nordhus.json`]]);
      const rejects = await store.db.selectFrom('feed_rejects').select(['line', 'reason']).where('source', '=', `${feeds.url}/nordhus.json`).execute();
      assert.deepEqual(rejects, [{ line: 2, reason: 'malformed entry: expected an object' }]);
    });

    test('feed URLs must be http or https', async () => {
      await assert.rejects(setFeed(store.db, alba, { url: 'file:///etc/passwd' }), /must be http or https/);
      await assert.rejects(setFeed(store.db, alba, { url: 'not a url' }), /is not a URL/);
    });
  });
}
