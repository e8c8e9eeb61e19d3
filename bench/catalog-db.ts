/**
 * Import at benchmark size through the REAL path: a native-format feed file parsed by the core
 * feed parser AND written to a fresh SQLite store by `importCatalog` — what `atelier catalog
 * import` does. Each run is its own child process, so each size's peak memory (RSS) is its own.
 *
 * Besides the headline (100,000 new rows; 10k vs 100k peak memory), it times re-importing the
 * same 100k file (nothing changes) and importing it with every price changed (100k updates and
 * 100k observations) against the store the first run left.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticCsv } from '../assets/seed/generate.ts';
import { tempDir } from '../test/integration/harness.ts';
import type { CatalogBenchReport } from './catalog.ts';

export interface DbImportRun {
  rows: number;
  seconds: number;
  maxRssBytes: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

const child = fileURLToPath(new URL('./catalog-db-child.ts', import.meta.url));

function runChild(file: string, currency: string, dataDir: string, rows: number): DbImportRun {
  const output = execFileSync(process.execPath, [child, file, currency, dataDir], { encoding: 'utf8' });
  return { rows, ...(JSON.parse(output) as Omit<DbImportRun, 'rows'>) };
}

/** Every price one unit higher: each row becomes an update with an observation. */
function withPricesRaised(csv: string): string {
  return csv.replace(/,(\d+)\.(\d\d),([A-Z]{3}),/g, (_match, whole: string, cents: string, currency: string) => `,${Number(whole) + 1}.${cents},${currency},`);
}

export interface DbImportBench {
  import10k: DbImportRun;
  import100k: DbImportRun;
  reimport100kUnchanged: DbImportRun;
  import100kAllPricesChanged: DbImportRun;
}

/** Sizes are the 10k and 100k rows; tests pass small ones. */
export function benchCatalogDbImport(log: (line: string) => void = () => {}, sizes = { small: 10_000, large: 100_000 }): DbImportBench {
  const folder = tempDir('atelier-import-db-bench-');
  try {
    const small = generateSyntheticCsv(sizes.small);
    const large = generateSyntheticCsv(sizes.large);
    const files = { small: join(folder.dir, 'feed-10k.csv'), large: join(folder.dir, 'feed-100k.csv'), raised: join(folder.dir, 'feed-100k-raised.csv') };
    writeFileSync(files.small, small.csv);
    writeFileSync(files.large, large.csv);
    writeFileSync(files.raised, withPricesRaised(large.csv));
    const store = (name: string) => {
      const dir = join(folder.dir, name);
      mkdirSync(dir);
      return dir;
    };
    log(`catalog: import ${sizes.small} rows into SQLite (own process)`);
    const import10k = runChild(files.small, small.currency, store('db-small'), sizes.small);
    log(`catalog: import ${sizes.large} rows into SQLite (own process)`);
    const largeStore = store('db-large');
    const import100k = runChild(files.large, large.currency, largeStore, sizes.large);
    log(`catalog: re-import the same ${sizes.large} rows; then with every price changed`);
    const reimport100kUnchanged = runChild(files.large, large.currency, largeStore, sizes.large);
    const import100kAllPricesChanged = runChild(files.raised, large.currency, largeStore, sizes.large);
    return { import10k, import100k, reimport100kUnchanged, import100kAllPricesChanged };
  } finally {
    folder.dispose();
  }
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The catalog report with its import figures taken from the DB path. The parse-only figures of
 * bench/catalog.ts stay in `details` for comparison.
 */
export function withDbImport(report: CatalogBenchReport, log: (line: string) => void = () => {}): CatalogBenchReport {
  const db = benchCatalogDbImport(log);
  return {
    ...report,
    import100kSeconds: round(db.import100k.seconds),
    peakMemoryRatio100kVs10k: round(db.import100k.maxRssBytes / db.import10k.maxRssBytes),
    details: {
      ...report.details,
      importMeasures: 'import100kSeconds and peakMemoryRatio100kVs10k: feed file parsed and written to SQLite through importCatalog (the `atelier catalog import` path), each size in its own process',
      parseOnlyImport100kSeconds: report.import100kSeconds,
      parseOnlyPeakMemoryRatio100kVs10k: report.peakMemoryRatio100kVs10k,
      dbImport: db,
      typeToPaintP95Ms: 'a renderer measurement (keystroke to painted results); the UI benchmark fills it',
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(benchCatalogDbImport((line) => console.error(line)), null, 2));
}
