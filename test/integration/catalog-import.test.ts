import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { BAD_ROWS_FEED } from '../../core/catalog/fixtures.ts';
import { readFeed } from '../../server/catalog/feed.ts';
import { importCatalog } from '../../server/catalog/import.ts';
import { priceHistory } from '../../server/catalog/products.ts';
import { atelier, catalogCounts, nativeCsv, productRow, storeArgs, withDb } from './catalog-fixtures.ts';
import { createTestStore, engines, tempDir, type TestStore } from './harness.ts';

const RETAILER = 'Gable & Grain';

for (const engine of engines()) {
  describe(`catalog import on ${engine}`, () => {
    let store: TestStore;
    const files = tempDir('atelier-catalog-import-');

    before(async () => {
      store = await createTestStore(engine);
    });
    after(async () => {
      await store?.dispose();
      files.dispose();
    });

    test('every bad-row kind is rejected with its line and reason; the rest import; a second run changes nothing', async () => {
      await withDb(store, async (db) => {
        const run = () => importCatalog(db, { retailer: { name: RETAILER, currency: 'GBP' }, feed: (currency) => readFeed([BAD_ROWS_FEED.bytes], { currency }), source: 'test' });
        const first = await run();
        assert.equal(first.retailerCreated, true);
        assert.deepEqual(
          first.rejected.map((row) => [row.line, row.field]),
          BAD_ROWS_FEED.rejected.map((row) => [row.line, row.field]),
        );
        first.rejected.forEach((row, index) => assert.match(row.reason, BAD_ROWS_FEED.rejected[index]!.reason, `line ${row.line}`));
        assert.deepEqual([first.imported, first.updated, first.unchanged], [BAD_ROWS_FEED.acceptedSkus.length, 0, 0]);

        const stored = await db.selectFrom('products').select(['sku', 'name', 'updated_at']).where('retailer_id', '=', first.retailer.id).orderBy('sku').execute();
        assert.deepEqual(stored.map((p) => p.sku).sort(), [...BAD_ROWS_FEED.acceptedSkus].sort(), 'no rejected row reached the store');
        assert.equal(stored.find((p) => p.sku === 'GB-1')?.name, 'Alba 3-seat sofa in velvet', 'the first of two rows with one SKU wins');
        const counts = await catalogCounts(db);
        assert.equal(counts.observations, BAD_ROWS_FEED.acceptedSkus.length, 'one price observation per new product');
        const retailerStamp = await db.selectFrom('retailers').select('updated_at').where('id', '=', first.retailer.id).executeTakeFirstOrThrow();

        const again = await run();
        assert.deepEqual([again.imported, again.updated, again.unchanged, again.rejected.length, again.retailerCreated], [0, 0, BAD_ROWS_FEED.acceptedSkus.length, BAD_ROWS_FEED.rejected.length, false]);
        assert.deepEqual(await catalogCounts(db), counts);
        assert.deepEqual(await db.selectFrom('products').select(['sku', 'name', 'updated_at']).where('retailer_id', '=', first.retailer.id).orderBy('sku').execute(), stored);
        assert.deepEqual(await db.selectFrom('retailers').select('updated_at').where('id', '=', first.retailer.id).executeTakeFirstOrThrow(), retailerStamp);
      });
    });

    test('a changed price becomes one observation; a changed name is an update without one', async () => {
      await withDb(store, async (db) => {
        const feed = nativeCsv([productRow('PC-1', 'Pell chair', 'armchair', [700, 760, 800], '300.00', 'GBP'), productRow('PC-2', 'Pell stool', 'side table', [400, 400, 450], '80.00', 'GBP')]);
        const run = (text: string, now: Date) => importCatalog(db, { retailer: { name: RETAILER }, feed: (currency) => readFeed([text], { currency }), source: 'test', now });
        await run(feed, new Date('2026-03-01T10:00:00Z'));
        const before = await catalogCounts(db);
        const changed = feed.replace('300.00', '270.00').replace('Pell stool', 'Pell low stool');
        const report = await run(changed, new Date('2026-03-08T10:00:00Z'));
        assert.deepEqual([report.imported, report.updated, report.unchanged], [0, 2, 0]);
        assert.equal((await catalogCounts(db)).observations, before.observations + 1);
        const chair = await db.selectFrom('products').select(['id', 'price_minor', 'created_at']).where('sku', '=', 'PC-1').executeTakeFirstOrThrow();
        assert.equal(Number(chair.price_minor), 27000);
        assert.equal(chair.created_at, '2026-03-01T10:00:00.000Z', 'an update keeps when the product was first seen');
        const history = await priceHistory(db, chair.id, { limit: 10 });
        assert.deepEqual(
          history.map((point) => [point.observedAt, point.price.amountMinor]),
          [
            ['2026-03-01T10:00:00.000Z', 30000],
            ['2026-03-08T10:00:00.000Z', 27000],
          ],
        );
      });
    });

    test('JSON feeds — an array or one object per line — import the same products as the CSV', async () => {
      const rows = [
        { sku: 'J-1', name: 'Juno velvet sofa', category: 'sofa', width_mm: 2100, depth_mm: 920, height_mm: 820, price: '1499.00', currency: 'EUR', colours: ['teal', 'rust'], style_tags: 'art deco', materials: ['velvet'], final_sale: false },
        { sku: 'J-2', name: 'Juno side table', category: 'side table', width_mm: 450, depth_mm: 450, height_mm: 520, price: 129.5, currency: 'EUR', colours: 'brass', style_tags: ['art deco'], materials: 'brass|marble', final_sale: 'yes' },
      ];
      await withDb(store, async (db) => {
        const importAs = (name: string, text: string) => importCatalog(db, { retailer: { name, currency: 'EUR' }, feed: (currency) => readFeed([text], { currency }), source: 'test' });
        const broken = '{"sku": "J-3", "name": }';
        const array = await importAs('Juno Array', `[\n${rows.map((row) => JSON.stringify(row)).join(',\n')},\n42\n]`);
        const lines = await importAs('Juno Lines', `${rows.map((row) => JSON.stringify(row)).join('\n')}\n${broken}\n`);
        assert.deepEqual([array.kind, array.imported, array.rejected.map((r) => [r.line, r.reason])], ['json-array', 2, [[3, 'item: is a number, not an object']]]);
        assert.deepEqual([lines.kind, lines.imported, lines.rejected.map((r) => r.line)], ['json-lines', 2, [3]]);
        assert.match(lines.rejected[0]!.reason, /^item: not valid JSON/);
        const productsOf = (retailerId: string) =>
          db.selectFrom('products').select(['sku', 'name', 'category', 'width_mm', 'price_minor', 'currency', 'colours', 'style_tags', 'materials', 'final_sale']).where('retailer_id', '=', retailerId).orderBy('sku').execute();
        const fromArray = await productsOf(array.retailer.id);
        assert.deepEqual(fromArray, await productsOf(lines.retailer.id));
        assert.deepEqual(
          fromArray.map((p) => [p.sku, Number(p.price_minor), JSON.parse(p.colours), JSON.parse(p.materials), Number(p.final_sale)]),
          [
            ['J-1', 149900, ['teal', 'rust'], ['velvet'], 0],
            ['J-2', 12950, ['brass'], ['brass', 'marble'], 1],
          ],
        );
      });
    });

    test('CLI: a retailer’s own feed through a mapping file; --json reports the same facts; re-import changes nothing', async () => {
      const feed = path.join(files.dir, 'nordhus.csv');
      writeFileSync(
        feed,
        ['Artikel;Bezeichnung;Gruppe;Breite;Tiefe;Höhe;Preis', 'N-100;Lund Sofa 3-Sitzer;Sofas & Couches;210,5;92;82;1.299,00', 'N-101;Lund Sessel;Sessel;80;85;78;549,00', 'N-102;Lund Teppich;Teppiche;160;230;;189,00', 'N-103;Lund Hocker;Hocker;45;45;45;79,00'].join('\n'),
      );
      const mapping = path.join(files.dir, 'nordhus.json');
      writeFileSync(
        mapping,
        JSON.stringify({
          delimiter: ';',
          columns: { sku: 'Artikel', name: 'Bezeichnung', category: 'Gruppe', width: 'Breite', depth: 'Tiefe', height: 'Höhe', price: 'Preis' },
          units: 'cm',
          decimalSeparator: ',',
          thousandsSeparator: '.',
          categories: { 'Sofas & Couches': 'sofa', Sessel: 'armchair', Teppiche: 'rug' },
        }),
      );
      const args = ['catalog', 'import', feed, '--retailer', 'Nordhus', '--map', mapping, ...storeArgs(store)];

      const noCurrency = await atelier(args);
      assert.equal(noCurrency.code, 1);
      assert.match(noCurrency.stderr, /Retailer "Nordhus" is new: give its currency \(--currency CODE\)/);
      assert.equal(await withDb(store, async (db) => (await db.selectFrom('retailers').select('id').where('name', '=', 'Nordhus').execute()).length), 0, 'nothing created');

      const first = await atelier([...args, '--currency', 'eur', '--json']);
      assert.equal(first.code, 0, first.stderr);
      const report = JSON.parse(first.stdout);
      assert.deepEqual([report.retailer.name, report.retailer.currency, report.retailer.created, report.imported, report.updated, report.unchanged], ['Nordhus', 'EUR', true, 3, 0, 0]);
      assert.deepEqual(report.rejected, [{ line: 5, field: 'category', reason: 'Gruppe: "Hocker" is not one of our categories; map it under "categories" in the mapping', sku: 'N-103' }]);
      const sofa = await withDb(store, (db) => db.selectFrom('products').select(['width_mm', 'depth_mm', 'price_minor', 'category']).where('sku', '=', 'N-100').executeTakeFirstOrThrow());
      assert.deepEqual([sofa.width_mm, sofa.depth_mm, Number(sofa.price_minor), sofa.category], [2105, 920, 129900, 'sofa']);

      const again = await atelier(args);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /imported 0, updated 0, unchanged 3, rejected 1/);
      assert.match(again.stdout, /line 5: Gruppe: "Hocker" is not one of our categories/);
    });

    test('CLI: a bad mapping file, a missing file and an unreadable feed each say what is wrong and import nothing', async () => {
      const before = await withDb(store, catalogCounts);
      const feed = path.join(files.dir, 'plain.csv');
      writeFileSync(feed, nativeCsv([productRow('P-1', 'Plain lamp', 'lamp', [300, 300, 1500], '49.00', 'USD')]));
      const badMapping = path.join(files.dir, 'bad-mapping.json');
      writeFileSync(badMapping, JSON.stringify({ columns: { sku: 'id', name: 'title', category: 'type', width: 'w', depth: 'd', height: 'h', price: 'p', colour: 'c' }, units: 'furlongs' }));
      const mapped = await atelier(['catalog', 'import', feed, '--retailer', 'Plainly', '--currency', 'USD', '--map', badMapping, ...storeArgs(store)]);
      assert.equal(mapped.code, 1);
      assert.match(mapped.stderr, /mapping file .*bad-mapping\.json is not a usable mapping/);
      assert.match(mapped.stderr, /columns\.colour: is not a mapping key/);
      assert.match(mapped.stderr, /units: /);

      const missing = await atelier(['catalog', 'import', path.join(files.dir, 'nope.csv'), '--retailer', 'Plainly', '--currency', 'USD', ...storeArgs(store)]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /cannot read .*nope\.csv: there is no such file/);

      const headerless = path.join(files.dir, 'wrong-header.csv');
      writeFileSync(headerless, 'id,title\nP-1,Plain lamp\n');
      const unreadable = await atelier(['catalog', 'import', headerless, '--retailer', 'Plainly', '--currency', 'USD', ...storeArgs(store)]);
      assert.equal(unreadable.code, 1);
      assert.match(unreadable.stderr, /wrong-header\.csv cannot be imported: line 1: the header lacks the columns "sku", "name"/);
      assert.match(unreadable.stderr, /Nothing was imported/);
      assert.deepEqual(await withDb(store, catalogCounts), before, 'no retailer, product or observation was added');
    });

    test('CLI search: ranked, typo-tolerant, with --fits, --retailer and --max-price in the retailer’s currency', async () => {
      const typo = await atelier(['catalog', 'search', 'velvt sofa', '--retailer', 'Gable & Grain', '--json', ...storeArgs(store)]);
      assert.equal(typo.code, 0, typo.stderr);
      const found = JSON.parse(typo.stdout);
      assert.equal(found.hits[0].product.name, 'Alba 3-seat sofa in velvet');

      const fitting = JSON.parse((await atelier(['catalog', 'search', '', '--fits', '900x500', '--json', ...storeArgs(store)])).stdout);
      assert.ok(fitting.total > 0);
      for (const { product } of fitting.hits) assert.ok(Math.max(product.widthMm, product.depthMm) <= 900 && Math.min(product.widthMm, product.depthMm) <= 500, product.name);

      const cheap = await atelier(['catalog', 'search', 'sofa', '--retailer', 'gable & grain', '--max-price', '1000', ...storeArgs(store)]);
      assert.equal(cheap.code, 0, cheap.stderr);
      assert.match(cheap.stdout, /Harlow 2-seat sofa, in linen\s+Gable & Grain\s+sofa\s+1700×880×820\s+£899\.00/);
      assert.doesNotMatch(cheap.stdout, /Alba/);

      const unknown = await atelier(['catalog', 'search', 'sofa', '--retailer', 'Nobody', ...storeArgs(store)]);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /--retailer "Nobody" is not a retailer here; known: .*Gable & Grain/);
    });
  });
}
