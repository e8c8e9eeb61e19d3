/**
 * Reading claims for the refund desk: the queue (who may see which claims, the filters, the
 * urgency order, the filing target) and one claim's whole picture.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { FILING_TARGET_BUSINESS_DAYS, type DeskClaimSchema } from '../../core/api/desk.ts';
import { CLAIM_STATUSES } from '../../core/api/watch.ts';
import { money } from '../../core/money.ts';
import type { Role } from '../../core/permissions.ts';
import { MS_PER_DAY, type ClaimStatus } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { CLAIM_LINE_COLUMNS, claimLinesQuery, claimParties, toApiClaim } from '../watch/claims.ts';
import { addBusinessDays } from './business-days.ts';

export type DeskClaim = z.infer<typeof DeskClaimSchema>;
export interface DeskQuery {
  readonly status?: ClaimStatus | undefined;
  readonly retailer?: string | undefined;
  readonly customer?: string | undefined;
  readonly minAgeDays?: number | undefined;
  readonly sort?: 'urgency' | 'oldest' | 'amount';
  readonly limit?: number;
}

/** Who is looking: support and admin see every claim, a customer their own, a designer those on their projects. */
export interface Viewer {
  readonly id: string;
  readonly role: Role;
}

const ACTIVE: readonly string[] = ['detected', 'filed'];

function baseQuery(db: Kysely<Database>, viewer: Viewer) {
  let query = claimLinesQuery(db).leftJoin('watches as w', 'w.line_id', 'l.id');
  if (viewer.role === 'customer') query = query.where('l.customer_id', '=', viewer.id);
  else if (viewer.role === 'designer') {
    query = query.where((eb) => eb('l.project_id', 'in', eb.selectFrom('project_members').select('project_id').where('user_id', '=', viewer.id)));
  }
  return query;
}

function withColumns(query: ReturnType<typeof baseQuery>) {
  return query.selectAll('c').select([...CLAIM_LINE_COLUMNS, 'w.window_end']);
}

type Row = Awaited<ReturnType<ReturnType<typeof withColumns>['execute']>>[number];

export function toDeskClaim(row: Row, now: string): DeskClaim {
  const nowMs = Date.parse(now);
  const targetAt = addBusinessDays(row.created_at, FILING_TARGET_BUSINESS_DAYS);
  // Waiting stops when the claim is filed (or closed without being filed).
  const waitedUntil = row.filed_at ?? (row.status === 'detected' ? now : (row.closed_at ?? row.updated_at));
  const waitedMs = Math.max(0, Date.parse(waitedUntil) - Date.parse(row.created_at));
  const windowEnd = row.window_end ?? null;
  const daysLeft = windowEnd === null ? null : Math.max(0, Math.ceil((Date.parse(windowEnd) - nowMs) / MS_PER_DAY));
  return {
    ...toApiClaim(row),
    detectedAt: row.created_at,
    channel: row.channel,
    retailerRef: row.retailer_ref,
    filedAt: row.filed_at,
    refundedAmount: row.refunded_amount_minor === null ? null : money(row.refunded_amount_minor, row.currency),
    refundedAt: row.refunded_at,
    denialReason: row.denial_reason,
    closedAt: row.closed_at,
    ...claimParties(row),
    line: { id: row.line_id, orderRef: row.order_ref, quantity: row.quantity, unitPricePaid: money(row.unit_price_minor, row.line_currency), purchasedAt: row.purchased_at, projectId: row.project_id },
    window: { end: windowEnd, daysLeft },
    waiting: { hours: Math.round(waitedMs / 360_000) / 10, targetAt, breached: Date.parse(waitedUntil) > Date.parse(targetAt) && (row.status === 'detected' || row.filed_at !== null) },
  };
}

/**
 * Urgency: claims support can still act on first (detected, then filed), fewest days left in the
 * window first (no window last), then the larger amount; then the rest, newest first.
 */
export function byUrgency(a: DeskClaim, b: DeskClaim): number {
  const activeA = ACTIVE.indexOf(a.status);
  const activeB = ACTIVE.indexOf(b.status);
  if ((activeA < 0) !== (activeB < 0)) return activeA < 0 ? 1 : -1;
  if (activeA < 0) return b.updatedAt.localeCompare(a.updatedAt);
  const leftA = a.window.daysLeft ?? Number.MAX_SAFE_INTEGER;
  const leftB = b.window.daysLeft ?? Number.MAX_SAFE_INTEGER;
  if (leftA !== leftB) return leftA - leftB;
  if (a.amount.amountMinor !== b.amount.amountMinor) return b.amount.amountMinor - a.amount.amountMinor;
  return a.detectedAt.localeCompare(b.detectedAt);
}

const SORTS: Record<NonNullable<DeskQuery['sort']>, (a: DeskClaim, b: DeskClaim) => number> = {
  urgency: byUrgency,
  oldest: (a, b) => a.detectedAt.localeCompare(b.detectedAt),
  amount: (a, b) => b.amount.amountMinor - a.amount.amountMinor,
};

/** The queue: the claims the viewer may see, filtered and sorted, with counts per status (status filter aside). */
export async function deskQueue(db: Kysely<Database>, viewer: Viewer, filter: DeskQuery = {}, now = new Date().toISOString()) {
  let query = baseQuery(db, viewer);
  if (filter.retailer) query = query.where('r.id', '=', filter.retailer);
  if (filter.customer) {
    const text = `%${filter.customer.toLowerCase()}%`;
    const customer = filter.customer;
    query = query.where((eb) => eb.or([eb('u.id', '=', customer), eb(eb.fn('lower', ['u.email']), 'like', text), eb(eb.fn('lower', ['u.name']), 'like', text)]));
  }
  if (filter.minAgeDays !== undefined) query = query.where('c.created_at', '<=', new Date(Date.parse(now) - filter.minAgeDays * MS_PER_DAY).toISOString());
  const countRows = await query.select(['c.status']).select((eb) => eb.fn.countAll<number>().as('n')).groupBy('c.status').execute();
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of countRows) if (row.status in counts) counts[row.status as ClaimStatus] = Number(row.n);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  const rows = await withColumns(query).limit(10_000).execute();
  const claims = rows.map((row) => toDeskClaim(row, now)).sort(SORTS[filter.sort ?? 'urgency']);
  return { claims: claims.slice(0, filter.limit ?? 200), counts, total: claims.length };
}

/** One claim for the desk, whoever may see it (the route has already checked that). */
export async function deskClaimById(db: Kysely<Database>, claimId: string, now = new Date().toISOString()): Promise<DeskClaim | null> {
  const row = await withColumns(baseQuery(db, { id: '', role: 'admin' }).where('c.id', '=', claimId)).executeTakeFirst();
  return row ? toDeskClaim(row, now) : null;
}
