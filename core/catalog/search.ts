/**
 * In-memory catalog search, built for tens of thousands of products and a box that searches as
 * the user types: prefix and typo-tolerant full text over name, category, style tags, materials,
 * colours and retailer; filters (category, retailer, style, colour, price, "fits W × D");
 * facets over the result set; sort by relevance or price.
 *
 * Layout: terms live in a sorted `TermDictionary`; postings are one CSR table (term → run of
 * product ids with a precomputed BM25 weight), ordered like the terms, so every prefix is one
 * contiguous run. Per-product facts (category, retailer, price, footprint) sit in typed arrays.
 * A query touches only the postings of its words, keeps per-product scratch in typed arrays
 * reused across queries (stamped, never cleared), and ranks with a bounded heap.
 *
 * Words combine with AND (every word must match, through itself, a longer word it prefixes, or
 * a word within its typo budget); if nothing matches all of them, products matching most of
 * them come back instead of an empty page.
 */
import { CATEGORIES, type Category } from '../catalog.ts';
import type { Money } from '../money.ts';
import { cachedMinorUnitDigits } from './numbers.ts';
import { TermDictionary, termsOf, typoBudget } from './terms.ts';

/** What the index needs of a product; `ProductSchema` records (core/api) fit it as they are. */
export interface SearchableProduct {
  readonly id: string;
  readonly retailerId: string;
  readonly retailerName: string;
  readonly name: string;
  readonly category: Category;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly price: Money;
  readonly colours: readonly string[];
  readonly styleTags: readonly string[];
  readonly materials: readonly string[];
}

export type SearchField = 'name' | 'category' | 'styleTags' | 'materials' | 'colours' | 'retailerName';

/** How much a word found in each field counts. */
export const DEFAULT_FIELD_BOOSTS: Readonly<Record<SearchField, number>> = {
  name: 3,
  category: 2,
  styleTags: 1.5,
  materials: 1.5,
  colours: 1,
  retailerName: 1,
};

export interface Footprint {
  readonly widthMm: number;
  readonly depthMm: number;
}

export interface CatalogSearchQuery {
  readonly text?: string;
  /** any of these categories */
  readonly categories?: readonly Category[];
  readonly retailerIds?: readonly string[];
  /** products with any of these style tags */
  readonly styles?: readonly string[];
  /** products in any of these colours */
  readonly colours?: readonly string[];
  /** prices are compared only within one currency: other currencies are filtered out */
  readonly price?: { readonly currency: string; readonly minMinor?: number; readonly maxMinor?: number };
  /** only products whose footprint fits inside this one, turned either way */
  readonly fits?: Footprint;
  /** `price-*` orders by currency code, then amount (amounts in different currencies never compare) */
  readonly sort?: 'relevance' | 'price-asc' | 'price-desc';
  readonly offset?: number;
  /** default 50 */
  readonly limit?: number;
  /** default true; skip the counting when only hits are wanted */
  readonly facets?: boolean;
  /**
   * How well a product suits the person searching, 0…1 (their style profile, [Intake]). Relevance
   * becomes score × (1 + affinity); without words, products rank by affinity.
   */
  readonly affinity?: (product: SearchableProduct) => number;
}

export interface SearchHit<P> {
  readonly product: P;
  /** relevance; 0 for a search without words */
  readonly score: number;
}

export interface FacetValue {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export interface PriceFacet {
  readonly currency: string;
  /** `maxMinor` is exclusive; null for the open-ended top bucket */
  readonly buckets: readonly { readonly minMinor: number; readonly maxMinor: number | null; readonly count: number }[];
}

export interface SearchFacets {
  readonly category: readonly FacetValue[];
  readonly retailer: readonly FacetValue[];
  readonly style: readonly FacetValue[];
  readonly colour: readonly FacetValue[];
  readonly price: readonly PriceFacet[];
}

export interface CatalogSearchResult<P> {
  /** products matching words and filters (all pages) */
  readonly total: number;
  readonly hits: readonly SearchHit<P>[];
  readonly facets: SearchFacets | null;
  /** false when no product matched every word and the hits match only some of them */
  readonly matchedAllTerms: boolean;
  /** the footprint used, from `fits` or from "fits 900x500" typed in the text */
  readonly fits: Footprint | null;
}

/** Bucket edges in major units; prices per currency fall into these. */
const PRICE_EDGES_MAJOR = [0, 50, 100, 250, 500, 1000, 2500, 5000] as const;
const BM25_K1 = 1.2;
const BM25_B = 0.7;
/** How much a match through a longer word ("velv" → "velvet") or a typo counts against an exact one. */
const PREFIX_QUALITY = 0.6;
const TYPO_QUALITY = [1, 0.45, 0.25] as const;

/** Dictionary of a facet's values: id ↔ string. */
class ValueIds {
  readonly values: string[] = [];
  readonly #ids = new Map<string, number>();
  idOf(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.#ids.get(value);
  }
}

/** Several values per product (style tags, colours) as offsets into one array. */
interface ListColumn {
  readonly offsets: Int32Array;
  readonly values: Int32Array;
}

function listColumn(lists: readonly (readonly number[])[]): ListColumn {
  const offsets = new Int32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, index) => {
    offsets[index] = total;
    total += list.length;
  });
  offsets[lists.length] = total;
  const values = new Int32Array(total);
  let at = 0;
  for (const list of lists) for (const value of list) values[at++] = value;
  return { offsets, values };
}

export class CatalogSearchIndex<P extends SearchableProduct> {
  readonly #products: readonly P[];
  readonly #dictionary: TermDictionary;
  /** postings of term t: ids/weights in [termStart[t], termStart[t + 1]) */
  readonly #termStart: Int32Array;
  readonly #postingIds: Int32Array;
  readonly #postingWeights: Float32Array;
  readonly #category: Uint8Array;
  readonly #retailer: Int32Array;
  readonly #retailers = new ValueIds();
  readonly #retailerNames: string[] = [];
  readonly #currency: Int32Array;
  readonly #currencies = new ValueIds();
  readonly #price: Float64Array;
  readonly #width: Int32Array;
  readonly #depth: Int32Array;
  readonly #styles = new ValueIds();
  readonly #styleLists: ListColumn;
  readonly #colours = new ValueIds();
  readonly #colourLists: ListColumn;
  /** position of each product in name order: the tie-break that keeps results stable */
  readonly #nameRank: Int32Array;
  // Scratch reused by every query; stamps say which query (or query word) wrote an entry.
  readonly #wordStamp: Int32Array;
  readonly #wordBest: Float32Array;
  readonly #queryStamp: Int32Array;
  readonly #matchedWords: Uint8Array;
  readonly #score: Float64Array;
  readonly #touched: Int32Array;
  readonly #candidates: Int32Array;
  #stamp = 0;
  readonly #affinities = new WeakMap<(product: SearchableProduct) => number, Float32Array>();

  constructor(products: readonly P[], boosts: Readonly<Record<SearchField, number>> = DEFAULT_FIELD_BOOSTS) {
    const count = products.length;
    this.#products = products;
    this.#category = new Uint8Array(count);
    this.#retailer = new Int32Array(count);
    this.#currency = new Int32Array(count);
    this.#price = new Float64Array(count);
    this.#width = new Int32Array(count);
    this.#depth = new Int32Array(count);
    const styleLists: number[][] = [];
    const colourLists: number[][] = [];

    // Pass 1: each product's terms per field, and the field lengths BM25 normalises by.
    const fields = Object.keys(boosts) as SearchField[];
    const fieldTerms: string[][][] = fields.map(() => []);
    const lengthSums = new Float64Array(fields.length);
    const termIds = new Map<string, number>();
    const termNames: string[] = [];
    products.forEach((product, index) => {
      const category = CATEGORIES.indexOf(product.category);
      if (category < 0) throw new RangeError(`product ${product.id} has an unknown category "${product.category}"`);
      this.#category[index] = category;
      const retailer = this.#retailers.idOf(product.retailerId);
      this.#retailer[index] = retailer;
      this.#retailerNames[retailer] = product.retailerName;
      this.#currency[index] = this.#currencies.idOf(product.price.currency);
      this.#price[index] = product.price.amountMinor;
      this.#width[index] = product.widthMm;
      this.#depth[index] = product.depthMm;
      styleLists.push([...new Set(product.styleTags.map((tag) => this.#styles.idOf(tag.toLowerCase())))]);
      colourLists.push([...new Set(product.colours.map((colour) => this.#colours.idOf(colour.toLowerCase())))]);
      fields.forEach((field, f) => {
        const value = product[field];
        const terms = termsOf(typeof value === 'string' ? value : value.join(' '));
        (fieldTerms[f] as string[][])[index] = terms;
        lengthSums[f] = (lengthSums[f] ?? 0) + terms.length;
        for (const term of terms) {
          if (!termIds.has(term)) {
            termIds.set(term, termNames.length);
            termNames.push(term);
          }
        }
      });
    });
    this.#styleLists = listColumn(styleLists);
    this.#colourLists = listColumn(colourLists);

    // Terms in sorted order become the dictionary's ids.
    const sorted = [...termNames].sort();
    const sortedId = new Int32Array(termNames.length);
    sorted.forEach((term, id) => (sortedId[termIds.get(term) as number] = id));
    this.#dictionary = new TermDictionary(sorted);

    // Pass 2: per product, the weight of each of its terms (BM25 over fields, boosted), collected
    // per term. Document frequency first, for the idf.
    const averageLength = fields.map((_, f) => Math.max(1e-9, (lengthSums[f] ?? 0) / Math.max(1, count)));
    const documentFrequency = new Int32Array(sorted.length);
    const productTerms: Map<number, number>[] = [];
    for (let index = 0; index < count; index++) {
      const weights = new Map<number, number>();
      fields.forEach((field, f) => {
        const terms = (fieldTerms[f] as string[][])[index] as string[];
        const frequency = new Map<number, number>();
        for (const term of terms) {
          const id = sortedId[termIds.get(term) as number] as number;
          frequency.set(id, (frequency.get(id) ?? 0) + 1);
        }
        const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / (averageLength[f] as number));
        for (const [id, tf] of frequency) weights.set(id, (weights.get(id) ?? 0) + (boosts[field] * (tf * (BM25_K1 + 1))) / (tf + norm));
      });
      for (const id of weights.keys()) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
      productTerms.push(weights);
    }
    this.#termStart = new Int32Array(sorted.length + 1);
    let total = 0;
    for (let id = 0; id < sorted.length; id++) {
      this.#termStart[id] = total;
      total += documentFrequency[id] as number;
    }
    this.#termStart[sorted.length] = total;
    this.#postingIds = new Int32Array(total);
    this.#postingWeights = new Float32Array(total);
    const fill = this.#termStart.slice(0, sorted.length);
    productTerms.forEach((weights, index) => {
      for (const [id, weight] of weights) {
        const df = documentFrequency[id] as number;
        const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
        const at = (fill[id] as number) + 0;
        fill[id] = at + 1;
        this.#postingIds[at] = index;
        this.#postingWeights[at] = weight * idf;
      }
    });

    const byName = products.map((_, index) => index).sort((a, b) => compareText((products[a] as P).name, (products[b] as P).name) || a - b);
    this.#nameRank = new Int32Array(count);
    byName.forEach((index, rank) => (this.#nameRank[index] = rank));

    this.#wordStamp = new Int32Array(count);
    this.#wordBest = new Float32Array(count);
    this.#queryStamp = new Int32Array(count);
    this.#matchedWords = new Uint8Array(count);
    this.#score = new Float64Array(count);
    this.#touched = new Int32Array(count);
    this.#candidates = new Int32Array(count);
  }

  get size(): number {
    return this.#products.length;
  }

  /** Distinct terms in the index (a measure of its vocabulary, for benchmarks). */
  get termCount(): number {
    return this.#dictionary.size;
  }

  search(query: CatalogSearchQuery = {}): CatalogSearchResult<P> {
    const typed = extractFits(query.text ?? '');
    const fits = query.fits ?? typed.fits;
    const words = [...new Set(termsOf(typed.text))].slice(0, 16);
    const filter = this.#compileFilter(query, fits);
    let matchedAllTerms = true;
    let candidateCount: number;
    if (words.length === 0) {
      candidateCount = 0;
      for (let index = 0; index < this.#products.length; index++) {
        this.#score[index] = 0;
        if (filter(index)) this.#candidates[candidateCount++] = index;
      }
    } else {
      candidateCount = this.#matchWords(words, true, filter);
      if (candidateCount === 0 && words.length > 1) {
        matchedAllTerms = false;
        candidateCount = this.#matchWords(words, false, filter);
      }
    }
    const candidates = this.#candidates.subarray(0, candidateCount);
    if (query.affinity) this.#applyAffinity(candidates, query.affinity, words.length > 0);
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 50);
    const order = this.#comparator(query.sort ?? 'relevance', words.length > 0 || query.affinity !== undefined);
    const page = topK(candidates, offset + limit, order).slice(offset);
    return {
      total: candidateCount,
      hits: page.map((index) => ({ product: this.#products[index] as P, score: this.#score[index] as number })),
      facets: query.facets === false ? null : this.#facets(candidates),
      matchedAllTerms,
      fits: fits ?? null,
    };
  }

  /**
   * Scores every product that matches the words (all of them, or — `requireAll` false — any),
   * passes the filter, into #score; writes their ids into #candidates and returns how many.
   */
  #matchWords(words: readonly string[], requireAll: boolean, filter: (index: number) => boolean): number {
    // Rarest word first: under AND the first word decides the candidates.
    const expansions = words.map((word) => this.#expand(word));
    expansions.sort((a, b) => a.postings - b.postings);
    const queryStamp = ++this.#stamp;
    let alive = 0;
    for (let w = 0; w < expansions.length; w++) {
      const wordStamp = ++this.#stamp;
      let touched = 0;
      for (const [termId, quality] of (expansions[w] as Expansion).terms) {
        const end = this.#termStart[termId + 1] as number;
        for (let at = this.#termStart[termId] as number; at < end; at++) {
          const index = this.#postingIds[at] as number;
          const score = (this.#postingWeights[at] as number) * quality;
          if (this.#wordStamp[index] !== wordStamp) {
            this.#wordStamp[index] = wordStamp;
            this.#wordBest[index] = score;
            this.#touched[touched++] = index;
          } else if (score > (this.#wordBest[index] as number)) {
            this.#wordBest[index] = score;
          }
        }
      }
      for (let t = 0; t < touched; t++) {
        const index = this.#touched[t] as number;
        if (this.#queryStamp[index] !== queryStamp) {
          if (requireAll && w > 0) continue;
          this.#queryStamp[index] = queryStamp;
          this.#matchedWords[index] = 1;
          this.#score[index] = this.#wordBest[index] as number;
          this.#candidates[alive++] = index;
        } else if (!requireAll || this.#matchedWords[index] === w) {
          this.#matchedWords[index] = (this.#matchedWords[index] as number) + 1;
          this.#score[index] = (this.#score[index] as number) + (this.#wordBest[index] as number);
        }
      }
    }
    let kept = 0;
    for (let c = 0; c < alive; c++) {
      const index = this.#candidates[c] as number;
      const matched = this.#matchedWords[index] as number;
      if (requireAll ? matched !== words.length : false) continue;
      if (!filter(index)) continue;
      // Matching more of the words beats matching a few of them strongly.
      if (!requireAll) this.#score[index] = (this.#score[index] as number) * (matched / words.length);
      this.#candidates[kept++] = index;
    }
    return kept;
  }

  /**
   * Folds the searcher's affinity into #score: a multiplier on relevance, or the score itself
   * without words. Affinities are computed for the whole catalog once per affinity function (a
   * customer's style) and kept while that function lives, so a search reads them like a column.
   */
  #applyAffinity(candidates: Int32Array, affinity: (product: SearchableProduct) => number, hasWords: boolean): void {
    let column = this.#affinities.get(affinity);
    if (!column) {
      column = new Float32Array(this.#products.length);
      for (let index = 0; index < column.length; index++) column[index] = Math.min(1, Math.max(0, affinity(this.#products[index] as P) || 0));
      this.#affinities.set(affinity, column);
    }
    for (let c = 0; c < candidates.length; c++) {
      const index = candidates[c] as number;
      const value = column[index] as number;
      this.#score[index] = hasWords ? (this.#score[index] as number) * (1 + value) : value;
    }
  }

  /** The dictionary terms a query word stands for, each with how well it matches. */
  #expand(word: string): Expansion {
    const quality = new Map<number, number>();
    const [start, end] = this.#dictionary.prefixRange(word);
    for (let id = start; id < end; id++) quality.set(id, this.#dictionary.terms[id] === word ? 1 : PREFIX_QUALITY);
    const budget = typoBudget(word.length);
    if (budget > 0) {
      this.#dictionary.forEachWithin(word, budget, (id, distance) => {
        if (!quality.has(id)) quality.set(id, TYPO_QUALITY[distance] ?? 0);
      });
    }
    let postings = 0;
    for (const id of quality.keys()) postings += (this.#termStart[id + 1] as number) - (this.#termStart[id] as number);
    return { terms: [...quality], postings };
  }

  #compileFilter(query: CatalogSearchQuery, fits: Footprint | undefined): (index: number) => boolean {
    const tests: ((index: number) => boolean)[] = [];
    if (query.categories && query.categories.length > 0) {
      const allowed = new Uint8Array(CATEGORIES.length);
      for (const category of query.categories) {
        const id = CATEGORIES.indexOf(category);
        if (id >= 0) allowed[id] = 1;
      }
      tests.push((index) => allowed[this.#category[index] as number] === 1);
    }
    if (query.retailerIds && query.retailerIds.length > 0) {
      const allowed = new Uint8Array(this.#retailers.values.length);
      for (const retailer of query.retailerIds) {
        const id = this.#retailers.find(retailer);
        if (id !== undefined) allowed[id] = 1;
      }
      tests.push((index) => allowed[this.#retailer[index] as number] === 1);
    }
    if (query.styles && query.styles.length > 0) tests.push(anyOf(this.#styleLists, this.#styles, query.styles));
    if (query.colours && query.colours.length > 0) tests.push(anyOf(this.#colourLists, this.#colours, query.colours));
    if (query.price) {
      const currency = this.#currencies.find(query.price.currency) ?? -1;
      const min = query.price.minMinor ?? -Infinity;
      const max = query.price.maxMinor ?? Infinity;
      tests.push((index) => this.#currency[index] === currency && (this.#price[index] as number) >= min && (this.#price[index] as number) <= max);
    }
    if (fits) {
      const { widthMm, depthMm } = fits;
      tests.push((index) => footprintFits(this.#width[index] as number, this.#depth[index] as number, widthMm, depthMm));
    }
    if (tests.length === 0) return () => true;
    if (tests.length === 1) return tests[0] as (index: number) => boolean;
    return (index) => {
      for (const test of tests) if (!test(index)) return false;
      return true;
    };
  }

  /** A "comes before" test for ranking. */
  #comparator(sort: NonNullable<CatalogSearchQuery['sort']>, byRelevance: boolean): (a: number, b: number) => boolean {
    const score = this.#score;
    const nameRank = this.#nameRank;
    if (sort === 'relevance') {
      if (!byRelevance) return (a, b) => (nameRank[a] as number) < (nameRank[b] as number);
      return (a, b) => {
        const difference = (score[a] as number) - (score[b] as number);
        return difference > 0 || (difference === 0 && (nameRank[a] as number) < (nameRank[b] as number));
      };
    }
    const direction = sort === 'price-asc' ? 1 : -1;
    const currencyOrder = rankOf(this.#currencies.values);
    const currency = this.#currency;
    const price = this.#price;
    return (a, b) => {
      const byCurrency = (currencyOrder[currency[a] as number] as number) - (currencyOrder[currency[b] as number] as number);
      if (byCurrency !== 0) return byCurrency < 0;
      const byPrice = ((price[a] as number) - (price[b] as number)) * direction;
      if (byPrice !== 0) return byPrice < 0;
      const byScore = (score[a] as number) - (score[b] as number);
      if (byScore !== 0) return byScore > 0;
      return (nameRank[a] as number) < (nameRank[b] as number);
    };
  }

  #facets(candidates: Int32Array): SearchFacets {
    const categories = new Int32Array(CATEGORIES.length);
    const retailers = new Int32Array(this.#retailers.values.length);
    const styles = new Int32Array(this.#styles.values.length);
    const colours = new Int32Array(this.#colours.values.length);
    const currencyCount = this.#currencies.values.length;
    const bucketCount = PRICE_EDGES_MAJOR.length;
    const prices = new Int32Array(currencyCount * bucketCount);
    const edges = this.#currencies.values.map((code) => PRICE_EDGES_MAJOR.map((edge) => edge * 10 ** cachedMinorUnitDigits(code)));
    const styleLists = this.#styleLists;
    const colourLists = this.#colourLists;
    for (let c = 0; c < candidates.length; c++) {
      const index = candidates[c] as number;
      increment(categories, this.#category[index] as number);
      increment(retailers, this.#retailer[index] as number);
      for (let at = styleLists.offsets[index] as number; at < (styleLists.offsets[index + 1] as number); at++) increment(styles, styleLists.values[at] as number);
      for (let at = colourLists.offsets[index] as number; at < (colourLists.offsets[index + 1] as number); at++) increment(colours, colourLists.values[at] as number);
      const currency = this.#currency[index] as number;
      const currencyEdges = edges[currency] as number[];
      const price = this.#price[index] as number;
      let bucket = bucketCount - 1;
      while (bucket > 0 && price < (currencyEdges[bucket] as number)) bucket--;
      increment(prices, currency * bucketCount + bucket);
    }
    const values = (counts: Int32Array, value: (id: number) => string, label: (id: number) => string): FacetValue[] => {
      const list: FacetValue[] = [];
      counts.forEach((count, id) => {
        if (count > 0) list.push({ value: value(id), label: label(id), count });
      });
      return list.sort((a, b) => b.count - a.count || compareText(a.label, b.label));
    };
    const text = (ids: ValueIds) => (id: number) => ids.values[id] as string;
    return {
      category: values(categories, (id) => CATEGORIES[id] as string, (id) => CATEGORIES[id] as string),
      retailer: values(retailers, text(this.#retailers), (id) => this.#retailerNames[id] ?? ''),
      style: values(styles, text(this.#styles), text(this.#styles)),
      colour: values(colours, text(this.#colours), text(this.#colours)),
      price: this.#currencies.values
        .map((currency, id) => ({
          currency,
          buckets: PRICE_EDGES_MAJOR.flatMap((_, bucket) => {
            const count = prices[id * bucketCount + bucket] as number;
            const currencyEdges = edges[id] as number[];
            return count > 0 ? [{ minMinor: currencyEdges[bucket] as number, maxMinor: currencyEdges[bucket + 1] ?? null, count }] : [];
          }),
        }))
        .filter((facet) => facet.buckets.length > 0)
        .sort((a, b) => compareText(a.currency, b.currency)),
    };
  }
}

interface Expansion {
  readonly terms: readonly (readonly [termId: number, quality: number])[];
  /** postings the word touches: the cost of matching it */
  readonly postings: number;
}

function anyOf(lists: ListColumn, ids: ValueIds, wanted: readonly string[]): (index: number) => boolean {
  const allowed = new Set<number>();
  for (const value of wanted) {
    const id = ids.find(value.toLowerCase());
    if (id !== undefined) allowed.add(id);
  }
  return (index) => {
    for (let at = lists.offsets[index] as number; at < (lists.offsets[index + 1] as number); at++) if (allowed.has(lists.values[at] as number)) return true;
    return false;
  };
}

function increment(counts: Int32Array, at: number): void {
  counts[at] = (counts[at] as number) + 1;
}

function rankOf(values: readonly string[]): Int32Array {
  const ranks = new Int32Array(values.length);
  [...values.keys()].sort((a, b) => compareText(values[a] as string, values[b] as string)).forEach((id, rank) => (ranks[id] = rank));
  return ranks;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a piece of `width × depth` fits a space of `spaceWidth × spaceDepth`, turned either way. */
export function footprintFits(width: number, depth: number, spaceWidth: number, spaceDepth: number): boolean {
  return (width <= spaceWidth && depth <= spaceDepth) || (width <= spaceDepth && depth <= spaceWidth);
}

/** The best `k` of `ids` under `before`, best first: a bounded heap, O(n log k). */
export function topK(ids: Int32Array, k: number, before: (a: number, b: number) => boolean): number[] {
  if (k <= 0 || ids.length === 0) return [];
  // A heap whose root is the worst of the best k so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(b, a);
  const siftUp = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!worse(heap[at] as number, heap[parent] as number)) break;
      [heap[at], heap[parent]] = [heap[parent] as number, heap[at] as number];
      at = parent;
    }
  };
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left] as number, heap[worst] as number)) worst = left;
      if (right < heap.length && worse(heap[right] as number, heap[worst] as number)) worst = right;
      if (worst === at) return;
      [heap[at], heap[worst]] = [heap[worst] as number, heap[at] as number];
      at = worst;
    }
  };
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (heap.length < k) {
      heap.push(id);
      siftUp(heap.length - 1);
    } else if (before(id, heap[0] as number)) {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
}

const FITS_IN_TEXT = /\bfits?\s+(\d+(?:[.,]\d+)?)\s*(mm|cm|m|in)?\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|m|in)?\b/i;

/**
 * "fits 900x500" (also "fits 90 x 50 cm", "fit 35x20in") typed into the search box: the footprint
 * it asks for, and the text without it. Millimetres unless a unit is written.
 */
export function extractFits(text: string): { text: string; fits: Footprint | undefined } {
  const match = FITS_IN_TEXT.exec(text);
  if (!match) return { text, fits: undefined };
  const unit = (match[4] ?? match[2] ?? 'mm').toLowerCase();
  const factor = unit === 'cm' ? 10 : unit === 'm' ? 1000 : unit === 'in' ? 25.4 : 1;
  const mm = (value: string | undefined) => Math.round(Number((value ?? '0').replace(',', '.')) * factor);
  return { text: text.replace(match[0], ' ').trim(), fits: { widthMm: mm(match[1]), depthMm: mm(match[3]) } };
}

/** "900x500", "90 × 50 cm": a footprint for `--fits`, or undefined when it is not one. */
export function parseFootprint(text: string): Footprint | undefined {
  const { fits, text: rest } = extractFits(`fits ${text.trim()}`);
  return fits && rest === '' && fits.widthMm > 0 && fits.depthMm > 0 ? fits : undefined;
}
