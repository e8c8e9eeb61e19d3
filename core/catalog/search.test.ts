import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CATEGORIES, type Category } from '../catalog.ts';
import { CatalogSearchIndex, extractFits, footprintFits, parseFootprint, topK, type SearchableProduct } from './search.ts';
import { TermDictionary, termsOf } from './terms.ts';

let serial = 0;
function product(name: string, category: Category, overrides: Partial<SearchableProduct> = {}): SearchableProduct {
  serial++;
  return {
    id: `p${serial}`,
    retailerId: 'r1',
    retailerName: 'Brindle & Birch',
    name,
    category,
    widthMm: 2100,
    depthMm: 900,
    price: { amountMinor: 99_900, currency: 'USD' },
    colours: ['sage'],
    styleTags: ['modern'],
    materials: [],
    ...overrides,
  };
}

const CATALOG: SearchableProduct[] = [
  product('Alba 3-seat sofa in velvet', 'sofa', { materials: ['velvet', 'oak'], colours: ['forest green'], price: { amountMinor: 129_900, currency: 'USD' } }),
  product('Mira curved sofa', 'sofa', { materials: ['velvet'], colours: ['blush pink'], styleTags: ['art deco'], retailerId: 'r2', retailerName: 'Kettlewell & Crane', price: { amountMinor: 189_900, currency: 'GBP' } }),
  product('Otto 2-seat sofa in linen', 'sofa', { materials: ['linen', 'beech'], price: { amountMinor: 79_900, currency: 'USD' } }),
  product('Harlow velvet armchair', 'armchair', { materials: ['velvet'], widthMm: 800, depthMm: 860 }),
  product('Wren walnut coffee table', 'coffee table', { materials: ['walnut', 'steel'], widthMm: 1200, depthMm: 600, styleTags: ['mid-century'] }),
  product('Soren oak side table', 'side table', { materials: ['oak'], widthMm: 450, depthMm: 450, price: { amountMinor: 12_900, currency: 'USD' } }),
  product('Juno velvet dining chair', 'dining chair', { materials: ['velvet', 'steel'], widthMm: 480, depthMm: 550, styleTags: ['scandinavian'] }),
  product('Isla jute rug', 'rug', { materials: ['jute'], widthMm: 1600, depthMm: 2300, styleTags: ['boho', 'coastal'] }),
  product('Café console table', 'side table', { materials: ['mango wood'], widthMm: 1100, depthMm: 350 }),
  product('Tove ladder bookcase', 'bookcase', { materials: ['pine'], widthMm: 600, depthMm: 400, styleTags: ['scandinavian', 'minimalist'] }),
];

const index = new CatalogSearchIndex(CATALOG);
const names = (result: { hits: readonly { product: SearchableProduct }[] }) => result.hits.map((hit) => hit.product.name);

test('"velvet sofa" finds the velvet sofas and nothing else, best first', () => {
  const result = index.search({ text: 'velvet sofa' });
  assert.deepEqual(new Set(names(result)), new Set(['Alba 3-seat sofa in velvet', 'Mira curved sofa']));
  assert.equal(result.matchedAllTerms, true);
});

test('a typo still finds the product: "velvt sofa", "walnt cofee table", "bookcsae"', () => {
  assert.deepEqual(new Set(names(index.search({ text: 'velvt sofa' }))), new Set(['Alba 3-seat sofa in velvet', 'Mira curved sofa']));
  assert.deepEqual(names(index.search({ text: 'walnt cofee table' })), ['Wren walnut coffee table']);
  assert.deepEqual(names(index.search({ text: 'bookcsae' })), ['Tove ladder bookcase']);
});

test('a word being typed matches as a prefix: "velv", "scandi", "cof"', () => {
  assert.equal(index.search({ text: 'velv' }).total, 4);
  assert.deepEqual(new Set(names(index.search({ text: 'scandi' }))), new Set(['Juno velvet dining chair', 'Tove ladder bookcase']));
  assert.deepEqual(names(index.search({ text: 'cof' })), ['Wren walnut coffee table']);
});

test('an exact word outranks a longer word it prefixes, and a name match outranks a tag match', () => {
  const catalog = [product('Linen lamp shade', 'lamp', { materials: ['linen'] }), product('Lino desk', 'desk', { materials: ['linoleum'] }), product('Plain lamp', 'lamp', { materials: ['linen'] })];
  const ranked = names(new CatalogSearchIndex(catalog).search({ text: 'linen' }));
  assert.deepEqual(ranked, ['Linen lamp shade', 'Plain lamp']);
  assert.equal(new CatalogSearchIndex(catalog).search({ text: 'lin' }).total, 3);
});

test('accents fold both ways, retailer names are searchable', () => {
  assert.deepEqual(names(index.search({ text: 'cafe' })), ['Café console table']);
  assert.deepEqual(names(index.search({ text: 'kettlewell sofa' })), ['Mira curved sofa']);
});

test('"fits 900x500" returns only products that fit, turned either way', () => {
  const result = index.search({ text: 'fits 900x500' });
  assert.deepEqual(result.fits, { widthMm: 900, depthMm: 500 });
  assert.ok(result.total > 0);
  for (const hit of result.hits) assert.ok(footprintFits(hit.product.widthMm, hit.product.depthMm, 900, 500), hit.product.name);
  // the 480 × 550 chair fits turned a quarter round
  assert.deepEqual(new Set(names(result)), new Set(['Soren oak side table', 'Tove ladder bookcase', 'Juno velvet dining chair']));
  // turned: a 1100 × 350 console fits a 400 × 1200 space
  assert.ok(names(index.search({ fits: { widthMm: 400, depthMm: 1200 } })).includes('Café console table'));
});

test('filters combine: category, retailer, style, colour, price within one currency', () => {
  assert.deepEqual(names(index.search({ text: 'velvet', categories: ['armchair', 'dining chair'] })).sort(), ['Harlow velvet armchair', 'Juno velvet dining chair']);
  assert.deepEqual(names(index.search({ text: 'sofa', retailerIds: ['r2'] })), ['Mira curved sofa']);
  assert.deepEqual(names(index.search({ styles: ['Boho'] })), ['Isla jute rug']);
  assert.deepEqual(names(index.search({ colours: ['forest green'] })), ['Alba 3-seat sofa in velvet']);
  assert.deepEqual(names(index.search({ text: 'sofa', price: { currency: 'USD', maxMinor: 100_000 } })), ['Otto 2-seat sofa in linen']);
  assert.equal(index.search({ text: 'sofa', price: { currency: 'GBP' } }).total, 1);
});

test('facets count over the result set', () => {
  const facets = index.search({ text: 'velvet' }).facets;
  assert.ok(facets);
  assert.deepEqual(
    facets.category.map((f) => [f.value, f.count]),
    [['sofa', 2], ['armchair', 1], ['dining chair', 1]],
  );
  assert.deepEqual(facets.retailer.map((f) => [f.value, f.label, f.count]), [['r1', 'Brindle & Birch', 3], ['r2', 'Kettlewell & Crane', 1]]);
  assert.deepEqual(facets.price, [
    { currency: 'GBP', buckets: [{ minMinor: 100_000, maxMinor: 250_000, count: 1 }] },
    { currency: 'USD', buckets: [{ minMinor: 50_000, maxMinor: 100_000, count: 2 }, { minMinor: 100_000, maxMinor: 250_000, count: 1 }] },
  ]);
  assert.equal(index.search({ text: 'velvet', facets: false }).facets, null);
});

test('sort by price groups by currency, then orders by amount; paging slices the same order', () => {
  const ascending = index.search({ text: 'sofa', sort: 'price-asc' });
  assert.deepEqual(names(ascending), ['Mira curved sofa', 'Otto 2-seat sofa in linen', 'Alba 3-seat sofa in velvet']);
  assert.deepEqual(names(index.search({ text: 'sofa', sort: 'price-desc' })), ['Mira curved sofa', 'Alba 3-seat sofa in velvet', 'Otto 2-seat sofa in linen']);
  assert.deepEqual(names(index.search({ text: 'sofa', sort: 'price-asc', offset: 1, limit: 1 })), ['Otto 2-seat sofa in linen']);
});

test('when no product has every word, products with most of them come back, flagged', () => {
  const result = index.search({ text: 'velvet bookcase' });
  assert.equal(result.matchedAllTerms, false);
  assert.ok(result.total >= 5);
});

test('no words: every product passing the filters, in name order', () => {
  const result = index.search({ categories: ['sofa'] });
  assert.deepEqual(names(result), ['Alba 3-seat sofa in velvet', 'Mira curved sofa', 'Otto 2-seat sofa in linen']);
});

test('footprints typed or passed', () => {
  assert.deepEqual(extractFits('oak desk fits 90 x 50 cm'), { text: 'oak desk', fits: { widthMm: 900, depthMm: 500 } });
  assert.deepEqual(parseFootprint('900x500'), { widthMm: 900, depthMm: 500 });
  assert.deepEqual(parseFootprint('35×20in'), { widthMm: 889, depthMm: 508 });
  assert.equal(parseFootprint('wide'), undefined);
});

const dictionaryWords = fc.uniqueArray(fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 9 }), { maxLength: 60 });

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

test('property: the dictionary walk finds exactly the terms within the distance, with their distance', () => {
  fc.assert(
    fc.property(dictionaryWords, fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 9 }), fc.integer({ min: 0, max: 2 }), (words, word, budget) => {
      const dictionary = new TermDictionary([...words].sort());
      const found: [string, number][] = [];
      dictionary.forEachWithin(word, budget, (id, distance) => found.push([dictionary.terms[id] as string, distance]));
      const expected = [...words].sort().flatMap((term): [string, number][] => (levenshtein(term, word) <= budget ? [[term, levenshtein(term, word)]] : []));
      assert.deepEqual(found, expected);
    }),
  );
});

const randomProduct = fc.record({
  name: fc.constantFrom('oak table', 'velvet sofa', 'lamp', 'linen chair', 'rug'),
  category: fc.constantFrom(...CATEGORIES),
  widthMm: fc.integer({ min: 100, max: 3000 }),
  depthMm: fc.integer({ min: 100, max: 3000 }),
  amount: fc.integer({ min: 1, max: 500_000 }),
});

test('property: "fits" returns exactly the products that fit, and topK agrees with a full sort', () => {
  fc.assert(
    fc.property(fc.array(randomProduct, { maxLength: 80 }), fc.integer({ min: 100, max: 3000 }), fc.integer({ min: 100, max: 3000 }), (specs, width, depth) => {
      const products = specs.map((spec) => product(spec.name, spec.category, { widthMm: spec.widthMm, depthMm: spec.depthMm, price: { amountMinor: spec.amount, currency: 'USD' } }));
      const result = new CatalogSearchIndex(products).search({ fits: { widthMm: width, depthMm: depth }, sort: 'price-asc', limit: 1000 });
      const expected = products.filter((p) => footprintFits(p.widthMm, p.depthMm, width, depth));
      assert.equal(result.total, expected.length);
      assert.deepEqual(
        result.hits.map((hit) => hit.product.price.amountMinor),
        expected.map((p) => p.price.amountMinor).sort((a, b) => a - b),
      );
    }),
  );
  const ids = Int32Array.from([5, 3, 9, 1, 7, 3]);
  assert.deepEqual(topK(ids, 3, (a, b) => a > b), [9, 7, 5]);
});

test('terms: lower case, folded accents, stop words dropped', () => {
  assert.deepEqual(termsOf('Alba 3-seat Sofa in VELVET, Café'), ['alba', '3', 'seat', 'sofa', 'velvet', 'cafe']);
});
