/**
 * The catalog benchmark: `node bench/catalog.ts [--json]` (or through bench/run.ts as
 * `npm run bench -- catalog --json`). Prints one JSON object whose figures the [Catalog] issue
 * sets targets for; ratios are measured in the same run.
 *
 * typeToPaintP95Ms is a renderer measurement (keystroke → painted results) and is null here;
 * the UI benchmark fills it.
 */
import { fileURLToPath } from 'node:url';
import { benchCatalogImport } from './catalog-import.ts';
import { benchCatalogSearch } from './catalog-search.ts';

export interface CatalogBenchReport {
  queryP95Ms: number;
  vsMiniSearchRatio: number;
  import100kSeconds: number;
  peakMemoryRatio100kVs10k: number;
  typeToPaintP95Ms: number | null;
  targets: Record<string, string>;
  details: Record<string, unknown>;
}

/** Shaped for bench/registry.ts: `catalog: async (context) => ({ ...runCatalogBench(context) })`. */
export function runCatalogBench(context: { readonly log: (line: string) => void } = { log: () => {} }): CatalogBenchReport {
  context.log('catalog: search, 50,000 products, 600 queries, ours vs MiniSearch');
  const search = benchCatalogSearch(50_000, 600);
  context.log('catalog: search again with a 38k-term vocabulary');
  const searchLargeVocabulary = benchCatalogSearch(50_000, 600, true);
  // The headline figures are the worse of the two catalogs.
  const worse = searchLargeVocabulary.queryP95Ms > search.queryP95Ms ? searchLargeVocabulary : search;
  context.log('catalog: import 10,000 and 100,000 rows, each in its own process');
  const small = benchCatalogImport(10_000);
  const large = benchCatalogImport(100_000);
  return {
    queryP95Ms: worse.queryP95Ms,
    vsMiniSearchRatio: Math.max(search.vsMiniSearchRatio, searchLargeVocabulary.vsMiniSearchRatio),
    import100kSeconds: Math.round(large.seconds * 1000) / 1000,
    peakMemoryRatio100kVs10k: Math.round((large.maxRssBytes / small.maxRssBytes) * 1000) / 1000,
    typeToPaintP95Ms: null,
    targets: { queryP95Ms: '<= 5', vsMiniSearchRatio: '<= 1.2', import100kSeconds: '<= 10', peakMemoryRatio100kVs10k: 'about 1 (flat)' },
    details: { search, searchLargeVocabulary, import10k: small, import100k: large },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = runCatalogBench(process.argv.includes('--json') ? undefined : { log: (line) => console.error(line) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(report));
  else console.log(JSON.stringify(report, null, 2));
}
