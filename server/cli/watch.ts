import { sweepAll } from '../watch/sweep-parallel.ts';
import { parse, STORE_OPTIONS, storeLocation, UsageError } from './args.ts';
import type { CliIo } from './io-types.ts';

const USAGE = 'usage: atelier watch run [--as-of ISO] [--workers N] [--json]';

export async function watchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'run') throw new UsageError(USAGE);
  const { values } = parse(rest, { ...STORE_OPTIONS, 'as-of': { type: 'string' }, workers: { type: 'string' } });
  if (values.workers !== undefined && !/^[1-9]\d?$/.test(values.workers)) throw new UsageError(`--workers must be a number of threads from 1 to 99, got "${values.workers}"`);
  let report;
  try {
    report = await sweepAll(storeLocation(values), { asOf: values['as-of'], workers: values.workers === undefined ? undefined : Number(values.workers) });
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message);
    throw error;
  }
  if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    io.stdout.write(`Swept ${report.watchesChecked} open watch(es) as of ${report.asOf}: ${report.claimsOpened} claim(s) opened, ${report.claimsGrown} grown, ${report.watchesClosed} watch(es) closed\n`);
  }
  return 0;
}
