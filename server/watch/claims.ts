/**
 * Reading claims: the list support and the CLI see (`atelier claims list`), each claim with its
 * purchase line, product, customer and the observation that caused it.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CLAIM_STATUSES, type ClaimSchema } from '../../core/api/watch.ts';
import type { Money } from '../../core/money.ts';
import type { ClaimStatus } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import type { ClaimRow } from './rows.ts';

export type ApiClaim = z.infer<typeof ClaimSchema>;

export function isClaimStatus(value: string): value is ClaimStatus {
  return (CLAIM_STATUSES as readonly string[]).includes(value);
}

export function toApiClaim(row: ClaimRow): ApiClaim {
  const m = (amountMinor: number): Money => ({ amountMinor, currency: row.currency });
  return {
    id: row.id,
    lineId: row.line_id,
    sequence: row.sequence,
    status: row.status as ClaimStatus,
    referenceUnitPrice: m(row.reference_unit_minor),
    amount: m(row.amount_minor),
    evidence: { observationId: String(row.evidence_observation_id), unitPrice: m(row.evidence_unit_minor), observedAt: row.evidence_observed_at },
    firstDropAt: row.first_drop_at,
    refundedAmount: row.refunded_amount_minor === undefined || row.refunded_amount_minor === null ? null : m(row.refunded_amount_minor),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ClaimFilter {
  readonly status?: ClaimStatus;
  readonly customerEmail?: string;
  readonly customerId?: string;
  readonly limit?: number;
}

export interface ClaimListing extends ApiClaim {
  readonly line: {
    readonly id: string;
    readonly orderRef: string;
    readonly quantity: number;
    readonly unitPricePaid: Money;
    readonly purchasedAt: string;
    readonly deliveredAt: string | null;
    readonly projectId: string | null;
  };
  readonly customer: { readonly id: string; readonly email: string; readonly name: string };
  readonly product: { readonly id: string; readonly sku: string; readonly name: string };
  readonly retailer: { readonly id: string; readonly name: string };
  readonly observation: { readonly id: string; readonly unitPrice: Money; readonly observedAt: string; readonly source: string };
}

/**
 * Claims joined to their purchase line, customer, product and retailer — the one join the claim
 * list here and the refund desk's queue (server/desk/claims.ts) both start from; select
 * `CLAIM_LINE_COLUMNS` beside the claim's own.
 */
export function claimLinesQuery(db: Kysely<Database>) {
  return db
    .selectFrom('claims as c')
    .innerJoin('purchase_lines as l', 'l.id', 'c.line_id')
    .innerJoin('users as u', 'u.id', 'l.customer_id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .innerJoin('retailers as r', 'r.id', 'l.retailer_id');
}

export const CLAIM_LINE_COLUMNS = [
  'l.order_ref',
  'l.quantity',
  'l.unit_price_minor',
  'l.currency as line_currency',
  'l.purchased_at',
  'l.delivered_at',
  'l.project_id',
  'u.id as customer_id',
  'u.email',
  'u.name as customer_name',
  'p.sku',
  'p.name as product_name',
  'r.id as retailer_id',
  'r.name as retailer_name',
] as const;

interface PartiesRow {
  readonly customer_id: string;
  readonly email: string;
  readonly customer_name: string;
  readonly product_id: string;
  readonly sku: string;
  readonly product_name: string;
  readonly retailer_id: string;
  readonly retailer_name: string;
}

/** Who and what a claim read with CLAIM_LINE_COLUMNS is about. */
export function claimParties(row: PartiesRow) {
  return {
    customer: { id: row.customer_id, email: row.email, name: row.customer_name },
    product: { id: row.product_id, sku: row.sku, name: row.product_name },
    retailer: { id: row.retailer_id, name: row.retailer_name },
  };
}

/** Claims with everything a reviewer needs, ordered by purchase, order, product and sequence. */
export async function listClaims(db: Kysely<Database>, filter: ClaimFilter = {}): Promise<ClaimListing[]> {
  let query = claimLinesQuery(db)
    .innerJoin('price_observations as o', 'o.id', 'c.evidence_observation_id')
    .selectAll('c')
    .select([...CLAIM_LINE_COLUMNS, 'o.source']);
  if (filter.status) query = query.where('c.status', '=', filter.status);
  if (filter.customerEmail) query = query.where('u.email', '=', filter.customerEmail.trim().toLowerCase());
  if (filter.customerId) query = query.where('u.id', '=', filter.customerId);
  const rows = await query.orderBy('l.purchased_at').orderBy('l.order_ref').orderBy('p.sku').orderBy('c.sequence').limit(filter.limit ?? 10_000).execute();
  return rows.map((row) => {
    const claim = toApiClaim(row);
    return {
      ...claim,
      line: {
        id: row.line_id,
        orderRef: row.order_ref,
        quantity: row.quantity,
        unitPricePaid: { amountMinor: row.unit_price_minor, currency: row.line_currency },
        purchasedAt: row.purchased_at,
        deliveredAt: row.delivered_at,
        projectId: row.project_id,
      },
      ...claimParties(row),
      observation: { id: claim.evidence.observationId, unitPrice: claim.evidence.unitPrice, observedAt: claim.evidence.observedAt, source: row.source },
    };
  });
}
