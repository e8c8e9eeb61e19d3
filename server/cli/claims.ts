import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLAIM_STATUSES } from '../../core/api/watch.ts';
import { formatMoney } from '../../core/money.ts';
import { evidencePack } from '../desk/evidence-pack.ts';
import { isClaimStatus, listClaims } from '../watch/claims.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';
import { printTable } from './io.ts';
import { denyCommand, expireCommand, exportCommand, fileCommand, refundCommand, reopenCommand, resolveClaimId } from './claims-actions.ts';

const USAGE = `usage: atelier claims list [--status ${CLAIM_STATUSES.join('|')}] [--customer EMAIL] [--json]
       atelier claims file|refund|deny|reopen|expire CLAIM_ID … | atelier claims export [--status S] [--format csv|json]
       atelier claims evidence CLAIM_ID --out DIR [--json]`;

/** Verbs of `atelier claims`; the refund desk adds its actions (file, refund, deny, export) here. */
export const CLAIM_VERBS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  list: listCommand,
  file: fileCommand,
  refund: refundCommand,
  deny: denyCommand,
  reopen: reopenCommand,
  expire: expireCommand,
  export: exportCommand,
  evidence: evidenceCommand,
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
  return withStore(values, async (db) => {
    const claims = await listClaims(db, { status: values.status as never, customerEmail: values.customer });
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
  });
}

/** `atelier claims evidence ID --out DIR`: the evidence pack's files (the PDF and the observations CSV), as the app's download has them. */
async function evidenceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { ...STORE_OPTIONS, out: { type: 'string' } }, true);
  const [id, ...more] = positionals;
  if (!id || more.length || !values.out) throw new UsageError('usage: atelier claims evidence CLAIM_ID --out DIR [--json]');
  const out = path.resolve(values.out);
  return withStore(values, async (db) => {
    const claim = await resolveClaimId(db, id);
    const pack = await evidencePack(db, claim.id);
    if (!pack) throw new UsageError(`No claim "${id}"`);
    await mkdir(out, { recursive: true });
    const pdf = path.join(out, pack.pdf.fileName);
    const csv = path.join(out, pack.csv.fileName);
    await writeFile(pdf, pack.pdf.bytes);
    await writeFile(csv, pack.csv.text);
    const files = [
      { kind: 'pdf', path: pdf, bytes: pack.pdf.bytes.byteLength },
      { kind: 'csv', path: csv, bytes: Buffer.byteLength(pack.csv.text) },
    ];
    if (values.json) io.stdout.write(`${JSON.stringify({ claimId: pack.claimId, observations: pack.csv.rows, files })}\n`);
    else io.stdout.write(`Evidence for claim ${pack.claimId.slice(0, 8)}: ${pack.csv.rows} observation(s)\n${files.map((f) => `  ${f.path}`).join('\n')}\n`);
    return 0;
  });
}
