import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFeed } from '../../server/catalog/feed.ts';
import { importCatalog } from '../../server/catalog/import.ts';
import { CatalogSearchService } from '../../server/catalog/search-service.ts';
import { nativeCsv, productRow, withDb } from './catalog-fixtures.ts';
import { createTestStore, engines } from './harness.ts';

for (const engine of engines()) {
  test(`the search index is rebuilt exactly when the catalog changed, whoever changed it (${engine})`, async () => {
    const store = await createTestStore(engine);
    try {
      await withDb(store, async (db) => {
        const feed = (name: string) => nativeCsv([productRow('M-1', name, 'mirror', [600, 30, 900], '120.00', 'USD'), productRow('M-2', 'Marlow round mirror', 'mirror', [500, 30, 500], '90.00', 'USD')]);
        const run = (text: string) => importCatalog(db, { retailer: { name: 'Marlow', currency: 'USD' }, feed: (currency) => readFeed([text], { currency }), source: 'test' });
        await run(feed('Marlow arched mirror'));
        const service = new CatalogSearchService(db);
        assert.equal((await service.search({ text: 'arched' })).total, 1);
        await service.search({ text: 'round' });
        assert.equal(service.builds, 1, 'searches reuse the index while nothing changes');

        await run(feed('Marlow arched mirror'));
        await service.search({ text: 'arched' });
        assert.equal(service.builds, 1, 'an import that changes nothing keeps the index');

        await run(feed('Marlow arched floor mirror'));
        assert.equal((await service.search({ text: 'floor' })).total, 1, 'a renamed product is found by its new name');
        assert.equal(service.builds, 2);

        // A price feed elsewhere (the [Watch] import) records an observation and moves the current price.
        const product = await db.selectFrom('products').select('id').where('sku', '=', 'M-2').executeTakeFirstOrThrow();
        const now = new Date().toISOString();
        await db.insertInto('price_observations').values({ product_id: product.id, price_minor: 7500, currency: 'USD', observed_at: now, source: 'prices:feed', created_at: now }).execute();
        await db.updateTable('products').set({ price_minor: 7500, updated_at: now }).where('id', '=', product.id).execute();
        const cheaper = await service.search({ text: 'round mirror' });
        assert.equal(cheaper.hits[0]?.product.price.amountMinor, 7500);
        assert.equal(service.builds, 3);
      });
    } finally {
      await store.dispose();
    }
  });
}
