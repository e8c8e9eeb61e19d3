/**
 * One import run in a fresh process, so its peak memory is its own: streams a native-format feed
 * file through the core feed parser and prints { seconds, maxRssBytes, accepted, rejected }.
 * Usage: node bench/catalog-import-child.ts FILE CURRENCY
 */
import { createReadStream } from 'node:fs';
import { createCatalogFeedParser } from '../core/catalog/import.ts';
import { nativeMapping } from '../core/catalog/mapping.ts';

const [file, currency] = process.argv.slice(2);
if (!file || !currency) throw new Error('usage: node bench/catalog-import-child.ts FILE CURRENCY');
const start = performance.now();
const feed = createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: currency });
let accepted = 0;
let rejected = 0;
const count = (results: readonly { ok: boolean }[]) => {
  for (const result of results) {
    if (result.ok) accepted++;
    else rejected++;
  }
};
for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) count(feed.pushBytes(chunk as Buffer));
count(feed.end());
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, accepted, rejected }));
