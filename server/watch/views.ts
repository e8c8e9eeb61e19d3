/**
 * What the customer (and the refund desk) see of price protection: each purchase line with its
 * watch, days left and claims, and one claim's evidence — the product's price history with the
 * price paid and the drop marked.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ProtectedPurchaseSchema, PricePointSchema, claimEvidence } from '../../core/api/watch.ts';
import type { ResponseOf } from '../../core/api/endpoint.ts';
import { money, type Money } from '../../core/money.ts';
import { canonicalIso, daysLeft, instantMs, MS_PER_DAY, windowFor, type WatchCloseReason } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { toApiClaim } from './claims.ts';
import { claimRowsForLines } from './load.ts';
import { claimsByLine, LINE_COLUMNS, toPolicy, toPurchaseLine, type ClaimRow } from './rows.ts';

export type ProtectedPurchase = z.infer<typeof ProtectedPurchaseSchema>;
type PricePoint = z.infer<typeof PricePointSchema>;

async function protectedLines(db: Kysely<Database>, filter: { customerId: string } | { lineId: string }, asOf: string): Promise<ProtectedPurchase[]> {
  let query = db
    .selectFrom('purchase_lines as l')
    .innerJoin('watches as w', 'w.line_id', 'l.id')
    .innerJoin('products as p', 'p.id', 'l.product_id')
    .innerJoin('retailers as r', 'r.id', 'l.retailer_id')
    .select([...LINE_COLUMNS, 'l.order_ref', 'p.name as product_name', 'p.sku', 'p.image_url', 'w.status', 'w.closed_reason', 'w.closed_at'])
    .select(['r.id', 'r.name', 'r.currency as retailer_currency', 'r.window_days', 'r.window_from', 'r.adjustments', 'r.exclude_final_sale']);
  query = 'customerId' in filter ? query.where('l.customer_id', '=', filter.customerId) : query.where('l.id', '=', filter.lineId);
  const rows = await query.orderBy('l.purchased_at', 'desc').orderBy('l.order_ref').orderBy('p.sku').limit(1000).execute();
  const claims = claimsByLine(await claimRowsForLines(db, rows.map((row) => row.line_id)));
  return rows.map((row) => {
    const line = toPurchaseLine(row);
    const policy = toPolicy({ ...row, currency: row.retailer_currency });
    const window = windowFor(line, policy);
    const left = daysLeft(line, policy, asOf);
    const lineClaims = (claims.get(row.line_id) ?? []).sort((a, b) => a.sequence - b.sequence);
    return {
      id: row.line_id,
      customerId: row.customer_id,
      projectId: row.project_id,
      product: { id: row.product_id, name: row.product_name, sku: row.sku, imageUrl: row.image_url },
      retailer: { id: row.id, name: row.name, policy },
      quantity: row.quantity,
      unitPricePaid: line.unitPricePaid,
      purchasedAt: row.purchased_at,
      deliveredAt: row.delivered_at,
      orderRef: row.order_ref,
      finalSale: line.finalSale,
      watch: {
        status: row.status === 'closed' ? 'closed' : 'open',
        closedReason: row.closed_reason as WatchCloseReason | null,
        closedAt: row.closed_at,
        windowStart: window?.start ?? null,
        windowEnd: window?.end ?? null,
        daysLeft: row.status === 'closed' && left !== null ? 0 : left,
      },
      claims: lineClaims.map(toApiClaim),
    };
  });
}

/** The customer's purchases with their watches and claims, and what has been claimed per currency. */
export async function protectedPurchasesOf(db: Kysely<Database>, customerId: string, asOf = new Date().toISOString()): Promise<{ purchases: ProtectedPurchase[]; claimed: Money[] }> {
  const purchases = await protectedLines(db, { customerId }, asOf);
  const totals = new Map<string, number>();
  for (const purchase of purchases) for (const claim of purchase.claims) totals.set(claim.amount.currency, (totals.get(claim.amount.currency) ?? 0) + claim.amount.amountMinor);
  return { purchases, claimed: [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amount]) => money(amount, currency)) };
}

export const HISTORY_LIMIT = 1000;

/** One claim's evidence, or null when there is no such claim. */
export async function evidenceOf(db: Kysely<Database>, claimId: string, asOf = new Date().toISOString()): Promise<ResponseOf<typeof claimEvidence> | null> {
  const row: ClaimRow | undefined = await db.selectFrom('claims').selectAll().where('id', '=', claimId).executeTakeFirst();
  if (!row) return null;
  const [line] = await protectedLines(db, { lineId: row.line_id }, asOf);
  if (!line) return null;
  const claim = line.claims.find((c) => c.id === claimId) ?? toApiClaim(row);
  const policy = line.retailer.policy;
  // Around the window: one window's length either side, so the drop is seen against the normal price.
  const spanMs = Math.max(policy.windowDays, 14) * MS_PER_DAY;
  const fromMs = instantMs(line.watch.windowStart ?? line.purchasedAt) - spanMs;
  const toMs = line.watch.windowEnd ? instantMs(line.watch.windowEnd) + spanMs : instantMs(asOf);
  const observations = await db
    .selectFrom('price_observations')
    .select(['id', 'price_minor', 'currency', 'observed_at', 'source'])
    .where('product_id', '=', line.product.id)
    .where('observed_at', '>=', canonicalIso(fromMs))
    .where('observed_at', '<=', canonicalIso(toMs))
    .orderBy('observed_at', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  const evidenceId = claim.evidence.observationId;
  if (!observations.some((o) => String(o.id) === evidenceId)) {
    const evidence = await db.selectFrom('price_observations').select(['id', 'price_minor', 'currency', 'observed_at', 'source']).where('id', '=', Number(evidenceId)).executeTakeFirst();
    if (evidence) observations.push(evidence);
  }
  const windowStart = line.watch.windowStart;
  const windowEnd = line.watch.windowEnd;
  const history: PricePoint[] = observations
    .map((o) => ({
      observationId: String(o.id),
      unitPrice: { amountMinor: o.price_minor, currency: o.currency },
      observedAt: o.observed_at,
      source: o.source,
      inWindow: windowStart !== null && windowEnd !== null && o.observed_at >= windowStart && o.observed_at < windowEnd,
      belowReference: o.currency === claim.referenceUnitPrice.currency && o.price_minor < claim.referenceUnitPrice.amountMinor,
      isEvidence: String(o.id) === evidenceId,
    }))
    .sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : Number(a.observationId) - Number(b.observationId)));
  const perUnit = money(claim.referenceUnitPrice.amountMinor - claim.evidence.unitPrice.amountMinor, claim.amount.currency);
  return {
    claim,
    line,
    history,
    paidUnitPrice: line.unitPricePaid,
    drop: { from: claim.referenceUnitPrice, to: claim.evidence.unitPrice, perUnit, observedAt: claim.evidence.observedAt, firstDropAt: claim.firstDropAt },
  };
}
