/**
 * Stored rows ↔ the pure watch model (core/watch). Everything that reads purchase lines, watches
 * or claims for the rules goes through these, so the rules see one shape whatever the engine.
 */
import type { Kysely, Transaction } from 'kysely';
import { money } from '../../core/money.ts';
import { EMPTY_WATCH_STATE, type Claim, type ClaimStatus, type LineWatchState, type PriceAdjustmentPolicy, type PriceObservation, type PurchaseLine, type Watch } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';

export type Db = Kysely<Database> | Transaction<Database>;

/** The columns of a purchase line the rules need, as a sweep or a batch selects them. */
export interface LineRow {
  readonly line_id: string;
  readonly customer_id: string;
  readonly project_id: string | null;
  readonly product_id: string;
  readonly retailer_id: string;
  readonly quantity: number;
  readonly unit_price_minor: number;
  readonly currency: string;
  readonly purchased_at: string;
  readonly delivered_at: string | null;
  readonly final_sale: number;
}

export const LINE_COLUMNS = [
  'l.id as line_id',
  'l.customer_id',
  'l.project_id',
  'l.product_id',
  'l.retailer_id',
  'l.quantity',
  'l.unit_price_minor',
  'l.currency',
  'l.purchased_at',
  'l.delivered_at',
  'l.final_sale',
] as const;

export function toPurchaseLine(row: LineRow): PurchaseLine {
  return {
    id: row.line_id,
    productId: row.product_id,
    quantity: row.quantity,
    unitPricePaid: { amountMinor: row.unit_price_minor, currency: row.currency },
    purchasedAt: row.purchased_at,
    deliveredAt: row.delivered_at,
    finalSale: row.final_sale === 1,
  };
}

export interface RetailerRow {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly window_days: number;
  readonly window_from: string;
  readonly adjustments: string;
  readonly exclude_final_sale: number;
}

export function toPolicy(row: RetailerRow): PriceAdjustmentPolicy {
  return {
    windowDays: row.window_days,
    windowFrom: row.window_from === 'delivery' ? 'delivery' : 'purchase',
    adjustments: row.adjustments === 'unlimited' ? 'unlimited' : 'one',
    excludeFinalSale: row.exclude_final_sale === 1,
  };
}

export interface RetailerPolicies {
  readonly byId: ReadonlyMap<string, { readonly name: string; readonly currency: string; readonly policy: PriceAdjustmentPolicy }>;
}

/** Every retailer's policy, keyed by id: there are few retailers and many lines. */
export async function loadPolicies(db: Db): Promise<RetailerPolicies> {
  const rows = await db.selectFrom('retailers').select(['id', 'name', 'currency', 'window_days', 'window_from', 'adjustments', 'exclude_final_sale']).execute();
  return { byId: new Map(rows.map((row) => [row.id, { name: row.name, currency: row.currency, policy: toPolicy(row) }])) };
}

export interface ClaimRow {
  readonly id: string;
  readonly line_id: string;
  readonly product_id: string;
  readonly sequence: number;
  readonly status: string;
  readonly reference_unit_minor: number;
  readonly amount_minor: number;
  readonly currency: string;
  readonly evidence_observation_id: number;
  readonly evidence_unit_minor: number;
  readonly evidence_observed_at: string;
  readonly first_drop_at: string;
  readonly version: number;
  readonly created_at: string;
  readonly updated_at: string;
  /** [Desk] What the retailer refunded; null until then. */
  readonly refunded_amount_minor?: number | null;
}

export const CLAIM_COLUMNS = [
  'id',
  'line_id',
  'product_id',
  'sequence',
  'status',
  'reference_unit_minor',
  'amount_minor',
  'currency',
  'evidence_observation_id',
  'evidence_unit_minor',
  'evidence_observed_at',
  'first_drop_at',
  'version',
  'created_at',
  'updated_at',
  'refunded_amount_minor',
] as const;

export function toClaim(row: ClaimRow): Claim {
  return {
    sequence: row.sequence,
    status: row.status as ClaimStatus,
    referenceUnitPrice: money(row.reference_unit_minor, row.currency),
    amount: money(row.amount_minor, row.currency),
    evidence: { observationId: String(row.evidence_observation_id), unitPrice: money(row.evidence_unit_minor, row.currency), observedAt: row.evidence_observed_at },
    firstDropAt: row.first_drop_at,
  };
}

/** A watch as the rules see it, plus what the store needs to write its changes back. */
export interface StoredWatch {
  readonly watch: Watch;
  readonly retailerId: string;
  /** Who bought the line (and in which project): whom a claim or a closing is announced to. */
  readonly customerId: string;
  readonly projectId: string | null;
  /** Stored claim rows by sequence: their ids and versions guard every update. */
  readonly claimRows: ReadonlyMap<number, ClaimRow>;
  /**
   * The stored window end (watches.window_end), when the reader has it: lets a sweep skip asking
   * the rules whether a watch whose window is still open, with no claim, can close.
   */
  readonly windowEnd?: string | null;
}

const NO_CLAIM_ROWS: ReadonlyMap<number, ClaimRow> = new Map();

export function toStoredWatch(row: LineRow & { readonly window_end?: string | null }, policy: PriceAdjustmentPolicy, claims: readonly ClaimRow[]): StoredWatch {
  // Most lines have no claim: share the empty state rather than allocate one per line.
  if (claims.length === 0) return { watch: { line: toPurchaseLine(row), policy, state: EMPTY_WATCH_STATE }, retailerId: row.retailer_id, customerId: row.customer_id, projectId: row.project_id, windowEnd: row.window_end, claimRows: NO_CLAIM_ROWS };
  const sorted = [...claims].sort((a, b) => a.sequence - b.sequence);
  const state: LineWatchState = { claims: sorted.map(toClaim) };
  return {
    watch: { line: toPurchaseLine(row), policy, state },
    retailerId: row.retailer_id,
    customerId: row.customer_id,
    projectId: row.project_id,
    windowEnd: row.window_end,
    claimRows: new Map(sorted.map((claim) => [claim.sequence, claim])),
  };
}

/** Groups claim rows by line. */
export function claimsByLine(rows: readonly ClaimRow[]): Map<string, ClaimRow[]> {
  const byLine = new Map<string, ClaimRow[]>();
  for (const row of rows) {
    let list = byLine.get(row.line_id);
    if (!list) byLine.set(row.line_id, (list = []));
    list.push(row);
  }
  return byLine;
}

export interface ObservationRow {
  readonly id: number;
  readonly product_id: string;
  readonly price_minor: number;
  readonly currency: string;
  readonly observed_at: string;
}

export function toObservation(row: ObservationRow): PriceObservation {
  return { id: String(row.id), productId: row.product_id, unitPrice: { amountMinor: row.price_minor, currency: row.currency }, observedAt: row.observed_at };
}

/** Splits a list for `in (…)` lists that stay well under both engines' parameter limits. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
