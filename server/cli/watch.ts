import { openStore } from '../db/database.ts';
import { sweepWatches } from '../watch/sweep.ts';
import { parse, STORE_OPTIONS, storeLocation, UsageError } from './args.ts';
import type { CliIo } from './io-types.ts';

const USAGE = 'usage: atelier watch run [--as-of ISO] [--json]';

export async function watchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'run') throw new UsageError(USAGE);
  const { values } = parse(rest, { ...STORE_OPTIONS, 'as-of': { type: 'string' } });
  const store = await openStore(storeLocation(values));
  try {
    let report;
    try {
      report = await sweepWatches(store.db, { asOf: values['as-of'] });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      io.stdout.write(`Swept ${report.watchesChecked} open watch(es) as of ${report.asOf}: ${report.claimsOpened} claim(s) opened, ${report.claimsGrown} grown, ${report.watchesClosed} watch(es) closed\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
