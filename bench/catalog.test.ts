import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchCatalogSearch } from './catalog-search.ts';

test('the search benchmark runs and both engines find comparable results (small size; timings are not asserted)', () => {
  const result = benchCatalogSearch(3_000, 80);
  assert.equal(result.products, 3_000);
  assert.ok(result.meanTotalHits > 0 && result.miniSearchMeanHits > 0);
  assert.ok(result.queryP95Ms >= 0 && result.miniSearchP95Ms > 0);
});
