/**
 * [Watch] the rules through the store, on both engines: unlimited and one-adjustment policies
 * after filing, delivery-based windows, the sweep (claims for observations that arrived without
 * detection, closing ended windows), late observations, and import order.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../server/db/database.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { sweepWatches } from '../../server/watch/sweep.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { importPricesText, importPurchasesText, watchWorld } from './watch-fixtures.ts';

async function fileClaim(store: Store, sku: string, sequence: number): Promise<void> {
  const claim = (await listClaims(store.db)).find((c) => c.product.sku === sku && c.sequence === sequence);
  assert.ok(claim, `claim ${sequence} on ${sku}`);
  await store.db.updateTable('claims').set((eb) => ({ status: 'filed', version: eb('version', '+', 1) })).where('id', '=', claim.id).execute();
}

async function summary(store: Store, email?: string) {
  return (await listClaims(store.db, { customerEmail: email })).map((c) => `${c.product.sku}#${c.sequence} ${c.status} ${c.amount.amountMinor} ${c.amount.currency}`);
}

for (const engine of engines()) {
  describe(`[Watch] rules through the store on ${engine}`, () => {
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

    test('delivery-based window: nothing counts before delivery; recording the delivery re-checks stored prices', async () => {
      await importPurchasesText(store.db, ['jonas@t.test,Nordhus,CHAIR-2,1,450.00,EUR,2025-03-01T10:00:00Z,,N-1']);
      const early = await importPricesText(store.db, ['Nordhus,CHAIR-2,420.00,EUR,2025-03-02T10:00:00Z', 'Nordhus,CHAIR-2,400.00,EUR,2025-03-10T10:00:00Z']);
      assert.equal(early.claimsOpened, 0, 'no window until delivery');
      const delivered = await importPurchasesText(store.db, ['jonas@t.test,Nordhus,CHAIR-2,1,450.00,EUR,2025-03-01T10:00:00Z,2025-03-04T12:00:00Z,N-1']);
      assert.equal(delivered.deliveriesRecorded, 1);
      assert.equal(delivered.claimsOpened, 1);
      assert.deepEqual(await summary(store, 'jonas@t.test'), ['CHAIR-2#1 detected 5000 EUR']);
      const watch = await store.db.selectFrom('watches').select(['window_start', 'window_end']).where('product_id', '=', (await listClaims(store.db))[0]!.product.id).executeTakeFirstOrThrow();
      assert.deepEqual(watch, { window_start: '2025-03-04T12:00:00.000Z', window_end: '2025-04-03T12:00:00.000Z' });
    });

    test('unlimited adjustments: after filing, a further drop opens a new claim for the additional difference', async () => {
      await fileClaim(store, 'CHAIR-2', 1);
      const report = await importPricesText(store.db, ['Nordhus,CHAIR-2,380.00,EUR,2025-03-12T10:00:00Z', 'Nordhus,CHAIR-2,395.00,EUR,2025-03-11T10:00:00Z']);
      assert.equal(report.claimsOpened, 1);
      assert.deepEqual(await summary(store, 'jonas@t.test'), ['CHAIR-2#1 filed 5000 EUR', 'CHAIR-2#2 detected 2000 EUR']);
      const second = (await listClaims(store.db, { customerEmail: 'jonas@t.test' }))[1]!;
      assert.deepEqual(second.referenceUnitPrice, { amountMinor: 40_000, currency: 'EUR' });
    });

    test('one adjustment: once filed no further claim, and the sweep closes the watch', async () => {
      await importPurchasesText(store.db, ['maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,2025-03-01T10:00:00Z,,A-1']);
      await importPricesText(store.db, ['Alba Home,SOFA-1,1100.00,USD,2025-03-03T10:00:00Z']);
      await fileClaim(store, 'SOFA-1', 1);
      const report = await importPricesText(store.db, ['Alba Home,SOFA-1,1000.00,USD,2025-03-04T10:00:00Z']);
      assert.equal(report.claimsOpened + report.claimsGrown, 0);
      const sweep = await sweepWatches(store.db, { asOf: '2025-03-05T00:00:00Z' });
      assert.equal(sweep.watchesClosed, 1);
      const closed = await store.db.selectFrom('watches').select(['status', 'closed_reason']).where('status', '=', 'closed').execute();
      assert.deepEqual(closed, [{ status: 'closed', closed_reason: 'adjustment-used' }]);
      assert.deepEqual(await summary(store, 'maya@t.test'), ['SOFA-1#1 filed 10000 USD']);
    });

    test('the sweep claims observations that arrived without detection, once; then closes ended windows with a timeline event', async () => {
      await importPurchasesText(store.db, ['maya@t.test,Alba Home,LAMP-1,3,99.00,USD,2025-04-01T10:00:00Z,,A-2']);
      const lamp = await store.db.selectFrom('products').select('id').where('sku', '=', 'LAMP-1').executeTakeFirstOrThrow();
      // As the catalog import writes them: stored, not yet checked against watches.
      await store.db
        .insertInto('price_observations')
        .values([
          { product_id: lamp.id, price_minor: 9_000, currency: 'USD', observed_at: '2025-04-03T10:00:00.000Z', source: 'catalog', created_at: '2025-04-03T10:00:00.000Z' },
          { product_id: lamp.id, price_minor: 8_500, currency: 'USD', observed_at: '2025-04-05T10:00:00.000Z', source: 'catalog', created_at: '2025-04-05T10:00:00.000Z' },
        ])
        .execute();
      const first = await sweepWatches(store.db, { asOf: '2025-04-06T00:00:00Z', pageSize: 1 });
      assert.equal(first.claimsOpened, 1);
      assert.deepEqual((await summary(store, 'maya@t.test')).filter((s) => s.startsWith('LAMP')), ['LAMP-1#1 detected 4200 USD']);
      const second = await sweepWatches(store.db, { asOf: '2025-04-06T00:00:00Z' });
      assert.equal(second.claimsOpened + second.claimsGrown + second.watchesClosed, 0);

      const late = await sweepWatches(store.db, { asOf: '2025-04-20T00:00:00Z' });
      assert.ok(late.watchesClosed >= 1);
      const ended = await store.db.selectFrom('timeline_events').select('text').where('kind', '=', 'watch.closed').execute();
      assert.ok(ended.some((e) => e.text === 'Price protection on the Orbit lamp ended on Apr 15, 2025; $42.00 was claimed in all.'), JSON.stringify(ended));
    });

    test('a late feed with a lower price from inside a closed window still grows the claim', async () => {
      const report = await importPricesText(store.db, ['Alba Home,LAMP-1,80.00,USD,2025-04-10T10:00:00Z'], 'late.csv');
      assert.equal(report.claimsGrown, 1);
      assert.deepEqual((await summary(store, 'maya@t.test')).filter((s) => s.startsWith('LAMP')), ['LAMP-1#1 detected 5700 USD']);
    });

    test('import order does not matter: a feed reversed and in small batches gives the same claims', async () => {
      const other = await createTestStore(engine);
      const second = await openStore(other.location);
      try {
        await watchWorld(second.db);
        const purchases = ['maya@t.test,Alba Home,SOFA-1,2,1200.00,USD,2025-05-01T10:00:00Z,,O-1', 'jonas@t.test,Alba Home,SOFA-1,1,1150.00,USD,2025-05-03T10:00:00Z,,O-2'];
        const feed = [1190, 1210, 1140, 1180, 1100, 1120, 1160, 1090].map((price, day) => `Alba Home,SOFA-1,${price}.00,USD,2025-05-${String(2 + day * 2).padStart(2, '0')}T08:00:00Z`);
        const mirror = await createTestStore(engine);
        const third = await openStore(mirror.location);
        try {
          await watchWorld(third.db);
          await importPurchasesText(second.db, purchases);
          await importPurchasesText(third.db, purchases);
          await importPricesText(second.db, feed);
          await importPriceRowsInBatches(third, [...feed].reverse());
          assert.deepEqual(await summary(second), await summary(third));
          assert.deepEqual(await summary(second), ['SOFA-1#1 detected 20000 USD', 'SOFA-1#1 detected 6000 USD']);
        } finally {
          await third.close();
          await mirror.dispose();
        }
      } finally {
        await second.close();
        await other.dispose();
      }
    });
  });
}

async function importPriceRowsInBatches(store: Store, rows: readonly string[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2) await importPricesText(store.db, rows.slice(i, i + 2), `part-${i}.csv`);
}
