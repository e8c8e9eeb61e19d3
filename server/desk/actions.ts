/**
 * Support's actions on a claim: file, refund, deny, reopen. Each runs in one transaction:
 *
 *   1. read the claim; it must exist and be at the version the agent saw (else 409 with the
 *      claim as it is now — nothing is overwritten);
 *   2. ask the core rules whether the move is allowed (`transitionClaim`), check the input
 *      (a refund is more than zero and at most the amount claimed);
 *   3. write it guarded by the version (a writer that slipped in between makes it a 409 too),
 *      bumping the version;
 *   4. append the audit entry, tell the customer (notification + timeline event).
 * Any refusal throws before anything is written, so a refused action leaves no trace.
 */
import { sql, type Kysely } from 'kysely';
import { formatMoney, money } from '../../core/money.ts';
import { transitionClaim, type ClaimStatus } from '../../core/watch/index.ts';
import type { Engine } from '../db/migrations/types.ts';
import type { ClaimsTable, Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addNotifications } from '../notify/notifications.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { detectForLines } from '../watch/detect.ts';
import { lineLabels, storedWatchesByLineIds } from '../watch/load.ts';
import { loadPolicies, toClaim, type ClaimRow } from '../watch/rows.ts';
import { appendAudit, type AuditActor } from './audit.ts';
import { deskClaimById, type DeskClaim } from './claims.ts';
import { deskMessage, type DeskEvent } from './messages.ts';

export type DeskAction =
  | { readonly kind: 'file'; readonly channel: string; readonly retailerRef: string }
  | { readonly kind: 'refund'; readonly amountMinor: number; readonly refundedAt?: string }
  | { readonly kind: 'deny'; readonly reason: string }
  | { readonly kind: 'reopen' }
  /** The retailer let a filed claim lapse without an answer. */
  | { readonly kind: 'expire' };

export interface ActRequest {
  readonly claimId: string;
  /** The version the agent saw; the action applies only if the claim is still at it. */
  readonly expectedVersion: number;
  readonly actor: AuditActor;
  readonly action: DeskAction;
  readonly now?: string;
}

type ClaimFull = ClaimRow & Pick<ClaimsTable, 'channel' | 'retailer_ref' | 'filed_at' | 'refunded_amount_minor' | 'refunded_at' | 'denial_reason' | 'closed_at'>;

const conflict = (current: DeskClaim | null) =>
  new HttpError(409, 'conflict', 'Someone else just changed this claim — here is its current state', { current: current ?? undefined });
const refused = (message: string) => new HttpError(422, 'not_allowed', message);
const badInput = (message: string) => new HttpError(400, 'invalid_request', message);

/** The part of a claim an action changes: what the audit records before and after. */
function snapshot(row: ClaimFull) {
  return {
    status: row.status,
    amountMinor: row.amount_minor,
    currency: row.currency,
    version: row.version,
    channel: row.channel,
    retailerRef: row.retailer_ref,
    filedAt: row.filed_at,
    refundedAmountMinor: row.refunded_amount_minor,
    refundedAt: row.refunded_at,
    denialReason: row.denial_reason,
    closedAt: row.closed_at,
  };
}

/** A date ("2025-03-14") or an instant, as canonical ISO; never in the future. */
function refundInstant(value: string | undefined, now: string): string {
  if (value === undefined) return now;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (!Number.isFinite(ms)) throw badInput(`The refund date "${value}" is not a date`);
  if (ms > Date.parse(now) + 86_400_000) throw badInput('The refund date is in the future');
  return new Date(ms).toISOString();
}

const TARGET_STATUS: Record<DeskAction['kind'], ClaimStatus | null> = { file: 'filed', refund: 'refunded', deny: 'denied', reopen: null, expire: 'expired' };
const VERB_DONE: Record<DeskAction['kind'], string> = { file: 'filed', refund: 'refunded', deny: 'denied', reopen: 'reopened', expire: 'marked expired' };
const STATUS_WORDS: Record<string, string> = { refunded: 'already refunded', expired: 'expired', denied: 'denied', filed: 'already filed', detected: 'not filed yet' };

export async function actOnClaim(db: Kysely<Database>, engine: Engine, request: ActRequest): Promise<DeskClaim> {
  const now = request.now ?? new Date().toISOString();
  const { action } = request;
  await db.transaction().execute(async (trx) => {
    // PostgreSQL: lock the row, so a second agent waits for the first to commit and then sees
    // its version (a conflict) instead of deciding on what it read before. SQLite: take the
    // write lock before reading (a no-op write), so a CLI in another process that commits first
    // makes this one wait and read its version, instead of failing with SQLITE_BUSY at the write.
    if (engine === 'sqlite') await sql`update claims set version = version where id = ${request.claimId}`.execute(trx);
    const read = trx.selectFrom('claims').selectAll().where('id', '=', request.claimId);
    const row = (await (engine === 'postgres' ? read.forUpdate() : read).executeTakeFirst()) as ClaimFull | undefined;
    if (!row) throw notFound('Claim');
    if (row.version !== request.expectedVersion) throw conflict(await deskClaimById(trx, request.claimId, now));

    const lineRows = (await trx.selectFrom('claims').selectAll().where('line_id', '=', row.line_id).orderBy('sequence').execute()) as ClaimRow[];
    const state = { claims: lineRows.map(toClaim) };
    let to = TARGET_STATUS[action.kind];
    if (action.kind === 'reopen') {
      if (row.status !== 'denied') throw refused(`Only a denied claim can be reopened; this one is ${STATUS_WORDS[row.status] ?? row.status}`);
      // The line's latest claim goes back to detected (it may grow again); an earlier one straight to filed.
      to = lineRows.at(-1)?.id === row.id ? 'detected' : 'filed';
    }
    const moved = transitionClaim(state, row.sequence, to!);
    if (!moved.ok) throw refused(`This claim is ${STATUS_WORDS[row.status] ?? row.status}; it cannot be ${VERB_DONE[action.kind]}`);

    const changes: Partial<ClaimFull> = { status: to!, updated_at: now };
    let event: DeskEvent;
    const claimed = money(row.amount_minor, row.currency);
    switch (action.kind) {
      case 'file':
        if (!action.retailerRef.trim()) throw badInput('The retailer’s reference is required');
        Object.assign(changes, { channel: action.channel.trim() || 'email', retailer_ref: action.retailerRef.trim(), filed_at: now, denial_reason: null, closed_at: null });
        event = { kind: 'filed', amount: claimed, retailerRef: action.retailerRef.trim() };
        break;
      case 'refund': {
        if (!Number.isInteger(action.amountMinor) || action.amountMinor <= 0) throw badInput('The refund must be more than zero');
        if (action.amountMinor > row.amount_minor) throw badInput(`The refund cannot be more than the ${formatMoney(claimed)} claimed`);
        const refundedAt = refundInstant(action.refundedAt, now);
        Object.assign(changes, { refunded_amount_minor: action.amountMinor, refunded_at: refundedAt, closed_at: now });
        event = { kind: 'refunded', amount: money(action.amountMinor, row.currency), claimed, refundedAt };
        break;
      }
      case 'deny':
        if (!action.reason.trim()) throw badInput('Say why the retailer denied it');
        Object.assign(changes, { denial_reason: action.reason.trim(), closed_at: now });
        event = { kind: 'denied', amount: claimed, reason: action.reason.trim() };
        break;
      case 'expire':
        Object.assign(changes, { closed_at: now });
        event = { kind: 'expired', amount: claimed };
        break;
      case 'reopen':
        Object.assign(changes, { closed_at: null, ...(to === 'detected' ? { filed_at: null, channel: null, retailer_ref: null } : {}) });
        event = { kind: 'reopened', amount: claimed };
        break;
    }

    const updated = await trx
      .updateTable('claims')
      .set({ ...changes, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw conflict(await deskClaimById(trx, request.claimId, now));

    const after = { ...row, ...changes, version: row.version + 1 } as ClaimFull;
    await appendAudit(trx, engine, { at: now, actor: request.actor, action: `claim.${action.kind}`, targetType: 'claim', targetId: row.id, before: snapshot(row), after: snapshot(after) });

    // A claim back in `detected` may grow from prices seen while it was denied; re-running the
    // line is always safe (the rules are idempotent), and it commits with the reopening.
    if (action.kind === 'reopen' && to === 'detected') {
      const policies = await loadPolicies(trx);
      await detectForLines(trx, await storedWatchesByLineIds(trx, [row.line_id], policies), policies, now);
    }

    const label = (await lineLabels(trx, [row.line_id])).get(row.line_id);
    if (label) {
      const message = deskMessage(label, event);
      const kind = `claim.${event.kind}`;
      await addNotifications(trx, [{ userId: label.customerId, kind, title: message.title, body: message.body, link: `/desk/claims/${row.id}`, data: { claimId: row.id, lineId: row.line_id, status: to } }], now);
      await addTimelineEvents(trx, [{ projectId: label.projectId, subjectUserId: label.customerId, actorName: request.actor.name, kind, text: message.timeline, at: now }]);
    }
  });
  const claim = await deskClaimById(db, request.claimId, now);
  if (!claim) throw notFound('Claim');
  return claim;
}
