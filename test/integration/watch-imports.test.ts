/**
 * [Watch] imports against a real store, on both engines: every bad row reported with its line
 * and reason (and kept aside), the rest processed; detection as observations arrive; imports
 * idempotent; order irrelevant.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../server/db/database.ts';
import { HttpError } from '../../server/http/errors.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { readCsvRows } from '../../server/watch/csv-rows.ts';
import { importPriceRows, priceShape } from '../../server/watch/prices.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { csvSource, importPricesText, importPurchasesText, watchWorld } from './watch-fixtures.ts';

const ALBA_PURCHASES = [
  'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-1',
  'maya@t.test,Alba Home,LAMP-1,2,99.00,USD,2025-03-01T10:00:00Z,2025-03-04T09:00:00Z,ORD-1',
  'maya@t.test,Alba Home,RUG-9,1,300.00,USD,2025-03-01T10:00:00Z,,ORD-1',
];

for (const engine of engines()) {
  describe(`[Watch] imports on ${engine}`, () => {
    let testStore: TestStore;
    let store: Store;

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      await watchWorld(store.db);
    });
    after(async () => {
      await store?.close();
      await testStore?.dispose();
    });

    test('purchases: each bad row is reported with its line and reason and kept aside; the rest opens watches', async () => {
      const report = await importPurchasesText(store.db, [
        ...ALBA_PURCHASES,
        'nobody@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-2',
        'des@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-3',
        'maya@t.test,Nowhere Ltd,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-4',
        'maya@t.test,Alba Home,NOPE-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-5',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,EUR,2025-03-01T10:00:00Z,,ORD-6',
        'maya@t.test,Alba Home,SOFA-1,1,0.00,USD,2025-03-01T10:00:00Z,,ORD-7',
        'maya@t.test,Alba Home,SOFA-1,1,-5.00,USD,2025-03-01T10:00:00Z,,ORD-8',
        'maya@t.test,Alba Home,SOFA-1,0,1200.00,USD,2025-03-01T10:00:00Z,,ORD-9',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01 10:00,,ORD-10',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-05T10:00:00Z,2025-03-01T10:00:00Z,ORD-11',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2999-01-01T00:00:00Z,,ORD-12',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD',
        'maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,',
      ]);
      assert.equal(report.linesAdded, 3);
      assert.deepEqual(
        report.rejected.map((r) => [r.line, r.reason]),
        [
          [5, 'unknown customer "nobody@t.test"'],
          [6, 'des@t.test is a designer, not a customer'],
          [7, 'unknown retailer "Nowhere Ltd"'],
          [8, 'unknown SKU "NOPE-1" at Alba Home'],
          [9, "currency EUR differs from Alba Home's currency USD"],
          [10, 'unit_price must be greater than zero, got "0.00"'],
          [11, 'unit_price must be greater than zero, got "-5.00"'],
          [12, 'quantity "0" must be a whole number of at least 1'],
          [13, 'purchased_at "2025-03-01 10:00" is not an ISO-8601 date or date-time with Z or an offset'],
          [14, 'delivered_at 2025-03-01T10:00:00Z is before purchased_at 2025-03-05T10:00:00Z'],
          [15, 'purchased_at 2999-01-01T00:00:00Z is in the future'],
          [16, 'malformed line: expected 9 fields, found 6'],
          [17, 'order_ref is empty'],
        ],
      );
      const kept = await store.db.selectFrom('feed_rejects').select(['feed', 'line', 'raw']).where('feed', '=', 'purchases').orderBy('line').execute();
      assert.equal(kept.length, 13);
      assert.equal(kept[0]!.raw, 'nobody@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-2');

      const watches = await store.db
        .selectFrom('watches')
        .innerJoin('purchase_lines', 'purchase_lines.id', 'watches.line_id')
        .innerJoin('products', 'products.id', 'purchase_lines.product_id')
        .select(['products.sku', 'watches.status', 'watches.closed_reason', 'watches.window_start', 'watches.window_end'])
        .orderBy('products.sku')
        .execute();
      assert.deepEqual(watches, [
        { sku: 'LAMP-1', status: 'open', closed_reason: null, window_start: '2025-03-01T10:00:00.000Z', window_end: '2025-03-15T10:00:00.000Z' },
        { sku: 'RUG-9', status: 'closed', closed_reason: 'final-sale-excluded', window_start: null, window_end: null },
        { sku: 'SOFA-1', status: 'open', closed_reason: null, window_start: '2025-03-01T10:00:00.000Z', window_end: '2025-03-15T10:00:00.000Z' },
      ]);
      const started = await store.db.selectFrom('timeline_events').select('text').where('kind', '=', 'watch.started').execute();
      assert.equal(started.length, 3);
      assert.ok(started.some((e) => e.text === "Atelier is watching the Alba sofa's price until Mar 15, 2025 (Alba Home's 14-day window)."), JSON.stringify(started));
    });

    test('the same purchases file again records nothing twice, and keeps each rejected row once', async () => {
      const again = await importPurchasesText(store.db, [...ALBA_PURCHASES, 'nobody@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,ORD-2']);
      assert.equal(again.linesAdded, 0);
      assert.equal(again.linesUnchanged, 3);
      const lines = await store.db.selectFrom('purchase_lines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(Number(lines.n), 3);
      const rejects = await store.db.selectFrom('feed_rejects').select((eb) => eb.fn.countAll<number>().as('n')).where('feed', '=', 'purchases').executeTakeFirstOrThrow();
      assert.equal(Number(rejects.n), 13, 'the same bad row of the same file is kept once');
      const conflicting = await importPurchasesText(store.db, ['maya@t.test,Alba Home,SOFA-1,3,1200.00,USD,2025-03-01T10:00:00Z,,ORD-1']);
      assert.match(conflicting.rejected[0]!.reason, /order ORD-1 already has this product as 1 × \$1,200\.00/);
    });

    test('prices: bad rows reported and kept aside; drops in the window claim, outside or rises do not; repeats change nothing', async () => {
      const report = await importPricesText(store.db, [
        'Alba Home,SOFA-1,1080.00,USD,2025-03-05T10:00:00Z', // drop of 120 on day 4
        'Alba Home,SOFA-1,1300.00,USD,2025-03-06T10:00:00Z', // a rise
        'Alba Home,SOFA-1,1080.00,USD,2025-03-05T10:00:00Z', // the same row again
        'Alba Home,LAMP-1,80.00,USD,2025-03-15T10:00:00Z', // exactly at the window's end: too late
        'Alba Home,LAMP-1,79.00,USD,2025-02-28T10:00:00Z', // before the purchase
        'Alba Home,RUG-9,100.00,USD,2025-03-03T10:00:00Z', // final sale, excluded
        'Nowhere Ltd,SOFA-1,10.00,USD,2025-03-05T10:00:00Z',
        'Alba Home,GHOST-7,10.00,USD,2025-03-05T10:00:00Z',
        'Alba Home,SOFA-1,900.00,EUR,2025-03-05T10:00:00Z',
        'Alba Home,SOFA-1,0,USD,2025-03-05T10:00:00Z',
        'Alba Home,SOFA-1,-1.00,USD,2025-03-05T10:00:00Z',
        'Alba Home,SOFA-1,12.345,USD,2025-03-05T10:00:00Z',
        'Alba Home,SOFA-1,900.00,USD,2999-03-05T10:00:00Z',
        'Alba Home,SOFA-1,900.00,USD,yesterday',
        'Alba Home,SOFA-1,"900.00,USD,2025-03-05T10:00:00Z',
      ]);
      assert.deepEqual(
        report.rejected.map((r) => [r.line, r.reason]),
        [
          [8, 'unknown retailer "Nowhere Ltd"'],
          [9, 'unknown SKU "GHOST-7" at Alba Home'],
          [10, "currency EUR differs from Alba Home's currency USD"],
          [11, 'price must be greater than zero, got "0"'],
          [12, 'price must be greater than zero, got "-1.00"'],
          [13, 'price "12.345" has more than 2 decimal places for USD'],
          [14, 'observed_at 2999-03-05T10:00:00Z is in the future'],
          [15, 'observed_at "yesterday" is not an ISO-8601 date-time with Z or an offset'],
          [16, 'malformed CSV: a quoted field never closes (unbalanced quote)'],
        ],
      );
      assert.equal(report.observationsAdded, 5);
      assert.equal(report.observationsKnown, 1);
      assert.equal(report.claimsOpened, 1);
      const kept = await store.db.selectFrom('feed_rejects').select(['line', 'reason']).where('feed', '=', 'prices').where('source', '=', 'test-feed.csv').orderBy('line').execute();
      assert.deepEqual(kept.slice(0, 2), [
        { line: 8, reason: 'unknown retailer "Nowhere Ltd"' },
        { line: 9, reason: 'unknown SKU "GHOST-7" at Alba Home' },
      ]);

      const claims = await listClaims(store.db);
      assert.deepEqual(
        claims.map((c) => [c.product.sku, c.status, c.amount, c.observation.unitPrice.amountMinor, c.observation.observedAt]),
        [['SOFA-1', 'detected', { amountMinor: 12_000, currency: 'USD' }, 108_000, '2025-03-05T10:00:00.000Z']],
      );
      const product = await store.db.selectFrom('products').select('price_minor').where('sku', '=', 'SOFA-1').executeTakeFirstOrThrow();
      assert.equal(product.price_minor, 130_000, 'the newest observation is the current price');
      const notes = await store.db.selectFrom('notifications').select(['kind', 'title', 'body', 'link']).execute();
      assert.equal(notes.length, 1);
      assert.equal(notes[0]!.title, 'The Alba sofa dropped by $120.00 — we’re claiming it for you');
      assert.equal(notes[0]!.link, `/claims/${claims[0]!.id}`);

      const again = await importPricesText(store.db, ['Alba Home,SOFA-1,1080.00,USD,2025-03-05T10:00:00Z', 'Alba Home,SOFA-1,1300.00,USD,2025-03-06T10:00:00Z']);
      assert.equal(again.observationsAdded, 0);
      assert.equal(again.claimsOpened + again.claimsGrown, 0);
      assert.equal((await store.db.selectFrom('notifications').select('id').execute()).length, 1);
    });

    test('a further drop grows the open claim; the lamp (quantity 2) claims twice the drop', async () => {
      const report = await importPricesText(store.db, ['Alba Home,SOFA-1,1000.00,USD,2025-03-10T10:00:00+01:00', 'Alba Home,LAMP-1,89.00,USD,2025-03-14T10:00:00Z'], 'second.csv');
      assert.equal(report.claimsGrown, 1);
      assert.equal(report.claimsOpened, 1);
      const claims = await listClaims(store.db, { customerEmail: 'Maya@t.test' });
      assert.deepEqual(
        claims.map((c) => [c.product.sku, c.sequence, c.amount.amountMinor, c.version, c.firstDropAt, c.observation.observedAt]),
        [
          ['LAMP-1', 1, 2_000, 1, '2025-03-14T10:00:00.000Z', '2025-03-14T10:00:00.000Z'],
          ['SOFA-1', 1, 20_000, 2, '2025-03-05T10:00:00.000Z', '2025-03-10T09:00:00.000Z'],
        ],
      );
      const grown = await store.db.selectFrom('notifications').select('title').where('kind', '=', 'claim.grown').execute();
      assert.deepEqual(grown.map((n) => n.title), ['The Alba sofa dropped further, to $1,000.00 — we’re now claiming $200.00']);
      const lamp = await store.db.selectFrom('notifications').select('title').where('title', 'like', '%Orbit%').execute();
      assert.deepEqual(lamp.map((n) => n.title), ['The Orbit lamp dropped by $10.00 — we’re claiming $20.00 for you (2 × $10.00)']);
    });

    test('a header that is not the native format stops the import with a clear message', async () => {
      const rows = readCsvRows(csvSource('retailer,sku,amount,currency,observed_at', ['Alba Home,SOFA-1,1.00,USD,2025-03-05T10:00:00Z']), priceShape());
      await assert.rejects(importPriceRows(store.db, rows, { source: 'bad.csv' }), (error: unknown) => {
        assert.ok(error instanceof HttpError);
        assert.equal(error.code, 'bad_header');
        assert.match(error.message, /Line 1 is not a prices header \(missing price; unknown "amount"\)/);
        return true;
      });
    });
  });
}
