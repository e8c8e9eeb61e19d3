/**
 * [Desk] `atelier claims file|refund|deny|reopen|expire|export`: support's actions for bulk work. Each
 * acts as a named person (`--as EMAIL` of a support or admin account; the first admin when not
 * said) and goes through the same one-transaction action as the app, so it is audited, guarded
 * by the claim's version and announced to the customer. A claim is named by its id or by a
 * unique prefix of it (`atelier claims list` shows eight characters).
 */
import type { Kysely } from 'kysely';
import { CLAIM_STATUSES } from '../../core/api/watch.ts';
import { formatMoney, parseMoneyAmount } from '../../core/money.ts';
import { toUser, type User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { actOnClaim, type DeskAction } from '../desk/actions.ts';
import { deskQueue, type DeskClaim } from '../desk/claims.ts';
import { claimsCsv } from '../desk/csv.ts';
import { isClaimStatus } from '../watch/claims.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';

const ACTOR_OPTIONS = { ...STORE_OPTIONS, as: { type: 'string' }, 'expect-version': { type: 'string' } } as const;

/** The person the CLI acts as: a support or admin account. */
export async function cliActor(db: Kysely<Database>, email: string | undefined): Promise<User> {
  let query = db.selectFrom('users').selectAll();
  query = email ? query.where('email', '=', email.trim().toLowerCase()) : query.where('role', '=', 'admin').orderBy('created_at').orderBy('email');
  const row = await query.executeTakeFirst();
  if (!row) throw new UsageError(email ? `No account for ${email}` : 'There is no admin account to act as; pass --as EMAIL of a support person');
  const user = toUser(row);
  if (user.role !== 'support' && user.role !== 'admin') throw new UsageError(`${user.email} is a ${user.role}; only support and admin act on claims`);
  return user;
}

/** A claim by id or unique id prefix. */
export async function resolveClaimId(db: Kysely<Database>, idOrPrefix: string): Promise<{ id: string; version: number; currency: string }> {
  const exact = await db.selectFrom('claims').select(['id', 'version', 'currency']).where('id', '=', idOrPrefix).executeTakeFirst();
  if (exact) return exact;
  if (idOrPrefix.length < 4 || /[%_]/.test(idOrPrefix)) throw new UsageError(`No claim "${idOrPrefix}"`);
  const matches = await db.selectFrom('claims').select(['id', 'version', 'currency']).where('id', 'like', `${idOrPrefix}%`).limit(2).execute();
  if (matches.length === 0) throw new UsageError(`No claim "${idOrPrefix}"`);
  if (matches.length > 1) throw new UsageError(`"${idOrPrefix}" names more than one claim; give more of its id`);
  return matches[0]!;
}

function describeClaim(claim: DeskClaim): string {
  const refunded = claim.refundedAmount ? `, refunded ${formatMoney(claim.refundedAmount)}` : '';
  return `Claim ${claim.id.slice(0, 8)} (${claim.product.name}, ${claim.customer.email}) is ${claim.status}: ${formatMoney(claim.amount)} claimed${refunded}; version ${claim.version}`;
}

function actionCommand(verb: 'file' | 'refund' | 'deny' | 'reopen' | 'expire', extra: Record<string, { type: 'string' }>, toAction: (values: Record<string, string | boolean | undefined>, currency: string) => DeskAction) {
  return async (args: readonly string[], io: CliIo): Promise<number> => {
    const { values, positionals } = parse(args, { ...ACTOR_OPTIONS, ...extra }, true);
    const [id, ...more] = positionals;
    if (!id || more.length) throw new UsageError(`usage: atelier claims ${verb} CLAIM_ID ${USAGES[verb]}`);
    return withStore(values, async (db, store) => {
      const actor = await cliActor(db, values.as);
      const claim = await resolveClaimId(db, id);
      const expected = values['expect-version'] === undefined ? claim.version : Number(values['expect-version']);
      if (!Number.isInteger(expected) || expected < 1) throw new UsageError('--expect-version must be a whole number');
      const done = await actOnClaim(db, store.engine, { claimId: claim.id, expectedVersion: expected, actor: { id: actor.id, name: actor.name }, action: toAction(values, claim.currency) });
      io.stdout.write(values.json ? `${JSON.stringify({ claim: done })}\n` : `${describeClaim(done)}\n`);
      return 0;
    });
  };
}

const USAGES = {
  file: '--ref REF [--channel email|portal|phone|…] [--as EMAIL]',
  refund: '--amount AMOUNT [--date YYYY-MM-DD] [--as EMAIL]',
  deny: '--reason TEXT [--as EMAIL]',
  reopen: '[--as EMAIL]',
  expire: '[--as EMAIL]',
};

export const fileCommand = actionCommand('file', { ref: { type: 'string' }, channel: { type: 'string' } }, (values) => {
  if (typeof values.ref !== 'string' || !values.ref.trim()) throw new UsageError(`claims file needs --ref (the retailer's reference): ${USAGES.file}`);
  return { kind: 'file', retailerRef: values.ref, channel: typeof values.channel === 'string' ? values.channel : 'email' };
});

export const refundCommand = actionCommand('refund', { amount: { type: 'string' }, date: { type: 'string' } }, (values, currency) => {
  if (typeof values.amount !== 'string') throw new UsageError(`claims refund needs --amount: ${USAGES.refund}`);
  let amountMinor: number;
  try {
    amountMinor = parseMoneyAmount(values.amount, currency);
  } catch (error) {
    throw new UsageError(`--amount: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (amountMinor <= 0) throw new UsageError('--amount must be more than zero');
  const date = typeof values.date === 'string' ? values.date : undefined;
  if (date !== undefined && !Number.isFinite(Date.parse(date))) throw new UsageError(`--date must be an ISO-8601 date; got "${date}"`);
  return { kind: 'refund', amountMinor, refundedAt: date };
});

export const denyCommand = actionCommand('deny', { reason: { type: 'string' } }, (values) => {
  if (typeof values.reason !== 'string' || !values.reason.trim()) throw new UsageError(`claims deny needs --reason: ${USAGES.deny}`);
  return { kind: 'deny', reason: values.reason };
});

export const reopenCommand = actionCommand('reopen', {}, () => ({ kind: 'reopen' }));

export const expireCommand = actionCommand('expire', {}, () => ({ kind: 'expire' }));

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parse(args, { ...STORE_OPTIONS, status: { type: 'string' }, format: { type: 'string', default: 'csv' } });
  if (values.status !== undefined && !isClaimStatus(values.status)) throw new UsageError(`--status must be one of ${CLAIM_STATUSES.join(', ')}; got "${values.status}"`);
  const format = values.json ? 'json' : values.format;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json; got "${format}"`);
  return withStore(values, async (db) => {
    const { claims } = await deskQueue(db, { id: '', role: 'admin' }, { status: values.status as never, limit: 1_000_000 });
    io.stdout.write(format === 'json' ? `${JSON.stringify({ claims })}\n` : claimsCsv(claims));
    return 0;
  });
}
