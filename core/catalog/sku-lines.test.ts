import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SkuLineIndex } from './sku-lines.ts';

test('property: behaves exactly like a Map of first lines, across packing and growth', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (skus) => {
      const index = new SkuLineIndex();
      const reference = new Map<string, number>();
      skus.forEach((sku, line) => {
        const expected = reference.get(sku);
        if (expected === undefined) reference.set(sku, line);
        assert.equal(index.firstLineOrAdd(sku, line), expected);
      });
      assert.equal(index.size, reference.size);
    }),
    { numRuns: 30 },
  );
});

test('tells apart SKUs that are prefixes of each other in a packed block', () => {
  const index = new SkuLineIndex();
  for (let i = 0; i < 5000; i++) index.firstLineOrAdd(`A${i}`, i + 2);
  assert.equal(index.firstLineOrAdd('A1', 99), 3);
  assert.equal(index.firstLineOrAdd('A12', 99), 14);
  assert.equal(index.firstLineOrAdd('A4999', 99), 5001);
  assert.equal(index.firstLineOrAdd('A', 99), undefined);
  assert.equal(index.firstLineOrAdd('', 100), undefined);
  assert.equal(index.firstLineOrAdd('', 101), 100);
});
