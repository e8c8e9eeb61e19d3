import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSeedCatalog } from './generate.ts';

const here = dirname(fileURLToPath(import.meta.url));

test('the committed seed files are exactly what the generator writes', () => {
  for (const [file, contents] of generateSeedCatalog().files) {
    assert.equal(readFileSync(join(here, file), 'utf8'), contents, `${file} is stale: run node assets/seed/generate.ts`);
  }
});

test('generating twice gives identical files', () => {
  assert.deepEqual([...generateSeedCatalog().files], [...generateSeedCatalog().files]);
});

test('every seed product imports through the native format without a rejection', async () => {
  const { createCatalogFeedParser } = await import('../../core/catalog/import.ts');
  const { nativeMapping } = await import('../../core/catalog/mapping.ts');
  const { CATEGORIES } = await import('../../core/catalog.ts');
  const { RetailersFileSchema } = await import('../../core/catalog/retailers.ts');
  const { retailers } = RetailersFileSchema.parse(JSON.parse(readFileSync(join(here, 'retailers.json'), 'utf8')));
  const categories = new Set<string>();
  const currencies = new Set<string>();
  let total = 0;
  let velvetSofas = 0;
  let withModels = 0;
  for (const retailer of retailers) {
    const feed = createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: retailer.currency });
    const results = [...feed.pushBytes(readFileSync(join(here, retailer.catalogFile))), ...feed.end()];
    const rejected = results.filter((result) => !result.ok);
    assert.deepEqual(rejected, [], `${retailer.catalogFile} has rejected rows`);
    for (const result of results) {
      if (!result.ok) continue;
      const product = result.product;
      total++;
      categories.add(product.category);
      currencies.add(product.price.currency);
      if (product.category === 'sofa' && /velvet/.test(product.name)) velvetSofas++;
      if (product.modelUrl) {
        withModels++;
        assert.ok(existsSync(join(here, '..', '..', product.modelUrl)), `${product.modelUrl} exists`);
      }
    }
  }
  assert.ok(retailers.length >= 5);
  assert.ok(total >= 2000, `${total} products`);
  assert.equal(categories.size, CATEGORIES.length);
  assert.ok(currencies.size >= 3);
  assert.ok(velvetSofas >= 10, `${velvetSofas} velvet sofas`);
  assert.ok(withModels >= 100, `${withModels} products with models`);
});

test('searching the seed catalog: "velvet sofa" and "velvt sofa" find velvet sofas only; "fits 900x500" only fitting pieces', async () => {
  const { createCatalogFeedParser } = await import('../../core/catalog/import.ts');
  const { nativeMapping } = await import('../../core/catalog/mapping.ts');
  const { RetailersFileSchema } = await import('../../core/catalog/retailers.ts');
  const { CatalogSearchIndex, footprintFits } = await import('../../core/catalog/search.ts');
  const { retailers } = RetailersFileSchema.parse(JSON.parse(readFileSync(join(here, 'retailers.json'), 'utf8')));
  const products = retailers.flatMap((retailer) => {
    const feed = createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: retailer.currency });
    return [...feed.pushBytes(readFileSync(join(here, retailer.catalogFile))), ...feed.end()].flatMap((result) =>
      result.ok ? [{ ...result.product, id: `${retailer.slug}:${result.product.sku}`, retailerId: retailer.slug, retailerName: retailer.name }] : [],
    );
  });
  const index = new CatalogSearchIndex(products);
  const velvetSofas = products.filter((p) => p.category === 'sofa' && p.materials.includes('velvet')).length;
  for (const text of ['velvet sofa', 'velvt sofa', 'sofa velvet', 'velv sofa']) {
    const result = index.search({ text, limit: 1000 });
    assert.equal(result.total, velvetSofas, text);
    for (const hit of result.hits) assert.ok(hit.product.category === 'sofa' && hit.product.materials.includes('velvet'), `${text}: ${hit.product.name}`);
  }
  const cheapest = index.search({ text: 'velvet sofa', retailerIds: ['brindle-birch'], price: { currency: 'USD', maxMinor: 150_000 }, sort: 'price-asc' });
  assert.ok(cheapest.total > 0);
  assert.ok(cheapest.hits.every((hit) => hit.product.retailerId === 'brindle-birch' && hit.product.price.amountMinor <= 150_000));
  const fitting = index.search({ text: 'fits 900x500', limit: 5000 });
  assert.ok(fitting.total > 100);
  assert.equal(fitting.total, products.filter((p) => footprintFits(p.widthMm, p.depthMm, 900, 500)).length);
  for (const hit of fitting.hits) assert.ok(footprintFits(hit.product.widthMm, hit.product.depthMm, 900, 500));
});
