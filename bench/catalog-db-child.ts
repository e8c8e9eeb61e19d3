/**
 * One catalog import through the real server path, in a fresh process so its peak memory is its
 * own: a feed file streamed through the core parser and written to the SQLite store in DIR by
 * `importCatalog` (one transaction, batched upserts, a price observation per new or changed
 * price). Prints { seconds, maxRssBytes, imported, updated, unchanged, rejected }.
 * Usage: node bench/catalog-db-child.ts FILE CURRENCY DIR
 */
import { readFeedFile } from '../server/catalog/feed.ts';
import { importCatalog } from '../server/catalog/import.ts';
import { openStore } from '../server/db/database.ts';

const [file, currency, dataDir] = process.argv.slice(2);
if (!file || !currency || !dataDir) throw new Error('usage: node bench/catalog-db-child.ts FILE CURRENCY DIR');
const store = await openStore({ dataDir });
try {
  const start = performance.now();
  const report = await importCatalog(store.db, {
    retailer: { name: 'Bench Retailer', currency },
    feed: (retailerCurrency) => readFeedFile(file, { currency: retailerCurrency }),
    source: 'bench',
  });
  const seconds = (performance.now() - start) / 1000;
  const { imported, updated, unchanged } = report;
  console.log(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, imported, updated, unchanged, rejected: report.rejected.length }));
} finally {
  await store.close();
}
