import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BAD_ROWS_FEED } from './fixtures.ts';
import { CatalogFeedError, createCatalogFeedParser, productChanges } from './import.ts';
import { CatalogMappingSchema, nativeMapping } from './mapping.ts';
import type { RowResult } from './validate.ts';
import type { CatalogFeedOptions } from './import.ts';

function importBytes(bytes: Uint8Array, chunkSize: number, options: CatalogFeedOptions = { mapping: nativeMapping, retailerCurrency: BAD_ROWS_FEED.retailerCurrency }): RowResult[] {
  const feed = createCatalogFeedParser(options);
  const results: RowResult[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) results.push(...feed.pushBytes(bytes.subarray(at, at + chunkSize)));
  results.push(...feed.end());
  return results;
}

for (const chunkSize of [1 << 16, 7, 1]) {
  test(`every bad row kind is rejected with its line and reason, and the good rows import (chunks of ${chunkSize} bytes)`, () => {
    const results = importBytes(BAD_ROWS_FEED.bytes, chunkSize);
    const accepted = results.flatMap((result) => (result.ok ? [result.product.sku] : []));
    assert.deepEqual(accepted, BAD_ROWS_FEED.acceptedSkus);
    const rejected = results.flatMap((result) => (result.ok ? [] : [result]));
    assert.deepEqual(
      rejected.map((row) => [row.line, row.field]),
      BAD_ROWS_FEED.rejected.map((row) => [row.line, row.field]),
    );
    rejected.forEach((row, index) => assert.match(row.reason, BAD_ROWS_FEED.rejected[index]?.reason ?? /never/, `line ${row.line}`));
  });
}

test('accepted rows carry exact values: quoted thousands, a quoted line break, an assumed rug pile', () => {
  const byLine = new Map(importBytes(BAD_ROWS_FEED.bytes, 1 << 16).map((result) => [result.line, result]));
  const armchair = byLine.get(4);
  assert.ok(armchair?.ok);
  assert.deepEqual(armchair.product.price, { amountMinor: 104900, currency: 'GBP' });
  const sofa = byLine.get(18);
  assert.ok(sofa?.ok);
  assert.equal(sofa.product.name, 'Harlow 2-seat sofa, in linen');
  const rug = byLine.get(13);
  assert.ok(rug?.ok);
  assert.equal(rug.product.heightMm, 10);
  const last = byLine.get(21);
  assert.ok(last?.ok);
  assert.deepEqual(last.product, {
    sku: 'GB-18',
    name: 'Otto side table',
    category: 'side table',
    widthMm: 450,
    depthMm: 450,
    heightMm: 550,
    price: { amountMinor: 7900, currency: 'GBP' },
    colours: ['sage', 'ochre'],
    styleTags: ['modern'],
    materials: ['velvet', 'oak'],
    modelUrl: null,
    productUrl: 'https://www.shop.example/p',
    imageUrl: null,
    finalSale: false,
  });
});

test('a header without a required column refuses the file, naming the column', () => {
  const feed = createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: 'USD' });
  assert.throws(() => feed.pushText('sku,name,category,width_mm,depth_mm,price\nA,B,sofa,1,2,3\n'), (error: unknown) => error instanceof CatalogFeedError && /"height_mm"/.test(error.message));
});

test('an empty feed is an error, not a silent success', () => {
  assert.throws(() => createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: 'USD' }).end(), CatalogFeedError);
});

test('a retailer feed in its own shape imports through a mapping: columns, cm and inches, comma decimals, their category names', () => {
  const mapping = CatalogMappingSchema.parse({
    delimiter: ';',
    columns: { sku: 'Artikelnummer', name: 'Bezeichnung', category: 'Kategorie', width: 'Breite', depth: 'Tiefe', height: 'Höhe', price: 'Preis', colours: 'Farben' },
    units: { width: 'cm', depth: 'cm', height: 'in' },
    decimalSeparator: ',',
    thousandsSeparator: '.',
    listSeparator: '/',
    categories: { Sofas: 'sofa', 'Sessel ': 'armchair' },
    defaultCurrency: 'EUR',
  });
  const feed = createCatalogFeedParser({ mapping, retailerCurrency: 'EUR' });
  const csv = 'Artikelnummer;Bezeichnung;Kategorie;Breite;Tiefe;Höhe;Preis;Farben\r\nK-1;Sofa Lina;SOFAS;210,5;92;33,5;1.299,00;Grün/Grau\r\nK-2;Sessel Ole;sessel;80;85;31;499;Blau\r\nK-3;Tisch;Tische;80;85;31;499;\r\n';
  const results = [...feed.pushText(csv), ...feed.end()];
  assert.equal(results.length, 3);
  const [sofa, chair, table] = results;
  assert.ok(sofa?.ok && chair?.ok && table && !table.ok);
  assert.deepEqual([sofa.product.category, sofa.product.widthMm, sofa.product.depthMm, sofa.product.heightMm], ['sofa', 2105, 920, 851]);
  assert.deepEqual(sofa.product.price, { amountMinor: 129900, currency: 'EUR' });
  assert.deepEqual(sofa.product.colours, ['grün', 'grau']);
  assert.equal(chair.product.category, 'armchair');
  assert.match(table.reason, /^Kategorie: "Tische" is not one of our categories/);
});

test('productChanges: the same product is unchanged; a new price is a change and a price change', () => {
  const [result] = importBytes(new TextEncoder().encode('sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale\nA,Sofa,sofa,1,1,1,10.00,USD,,,,,,,false\n'), 1 << 16, { mapping: nativeMapping, retailerCurrency: 'USD' });
  assert.ok(result?.ok);
  const product = result.product;
  assert.deepEqual(productChanges(product, { ...product }), { changed: false, priceChanged: false });
  assert.deepEqual(productChanges(product, { ...product, price: { amountMinor: 900, currency: 'USD' } }), { changed: true, priceChanged: true });
  assert.deepEqual(productChanges(product, { ...product, colours: ['red'] }), { changed: true, priceChanged: false });
});
