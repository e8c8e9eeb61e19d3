/**
 * [Intake] What ranking by a customer's style profile costs the catalog search at 50,000
 * products: the same queries (1–3 words, prefixes and typos, one facet) with and without the
 * style vector's affinity, alternated in one process; and the worst case, browsing without words,
 * where every product is a candidate and is scored by affinity alone.
 */
import { CatalogSearchIndex, type CatalogSearchQuery } from '../core/catalog/search.ts';
import { KNOWN_COLOURS, styleScorer, styleVector, type StyleAnswers } from '../core/intake/index.ts';
import type { BenchContext } from './registry.ts';
import { benchProducts, benchQueries, type BenchProduct, type BenchQuery } from './catalog-search.ts';
import { percentile } from './stats.ts';

const ANSWERS: StyleAnswers = {
  cards: { 'scandinavian-calm': 'like', 'japandi-quiet': 'like', 'contemporary-soft': 'like', 'industrial-loft': 'pass', 'art-deco-glamour': 'pass' },
  colours: { temperature: 'warm', lightness: 'light', intensity: 'muted' },
  materials: ['oak', 'linen', 'wool'],
  retailerIds: ['brindle-birch'],
};

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function intakeBenchmark(context: BenchContext, productCount = 50_000, queryCount = 600): Promise<Record<string, unknown>> {
  context.log(`intake: ${productCount} products, ${queryCount} queries with and without a style profile`);
  const products = benchProducts(productCount);
  const index = new CatalogSearchIndex<BenchProduct>(products);
  const affinity = styleScorer(styleVector(ANSWERS, KNOWN_COLOURS));
  const queries = benchQueries(products, queryCount);
  const asQuery = (query: BenchQuery, profiled: boolean): CatalogSearchQuery => ({
    text: query.text,
    limit: 50,
    ...(query.facet.kind === 'category' ? { categories: [query.facet.value] } : { retailerIds: [query.facet.value] }),
    ...(profiled ? { affinity } : {}),
  });
  const time = (run: () => unknown) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  for (const query of queries.slice(0, 100)) {
    index.search(asQuery(query, false));
    index.search(asQuery(query, true));
  }
  const plain: number[] = [];
  const profiled: number[] = [];
  for (const query of queries) {
    plain.push(time(() => index.search(asQuery(query, false))));
    profiled.push(time(() => index.search(asQuery(query, true))));
  }
  const browsePlain: number[] = [];
  const browseProfiled: number[] = [];
  for (let i = 0; i < 40; i++) {
    browsePlain.push(time(() => index.search({ limit: 50, facets: false })));
    browseProfiled.push(time(() => index.search({ limit: 50, facets: false, affinity })));
  }
  const queryP95Ms = percentile(plain, 95);
  const profiledQueryP95Ms = percentile(profiled, 95);
  return {
    products: products.length,
    queries: queries.length,
    queryP95Ms: round(queryP95Ms),
    profiledQueryP95Ms: round(profiledQueryP95Ms),
    profiledVsPlainRatio: round(profiledQueryP95Ms / queryP95Ms),
    browseP95Ms: round(percentile(browsePlain, 95)),
    browseProfiledP95Ms: round(percentile(browseProfiled, 95)),
    targets: { profiledQueryP95Ms: '<= 5 ms (the catalog search target holds with a profile)' },
  };
}
