/**
 * Catalog search at benchmark size: our index against a plain MiniSearch index over the same
 * products with the same options (same fields and boosts, prefix on, the same typo budget,
 * words combined with AND, one facet filter), on the same queries, in the same process.
 */
import MiniSearch from 'minisearch';
import { generateSyntheticCatalog } from '../assets/seed/generate.ts';
import type { Category } from '../core/catalog.ts';
import { CatalogSearchIndex, DEFAULT_FIELD_BOOSTS, type CatalogSearchQuery, type SearchableProduct } from '../core/catalog/search.ts';
import { termsOf, typoBudget } from '../core/catalog/terms.ts';
import { percentile } from './stats.ts';

export interface BenchProduct extends SearchableProduct {
  readonly heightMm: number;
}

const SYLLABLES = ['ka', 'lo', 'ri', 'sen', 'mar', 'vel', 'to', 'qua', 'bri', 'del', 'fen', 'gar', 'hol', 'lin', 'mor', 'nor', 'pel', 'ras', 'sol', 'tev'];

/**
 * `count` products from the seed generator, as the search index sees stored products. With
 * `largeVocabulary`, each name also gets two invented words (tens of thousands of distinct
 * terms, as real catalogs' collection and model names give), which is what typo search pays for.
 */
export function benchProducts(count: number, largeVocabulary = false): BenchProduct[] {
  const roll = random(7);
  const inventedWord = () => Array.from({ length: 2 + Math.floor(roll() * 3) }, () => SYLLABLES[Math.floor(roll() * SYLLABLES.length)]).join('');
  const products: BenchProduct[] = [];
  for (const { retailer, products: rows } of generateSyntheticCatalog(count)) {
    for (const row of rows) {
      products.push({
        id: `${retailer.slug}:${row.sku}`,
        retailerId: retailer.slug,
        retailerName: retailer.name,
        name: largeVocabulary ? `${inventedWord()} ${row.name} ${inventedWord()}` : row.name,
        category: row.category,
        widthMm: row.widthMm,
        depthMm: row.depthMm,
        heightMm: row.heightMm,
        price: { amountMinor: Math.round(Number(row.price) * 100), currency: row.currency },
        colours: row.colours,
        styleTags: row.styleTags,
        materials: row.materials,
      });
    }
  }
  return products;
}

/** A small deterministic PRNG so every run asks the same questions. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function typo(word: string, roll: () => number): string {
  const at = 1 + Math.floor(roll() * (word.length - 2));
  const kind = Math.floor(roll() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1); // a letter left out
  if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2); // two swapped
  return `${word.slice(0, at)}x${word.slice(at + 1)}`; // one wrong
}

export interface BenchQuery {
  readonly text: string;
  readonly facet: { readonly kind: 'category'; readonly value: Category } | { readonly kind: 'retailer'; readonly value: string };
}

/**
 * 1–3-word queries as people type them: words from real product names, materials and styles,
 * some cut short (still typing), some with a typo; each with one facet filter.
 */
export function benchQueries(products: readonly BenchProduct[], count: number): BenchQuery[] {
  const roll = random(42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(roll() * items.length)] as T;
  const retailers = [...new Set(products.map((p) => p.retailerId))];
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const product = pick(products);
    const pool = termsOf([product.name, product.category, ...product.materials, ...product.styleTags].join(' ')).filter((w) => w.length >= 3 && !/^\d+$/.test(w));
    const wordCount = 1 + Math.floor(roll() * 3);
    const words = [...new Set(Array.from({ length: wordCount }, () => pick(pool)))].map((word, index, all) => {
      const last = index === all.length - 1;
      const r = roll();
      if (last && r < 0.4 && word.length > 3) return word.slice(0, Math.max(2, Math.ceil(word.length * 0.6)));
      if (r > 0.7 && word.length >= 5) return typo(word, roll);
      return word;
    });
    const facet = roll() < 0.5 ? { kind: 'category' as const, value: product.category } : { kind: 'retailer' as const, value: pick(retailers) };
    queries.push({ text: words.join(' '), facet });
  }
  return queries;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export interface SearchBenchResult {
  products: number;
  terms: number;
  queries: number;
  buildMs: number;
  miniSearchBuildMs: number;
  queryP50Ms: number;
  queryP95Ms: number;
  miniSearchP50Ms: number;
  miniSearchP95Ms: number;
  /** our p95 / MiniSearch p95: at most 1.2 is the target */
  vsMiniSearchRatio: number;
  /** average hits per query, ours and MiniSearch's (equivalent options should find similar sets) */
  meanTotalHits: number;
  miniSearchMeanHits: number;
}

export function benchCatalogSearch(productCount = 50_000, queryCount = 600, largeVocabulary = false): SearchBenchResult {
  const products = benchProducts(productCount, largeVocabulary);
  let index!: CatalogSearchIndex<BenchProduct>;
  const buildMs = time(() => (index = new CatalogSearchIndex(products)));

  const fields = ['name', 'category', 'styleTags', 'materials', 'colours', 'retailerName'] as const;
  const miniSearch = new MiniSearch<BenchProduct>({
    fields: [...fields],
    storeFields: ['category', 'retailerId'],
    extractField: (product, field) => {
      const value = product[field as keyof BenchProduct];
      return Array.isArray(value) ? value.join(' ') : String(value);
    },
    processTerm: (term) => {
      const terms = termsOf(term);
      return terms.length > 0 ? terms : null;
    },
    searchOptions: {
      prefix: true,
      fuzzy: (term) => typoBudget(term.length),
      combineWith: 'AND',
      boost: { ...DEFAULT_FIELD_BOOSTS },
    },
  });
  const miniSearchBuildMs = time(() => miniSearch.addAll(products));

  const queries = benchQueries(products, queryCount);
  const ours = (query: BenchQuery) => {
    const search: CatalogSearchQuery = {
      text: query.text,
      limit: 50,
      ...(query.facet.kind === 'category' ? { categories: [query.facet.value] } : { retailerIds: [query.facet.value] }),
    };
    return index.search(search).total;
  };
  const theirs = (query: BenchQuery) => {
    const { kind, value } = query.facet;
    return miniSearch.search(query.text, { filter: (result) => (kind === 'category' ? result['category'] === value : result['retailerId'] === value) }).length;
  };

  // Warm both up (JIT), then alternate so neither enjoys a quieter machine.
  for (const query of queries.slice(0, 100)) {
    ours(query);
    theirs(query);
  }
  const ourTimes: number[] = [];
  const theirTimes: number[] = [];
  let ourHits = 0;
  let theirHits = 0;
  for (const query of queries) {
    ourTimes.push(time(() => (ourHits += ours(query))));
    theirTimes.push(time(() => (theirHits += theirs(query))));
  }
  const queryP95Ms = percentile(ourTimes, 95);
  const miniSearchP95Ms = percentile(theirTimes, 95);
  return {
    products: products.length,
    terms: index.termCount,
    queries: queries.length,
    buildMs: round(buildMs),
    miniSearchBuildMs: round(miniSearchBuildMs),
    queryP50Ms: round(percentile(ourTimes, 50)),
    queryP95Ms: round(queryP95Ms),
    miniSearchP50Ms: round(percentile(theirTimes, 50)),
    miniSearchP95Ms: round(miniSearchP95Ms),
    vsMiniSearchRatio: round(queryP95Ms / miniSearchP95Ms),
    meanTotalHits: Math.round(ourHits / queries.length),
    miniSearchMeanHits: Math.round(theirHits / queries.length),
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

