/**
 * Import at benchmark size: a native-format feed of N rows written to a temporary file, then
 * parsed and validated by the core feed parser in a child process (so each size's peak memory is
 * measured alone). This is the parsing half of an import; the server's benchmark adds storage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSyntheticCsv } from '../assets/seed/generate.ts';

export interface ImportRun {
  rows: number;
  seconds: number;
  maxRssBytes: number;
  accepted: number;
  rejected: number;
}

const child = fileURLToPath(new URL('./catalog-import-child.ts', import.meta.url));

export function benchCatalogImport(rows: number): ImportRun {
  const folder = mkdtempSync(join(tmpdir(), 'atelier-import-bench-'));
  try {
    const { currency, csv } = generateSyntheticCsv(rows);
    const file = join(folder, `feed-${rows}.csv`);
    writeFileSync(file, csv);
    const output = execFileSync(process.execPath, [child, file, currency], { encoding: 'utf8' });
    return { rows, ...(JSON.parse(output) as Omit<ImportRun, 'rows'>) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
