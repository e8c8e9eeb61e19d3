import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BAD_ROWS_FEED } from '../../core/catalog/fixtures.ts';
import { footprintFits } from '../../core/catalog/search.ts';
import { setStyleProfileSource } from '../../server/catalog/style-profile.ts';
import type { StudioServer } from '../../server/start.ts';
import { atelier, nativeCsv, productRow, storeArgs } from './catalog-fixtures.ts';
import { ApiSession, createTestStore, engines, startTestServer, tempDir, type TestStore } from './harness.ts';

const search = (session: ApiSession, query: Record<string, string>) => session.request('GET', `/api/catalog/search?${new URLSearchParams(query)}`);

for (const engine of engines()) {
  describe(`catalog API on ${engine} (demo catalog)`, () => {
    let store: TestStore;
    let server: StudioServer;
    const designer = () => signedIn('designer@atelier.test', 'atelier-demo-designer');
    const admin = () => signedIn('admin@atelier.test', 'atelier-demo-admin');
    const customer = () => signedIn('customer@atelier.test', 'atelier-demo-customer');
    async function signedIn(email: string, password: string) {
      const session = new ApiSession(server.url);
      await session.signIn(email, password);
      return session;
    }

    before(async () => {
      store = await createTestStore(engine);
      server = await startTestServer(store, { demo: true });
    });
    after(async () => {
      await server?.close();
      await store?.dispose();
    });

    test('"velvet sofa" ranks velvet sofas first, and a typo still finds the same product', async () => {
      const session = await designer();
      const exact = await search(session, { q: 'velvet sofa', limit: '5' });
      assert.equal(exact.status, 200, JSON.stringify(exact.json));
      assert.ok(exact.json.total > 0 && exact.json.matchedAllTerms);
      for (const { product } of exact.json.hits) {
        assert.equal(product.category, 'sofa');
        assert.ok([product.name, ...product.materials].join(' ').toLowerCase().includes('velvet'), product.name);
      }
      const typo = await search(session, { q: 'velvat sofs', limit: '5' });
      assert.equal(typo.status, 200);
      assert.equal(typo.json.hits[0]?.product.id, exact.json.hits[0].product.id, 'one wrong letter in each word finds the same top product');
      const prefix = await search(session, { q: 'velv sof', limit: '5' });
      const top = prefix.json.hits[0]?.product;
      assert.ok(top?.category === 'sofa' && [top.name, ...top.materials].join(' ').toLowerCase().includes('velvet'), 'words still being typed find a velvet sofa');
    });

    test('fits 900x500 returns only products that fit, as a filter or typed in the text', async () => {
      const session = await designer();
      const queries: Record<string, string>[] = [{ fits: '900x500', limit: '200' }, { q: 'fits 900x500', limit: '200' }, { q: 'table fits 90x50cm', limit: '200' }];
      for (const query of queries) {
        const { status, json } = await search(session, query);
        assert.equal(status, 200);
        assert.deepEqual(json.fits, { widthMm: 900, depthMm: 500 });
        assert.ok(json.total > 0, JSON.stringify(query));
        for (const { product } of json.hits) assert.ok(footprintFits(product.widthMm, product.depthMm, 900, 500), `${product.name} ${product.widthMm}×${product.depthMm}`);
      }
      const all = await search(session, { limit: '1' });
      const fitting = await search(session, { fits: '900x500', limit: '1' });
      assert.ok(fitting.json.total < all.json.total, 'big pieces are left out');
      const bad = await search(session, { fits: 'wide' });
      assert.equal(bad.status, 400);
      assert.match(bad.json.error.message, /query\.fits: must be WIDTHxDEPTH/);
    });

    test('filters, facets and price sorting: retailer, category, style, a price range in one currency', async () => {
      const session = await designer();
      const { json: retailers } = await session.request('GET', '/api/catalog/retailers');
      const gbp = retailers.retailers.find((r: any) => r.currency === 'GBP');
      const { status, json } = await search(session, { q: 'sofa', retailerId: gbp.id, currency: 'GBP', maxPriceMinor: '150000', sort: 'price-asc', limit: '200' });
      assert.equal(status, 200, JSON.stringify(json));
      assert.ok(json.total > 0);
      const prices = json.hits.map((hit: any) => hit.product.price.amountMinor);
      assert.deepEqual(prices, [...prices].sort((a: number, b: number) => a - b), 'cheapest first');
      for (const { product } of json.hits) {
        assert.equal(product.retailerId, gbp.id);
        assert.equal(product.price.currency, 'GBP');
        assert.ok(product.price.amountMinor <= 150000);
      }
      assert.deepEqual(
        json.facets.retailer.map((f: any) => [f.value, f.label]),
        [[gbp.id, gbp.name]],
      );
      assert.equal(
        json.facets.category.reduce((sum: number, f: any) => sum + f.count, 0),
        json.total,
        'category counts add up to the total',
      );
      const style = json.facets.style[0].value;
      const styled = await search(session, { category: 'sofa,armchair', style, limit: '200' });
      for (const { product } of styled.json.hits) {
        assert.ok(['sofa', 'armchair'].includes(product.category));
        assert.ok(product.styleTags.includes(style));
      }
      const noCurrency = await search(session, { maxPriceMinor: '1000' });
      assert.equal(noCurrency.status, 400);
      assert.deepEqual(
        noCurrency.json.error.issues.map((issue: any) => issue.path),
        ['query.currency'],
      );
    });

    test('a product’s detail and its price history, oldest first', async () => {
      const session = await admin();
      const feed = (price: string) => nativeCsv([productRow('PH-1', 'Perrin oak sideboard', 'sideboard', [1600, 450, 750], price, 'USD', { materials: 'oak' })]);
      const first = await session.request('POST', '/api/catalog/imports', { text: feed('899.00'), retailer: { name: 'Perrin & Co', currency: 'USD' } });
      assert.equal(first.status, 200, JSON.stringify(first.json));
      await session.request('POST', '/api/catalog/imports', { text: feed('799.00'), retailer: { name: 'Perrin & Co' } });
      const found = await search(session, { q: 'perrin sideboard' });
      const id = found.json.hits[0].product.id;
      const detail = await (await designer()).request('GET', `/api/catalog/products/${id}`);
      assert.equal(detail.status, 200);
      assert.deepEqual([detail.json.product.sku, detail.json.product.price.amountMinor, detail.json.retailer.name, detail.json.retailer.policy.windowDays], ['PH-1', 79900, 'Perrin & Co', 14]);
      const prices = await (await customer()).request('GET', `/api/catalog/products/${id}/prices`);
      assert.equal(prices.status, 200);
      assert.deepEqual(
        prices.json.observations.map((o: any) => o.price.amountMinor),
        [89900, 79900],
      );
      assert.ok(prices.json.observations[0].observedAt <= prices.json.observations[1].observedAt);
      assert.deepEqual([prices.json.lowest.amountMinor, prices.json.highest.amountMinor, prices.json.current.amountMinor], [79900, 89900, 79900]);
      assert.equal((await session.request('GET', '/api/catalog/products/no-such-product')).status, 404);
    });

    test('only an admin imports: a customer or a designer gets 403 and nothing changes', async () => {
      const body = { text: nativeCsv([productRow('X-1', 'Xanthe lamp', 'lamp', [300, 300, 1500], '49.00', 'USD')]), retailer: { name: 'Xanthe', currency: 'USD' } };
      for (const session of [await customer(), await designer()]) {
        const imported = await session.request('POST', '/api/catalog/imports', body);
        assert.equal(imported.status, 403);
        assert.equal(imported.json.error.code, 'forbidden');
        assert.equal((await session.request('POST', '/api/catalog/imports/preview', body)).status, 403);
      }
      assert.equal((await search(await designer(), { q: 'xanthe' })).json.total, 0);
    });

    test('an import through the API or the CLI (another process) shows in the next search', async () => {
      const session = await admin();
      const viaApi = await session.request('POST', '/api/catalog/imports', {
        // As a browser reads the file: the Latin-1 row's byte becomes U+FFFD, and is still rejected.
        text: new TextDecoder().decode(BAD_ROWS_FEED.bytes).replace(/GB-(\d+)/g, 'ZE-$1').replace('Alba 3-seat sofa in velvet', 'Zephyrine chaise sofa'),
        retailer: { name: 'Zephyr Home', currency: 'GBP' },
        fileName: 'zephyr.csv',
      });
      assert.equal(viaApi.status, 200, JSON.stringify(viaApi.json));
      assert.deepEqual([viaApi.json.retailerCreated, viaApi.json.imported, viaApi.json.rejected.length], [true, BAD_ROWS_FEED.acceptedSkus.length, BAD_ROWS_FEED.rejected.length]);
      const afterApi = await search(await designer(), { q: 'zephyrine' });
      assert.deepEqual(
        afterApi.json.hits.map((hit: any) => hit.product.sku),
        ['ZE-1'],
      );

      const files = tempDir();
      try {
        const file = path.join(files.dir, 'quillon.csv');
        writeFileSync(file, nativeCsv([productRow('Q-1', 'Quillon walnut bench', 'side table', [1100, 350, 450], '420.00', 'EUR')]));
        const cli = await atelier(['catalog', 'import', file, '--retailer', 'Quillon', '--currency', 'EUR', ...storeArgs(store)]);
        assert.equal(cli.code, 0, cli.stderr);
      } finally {
        files.dispose();
      }
      const afterCli = await search(await designer(), { q: 'quillon bench' });
      assert.deepEqual(
        afterCli.json.hits.map((hit: any) => hit.product.name),
        ['Quillon walnut bench'],
      );
    });

    test('the wizard’s preview: header, first rows as products or rejections; a bad mapping names its fields', async () => {
      const session = await admin();
      const text = new TextDecoder().decode(BAD_ROWS_FEED.bytes);
      const preview = await session.request('POST', '/api/catalog/imports/preview', { text: text.slice(0, text.lastIndexOf('\n') + 1) + 'GB-99,Cut off', retailer: { name: 'Preview Shop', currency: 'GBP' } });
      assert.equal(preview.status, 200, JSON.stringify(preview.json));
      assert.equal(preview.json.kind, 'csv');
      assert.equal(preview.json.header.length, 15);
      assert.equal(preview.json.rows.length, 10);
      assert.deepEqual(
        preview.json.rows.slice(0, 3).map((row: any) => [row.line, row.ok, row.ok ? row.product.sku : row.field]),
        [
          [2, true, 'GB-1'],
          [3, false, 'row'],
          [4, true, 'GB-3'],
        ],
      );
      assert.equal(preview.json.rows[0].product.price.amountMinor, 129900);
      assert.equal(preview.json.retailerExists, false);

      const ownHeader = await session.request('POST', '/api/catalog/imports/preview', { text: 'Artikel;Name;Preis\nA-1;Stuhl;12,50\n', retailer: { name: 'Preview Shop', currency: 'EUR' }, complete: true });
      assert.equal(ownHeader.status, 200);
      assert.deepEqual(ownHeader.json.header, ['Artikel;Name;Preis']);
      assert.match(ownHeader.json.problem, /the header lacks the columns/);

      const mapped = await session.request('POST', '/api/catalog/imports/preview', {
        text: 'Artikel;Name;Gruppe;B;T;H;Preis\nA-1;Stuhl;Stühle;45;52;80;12,50\n',
        complete: true,
        retailer: { name: 'Preview Shop', currency: 'EUR' },
        mapping: { delimiter: ';', columns: { sku: 'Artikel', name: 'Name', category: 'Gruppe', width: 'B', depth: 'T', height: 'H', price: 'Preis' }, units: 'cm', decimalSeparator: ',', categories: { Stühle: 'dining chair' } },
      });
      assert.equal(mapped.status, 200, JSON.stringify(mapped.json));
      assert.deepEqual(mapped.json.header, ['Artikel', 'Name', 'Gruppe', 'B', 'T', 'H', 'Preis']);
      assert.deepEqual([mapped.json.rows[0].product.category, mapped.json.rows[0].product.widthMm, mapped.json.rows[0].product.price], ['dining chair', 450, { amountMinor: 1250, currency: 'EUR' }]);

      const badMapping = await session.request('POST', '/api/catalog/imports/preview', { text, retailer: { name: 'Preview Shop', currency: 'GBP' }, mapping: { columns: { name: 'title' }, decimalSeparator: ';' } });
      assert.equal(badMapping.status, 400);
      assert.equal(badMapping.json.error.code, 'invalid_mapping');
      const paths = badMapping.json.error.issues.map((issue: any) => issue.path);
      assert.ok(paths.includes('body.mapping.columns.sku') && paths.includes('body.mapping.decimalSeparator'), paths.join(', '));
    });

    test('alternatives for a placed piece: same category, fits, price difference, style profile from the hook', async () => {
      const session = await designer();
      const { json: list } = await session.request('GET', '/api/projects');
      const maya = list.projects.find((p: any) => p.name === "Maya's living room");
      const { json: detail } = await session.request('GET', `/api/projects/${maya.id}`);
      const optionId = detail.project.options[0].id;
      const { json: option } = await session.request('GET', `/api/options/${optionId}`);
      const sofaItem = option.option.items.find((item: any) => option.products.find((p: any) => p.id === item.productId)?.category === 'sofa');
      const sofa = option.products.find((p: any) => p.id === sofaItem.productId);
      const url = `/api/options/${optionId}/items/${sofaItem.id}/alternatives`;

      const plain = await session.request('GET', `${url}?toleranceMm=150`);
      assert.equal(plain.status, 200, JSON.stringify(plain.json));
      assert.equal(plain.json.current.id, sofa.id);
      assert.equal(plain.json.styleProfileUsed, false);
      assert.ok(plain.json.alternatives.length > 0);
      for (const { product, priceDelta } of plain.json.alternatives) {
        assert.equal(product.category, 'sofa');
        assert.notEqual(product.id, sofa.id);
        assert.ok(footprintFits(product.widthMm, product.depthMm, sofa.widthMm + 150, sofa.depthMm + 150));
        if (product.price.currency === sofa.price.currency) assert.deepEqual(priceDelta, { amountMinor: product.price.amountMinor - sofa.price.amountMinor, currency: sofa.price.currency });
        else assert.equal(priceDelta, null);
      }
      const tight = await session.request('GET', `${url}?freeWidthMm=${sofa.widthMm}&freeDepthMm=${sofa.depthMm}`);
      for (const { product } of tight.json.alternatives) assert.ok(footprintFits(product.widthMm, product.depthMm, sofa.widthMm, sofa.depthMm));

      const style = plain.json.alternatives.flatMap((a: any) => a.product.styleTags).find((tag: string) => !sofa.styleTags.includes(tag)) ?? 'modern';
      setStyleProfileSource(async () => ({ [style]: 1 }));
      try {
        const profiled = await (await customer()).request('GET', url);
        assert.equal(profiled.status, 200);
        assert.equal(profiled.json.styleProfileUsed, true);
        assert.ok(profiled.json.alternatives[0].product.styleTags.includes(style), 'the closest style comes first');
        assert.equal(profiled.json.alternatives[0].styleCloseness, 1);
      } finally {
        setStyleProfileSource(undefined);
      }

      const stranger = await signedIn('jonas@atelier.test', 'atelier-demo-jonas');
      assert.equal((await stranger.request('GET', url)).status, 403);
      assert.equal((await session.request('GET', `/api/options/${optionId}/items/no-such-item/alternatives`)).status, 404);
      assert.equal((await session.request('GET', `${url}?freeWidthMm=900`)).status, 400);
    });
  });
}
