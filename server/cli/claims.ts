import { CLAIM_STATUSES } from '../../core/api/watch.ts';
import { formatMoney } from '../../core/money.ts';
import { openStore } from '../db/database.ts';
import { isClaimStatus, listClaims } from '../watch/claims.ts';
import { parse, STORE_OPTIONS, storeLocation, UsageError } from './args.ts';
import type { CliIo } from './io-types.ts';
import { printTable } from './io.ts';
import { denyCommand, expireCommand, exportCommand, fileCommand, refundCommand, reopenCommand } from './claims-actions.ts';

const USAGE = `usage: atelier claims list [--status ${CLAIM_STATUSES.join('|')}] [--customer EMAIL] [--json]
       atelier claims file|refund|deny|reopen|expire CLAIM_ID … | atelier claims export [--status S] [--format csv|json]`;

/** Verbs of `atelier claims`; the refund desk adds its actions (file, refund, deny, export) here. */
export const CLAIM_VERBS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  list: listCommand,
  file: fileCommand,
  refund: refundCommand,
  deny: denyCommand,
  reopen: reopenCommand,
  expire: expireCommand,
  export: exportCommand,
};

export async function claimsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const run = verb ? CLAIM_VERBS[verb] : undefined;
  if (!run) throw new UsageError(USAGE);
  return run(rest, io);
}

async function listCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { ...STORE_OPTIONS, status: { type: 'string' }, customer: { type: 'string' } });
  if (values.status !== undefined && !isClaimStatus(values.status)) throw new UsageError(`--status must be one of ${CLAIM_STATUSES.join(', ')}; got "${values.status}"`);
  const store = await openStore(storeLocation(values));
  try {
    const claims = await listClaims(store.db, { status: values.status as never, customerEmail: values.customer });
    if (values.json) io.stdout.write(`${JSON.stringify({ claims })}\n`);
    else if (claims.length === 0) io.stdout.write('No claims.\n');
    else {
      const rows = claims.map((c) => ({
        claim: c.id.slice(0, 8),
        status: c.status,
        customer: c.customer.email,
        product: `${c.product.name} (${c.retailer.name} ${c.product.sku})`,
        order: c.line.orderRef,
        paid: `${c.line.quantity} × ${formatMoney(c.line.unitPricePaid)}`,
        seen: `${formatMoney(c.observation.unitPrice)} on ${c.observation.observedAt.slice(0, 10)}`,
        amount: formatMoney(c.amount),
      }));
      io.stdout.write(`${printTable(rows, ['claim', 'status', 'customer', 'product', 'order', 'paid', 'seen', 'amount'])}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
