/**
 * [Desk] `atelier audit verify [--json]`: walks the audit log's hash chain and names the first
 * broken entry. Exit code 0 when the chain holds, 1 when it does not.
 */
import { verifyAuditChain } from '../desk/audit.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';

export async function auditCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'verify') throw new UsageError('usage: atelier audit verify [--json]');
  const { values } = parse(rest, STORE_OPTIONS);
  return withStore(values, async (db) => {
    const report = await verifyAuditChain(db);
    if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else if (report.ok) io.stdout.write(`The audit log holds: ${report.entries} entries, each linked to the one before.\n`);
    else io.stdout.write(`The audit log is broken at entry ${report.brokenAt}: ${report.reason}. (${report.entries} entries before it hold.)\n`);
    return report.ok ? 0 : 1;
  });
}
