import { importPurchasesFile } from '../watch/purchases.ts';
import { parse, singleFileArgument, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';
import { writeRejects } from './prices.ts';

const USAGE = 'usage: atelier purchases import FILE [--json]   (CSV: customer_email,retailer,sku,quantity,unit_price,currency,purchased_at,delivered_at,order_ref)';

export async function purchasesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'import') throw new UsageError(USAGE);
  const { values, positionals } = parse(rest, STORE_OPTIONS, true);
  const file = singleFileArgument(positionals, USAGE);
  return withStore(values, async (db) => {
    const report = await importPurchasesFile(db, file);
    if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      io.stdout.write(`Purchases from ${report.source}: ${report.linesAdded} line(s) added, ${report.linesUnchanged} already recorded, ${report.deliveriesRecorded} delivery date(s) recorded\n`);
      io.stdout.write(`  claims: ${report.claimsOpened} opened, ${report.claimsGrown} grown\n`);
      writeRejects(io, report.rejected);
    }
    return 0;
  });
}
