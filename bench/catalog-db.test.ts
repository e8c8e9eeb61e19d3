import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchCatalogDbImport } from './catalog-db.ts';

test('the DB import benchmark writes every row through the store: new, unchanged, then re-priced (small sizes; timings are not asserted)', () => {
  const result = benchCatalogDbImport(() => {}, { small: 200, large: 1_000 });
  assert.deepEqual([result.import10k.imported, result.import10k.rejected], [200, 0]);
  assert.deepEqual([result.import100k.imported, result.import100k.updated, result.import100k.unchanged], [1_000, 0, 0]);
  assert.deepEqual([result.reimport100kUnchanged.imported, result.reimport100kUnchanged.unchanged], [0, 1_000]);
  assert.deepEqual([result.import100kAllPricesChanged.updated, result.import100kAllPricesChanged.unchanged], [1_000, 0]);
  assert.ok(result.import100k.maxRssBytes > 0 && result.import100k.seconds > 0);
});
