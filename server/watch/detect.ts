/**
 * Detection as data arrives: new observations against the watches they can affect, and new
 * purchase lines against the observations already stored. Both run inside the caller's
 * transaction, so what arrived and the claims it caused commit together.
 *
 * Which watches a batch of new observations can affect, without reading the others: a claim is
 * only opened or grown by a price below its reference, and references only ever go down from the
 * price paid. So a line can only change if it paid more than the lowest new price of its product,
 * and if its window contains one of the new observations. The `purchase_lines_product_price`
 * index finds exactly those lines; the rules (core/watch) then decide.
 *
 * Besides open watches, a watch closed because its window ended is looked at when a late feed
 * brings an observation from inside that window: retailers judge by the date of the drop.
 */
import { sql, type Transaction } from 'kysely';
import { canonicalIso, canonicalOf, indexObservationsByProduct, type ObservationTimeline, type PriceObservation } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { observationsOf, withClaims } from './load.ts';
import { chunks, toObservation, type LineRow, type RetailerPolicies, type StoredWatch } from './rows.ts';
import { emptyCounts, settle, type SettleCounts } from './settle.ts';

interface ProductBatch {
  readonly productId: string;
  readonly lowestMinor: number;
  readonly firstAt: string;
  readonly lastAt: string;
}

function summarise(timeline: ObservationTimeline): ProductBatch {
  let lowestMinor = Number.POSITIVE_INFINITY;
  for (const entry of timeline.entries) lowestMinor = Math.min(lowestMinor, entry.observation.unitPrice.amountMinor);
  const first = timeline.entries[0]!;
  const last = timeline.entries[timeline.entries.length - 1]!;
  return { productId: timeline.productId, lowestMinor, firstAt: canonicalOf(first.observation.observedAt) ?? canonicalIso(first.atMs), lastAt: canonicalOf(last.observation.observedAt) ?? canonicalIso(last.atMs) };
}

/**
 * Lines whose watch a batch of observations could change (see the file comment). CROSS JOIN
 * keeps SQLite driving from the batch into the price index; left to itself it scans every line.
 */
async function candidateLines(trx: Transaction<Database>, batches: readonly ProductBatch[]): Promise<LineRow[]> {
  const out: LineRow[] = [];
  for (const part of chunks(batches, 200)) {
    const values = sql.join(part.map((b) => sql`(cast(${b.productId} as text), cast(${b.lowestMinor} as integer), cast(${b.firstAt} as text), cast(${b.lastAt} as text))`));
    const { rows } = await sql<LineRow>`
      with batch (product_id, lowest_minor, first_at, last_at) as (values ${values})
      select l.id as line_id, l.customer_id, l.project_id, l.product_id, l.retailer_id, l.quantity, l.unit_price_minor,
             l.currency, l.purchased_at, l.delivered_at, l.final_sale
      from batch b
      cross join purchase_lines l
      join watches w on w.product_id = l.product_id and w.line_id = l.id
      where l.product_id = b.product_id and l.unit_price_minor > b.lowest_minor
        and w.window_start <= b.last_at and w.window_end > b.first_at
        and (w.status = 'open' or w.closed_reason = 'window-ended')`.execute(trx);
    out.push(...rows);
  }
  return out;
}

/**
 * Checks newly stored observations against the watches they can affect, and writes the claims;
 * their news goes to the outbox (news.ts), delivered once the batch has committed.
 */
export async function detectForObservations(trx: Transaction<Database>, observations: readonly PriceObservation[], policies: RetailerPolicies, now: string): Promise<SettleCounts> {
  if (observations.length === 0) return emptyCounts();
  const { timelines } = indexObservationsByProduct(observations);
  const lines = await candidateLines(trx, [...timelines.values()].map(summarise));
  if (lines.length === 0) return emptyCounts();
  const watches = await withClaims(trx, lines, policies);
  return settle(trx, watches, { timelines, policies, now, write: (work) => work(trx), news: 'queue' });
}

/**
 * Checks purchase lines that just started (or whose window just moved, on delivery) against the
 * observations already stored for their products.
 */
export async function detectForLines(trx: Transaction<Database>, watches: readonly StoredWatch[], policies: RetailerPolicies, now: string): Promise<SettleCounts> {
  if (watches.length === 0) return emptyCounts();
  let oldest: string | null = null;
  for (const { watch } of watches) if (oldest === null || watch.line.purchasedAt < oldest) oldest = watch.line.purchasedAt;
  const productIds = [...new Set(watches.map((w) => w.watch.line.productId))];
  const observations = await observationsOf(trx, productIds, oldest);
  if (observations.length === 0) return emptyCounts();
  const { timelines } = indexObservationsByProduct(observations.map(toObservation));
  return settle(trx, watches, { timelines, policies, now, write: (work) => work(trx) });
}
