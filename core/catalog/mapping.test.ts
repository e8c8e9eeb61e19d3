import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nativeMapping, parseCatalogMapping, resolveColumns } from './mapping.ts';

test('a mapping file needs only its columns; everything else has a default', () => {
  const result = parseCatalogMapping({ columns: { sku: 'SKU', name: 'Title', category: 'Type', width: 'W', depth: 'D', height: 'H', price: 'Price' } });
  assert.ok(result.ok);
  assert.deepEqual(result.mapping.units, { width: 'mm', depth: 'mm', height: 'mm' });
  assert.equal(result.mapping.delimiter, ',');
  assert.equal(result.mapping.listSeparator, '|');
});

test('a bad mapping file is refused with every issue named by its path', () => {
  const result = parseCatalogMapping({ columns: { sku: 'SKU' }, units: 'furlong', decimalSeparator: ',', thousandsSeparator: ',', categories: { Couch: 'settee' } });
  assert.ok(!result.ok);
  const text = result.issues.join('\n');
  for (const path of ['columns.name', 'units', 'categories.Couch']) assert.match(text, new RegExp(`^${path}:`, 'm'));
});

test('the separators must differ', () => {
  const result = parseCatalogMapping({ columns: nativeMapping.columns, decimalSeparator: ',', thousandsSeparator: ',' });
  assert.ok(!result.ok);
  assert.match(result.issues.join(), /thousandsSeparator: the decimal and thousands separators must differ/);
});

test('columns are found case-blind; a missing optional column is reported, a missing required one refuses', () => {
  const header = ['SKU', 'Name', 'Category', 'Width_mm', 'depth_mm', 'height_mm', 'price', 'currency'];
  const resolution = resolveColumns(header, nativeMapping);
  assert.ok(resolution.ok);
  assert.equal(resolution.indexes.sku, 0);
  assert.equal(resolution.indexes.width, 3);
  assert.equal(resolution.indexes.colours, -1);
  assert.deepEqual(resolution.missingOptional, ['colours', 'style_tags', 'materials', 'model_url', 'product_url', 'image_url', 'final_sale']);
  const refused = resolveColumns(header.slice(1), nativeMapping);
  assert.ok(!refused.ok);
  assert.match(refused.reason, /lacks the column "sku"/);
  const doubled = resolveColumns([...header, 'price'], nativeMapping);
  assert.ok(!doubled.ok);
  assert.match(doubled.reason, /"price" more than once/);
});
