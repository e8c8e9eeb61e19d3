import { pollDueFeeds } from '../watch/feeds.ts';
import { importPricesFile } from '../watch/prices.ts';
import { listRejects } from '../watch/rejects.ts';
import { parse, singleFileArgument, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';
import { printTable } from './io.ts';

const USAGE = `usage: atelier prices import FILE [--json]   (CSV: retailer,sku,price,currency,observed_at)
       atelier prices poll [--all] [--json]     (fetch the retailers' feed URLs that are due, or all)
       atelier prices rejects [--feed prices|purchases] [--limit N] [--json]`;

export function writeRejects(io: CliIo, rejected: readonly { line: number; reason: string }[]): void {
  if (rejected.length === 0) return;
  io.stdout.write(`  ${rejected.length} row(s) rejected (kept for review: atelier prices rejects):\n`);
  for (const reject of rejected.slice(0, 200)) io.stdout.write(`    line ${reject.line}: ${reject.reason}\n`);
  if (rejected.length > 200) io.stdout.write(`    … and ${rejected.length - 200} more (--json lists them all)\n`);
}

export async function pricesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'import') {
    const { values, positionals } = parse(rest, STORE_OPTIONS, true);
    const file = singleFileArgument(positionals, USAGE);
    return withStore(values, async (db) => {
      const report = await importPricesFile(db, file);
      if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        io.stdout.write(`Prices from ${report.source}: ${report.observationsAdded} observation(s) added, ${report.observationsKnown} already known, ${report.productsRepriced} product price(s) updated\n`);
        io.stdout.write(`  claims: ${report.claimsOpened} opened, ${report.claimsGrown} grown\n`);
        writeRejects(io, report.rejected);
      }
      return 0;
    });
  }
  if (verb === 'poll') {
    const { values } = parse(rest, { ...STORE_OPTIONS, all: { type: 'boolean', default: false } });
    return withStore(values, async (db) => {
      const results = await pollDueFeeds(db, { all: values.all });
      if (values.json) io.stdout.write(`${JSON.stringify({ feeds: results })}\n`);
      else if (results.length === 0) io.stdout.write('No price feed is due.\n');
      else {
        for (const r of results) {
          io.stdout.write(r.ok ? `${r.retailer}: ${r.report!.observationsAdded} observation(s) added, ${r.report!.claimsOpened} claim(s) opened, ${r.report!.rejected.length} rejected\n` : `${r.retailer}: failed — ${r.error}\n`);
        }
      }
      return results.every((r) => r.ok) ? 0 : 1;
    });
  }
  if (verb === 'rejects') {
    const { values } = parse(rest, { ...STORE_OPTIONS, feed: { type: 'string' }, limit: { type: 'string', default: '200' } });
    const feed = values.feed;
    if (feed !== undefined && feed !== 'prices' && feed !== 'purchases') throw new UsageError('--feed must be prices or purchases');
    return withStore(values, async (db) => {
      const rejects = await listRejects(db, { feed, limit: Number(values.limit) || 200 });
      if (values.json) io.stdout.write(`${JSON.stringify({ rejects })}\n`);
      else io.stdout.write(`${printTable(rejects.map((r) => ({ feed: r.feed, source: r.source, line: r.line, reason: r.reason })), ['feed', 'source', 'line', 'reason'])}\n`);
      return 0;
    });
  }
  throw new UsageError(USAGE);
}
