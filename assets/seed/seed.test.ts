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
