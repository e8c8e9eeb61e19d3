/**
 * The sweep: every open watch, checked against every stored observation of its product, and
 * closed when its window has ended (`atelier watch run`, and on a schedule in the server).
 *
 * Memory stays bounded whatever the number of watches: the sweep pages through open watches in
 * (product, line) order — a range scan of the `watches_open` index, with the line rows read in
 * the same key order — and holds one page of watches, their claims and the observations of the
 * products on that page (from the page's oldest purchase on).
 *
 * Safe to run twice at once, or after a crash: see settle.ts.
 */
import { canonicalIso, indexObservationsByProduct, instantMs, type TimelineLookup } from '../../core/watch/index.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { claimRowsForProducts, observationsOf, policyOf } from './load.ts';
import { claimsByLine, LINE_COLUMNS, loadPolicies, toObservation, toStoredWatch, type LineRow } from './rows.ts';
import { addCounts, emptyCounts, settle, type SettleCounts, type WriteRunner } from './settle.ts';
import { retryTransient } from './transient.ts';

export interface SweepOptions {
  /** Close windows that have ended by this instant (default: now). */
  readonly asOf?: string;
  /** Wall clock for the rows written (default: now). */
  readonly now?: Date;
  /** Watches per page (default 5,000). */
  readonly pageSize?: number;
  /** Only products with ids in [from, to) (either end open): one worker's share of a parallel sweep. */
  readonly products?: { readonly from?: string | null; readonly to?: string | null };
  /** Called after each page with the running totals. */
  readonly onPage?: (progress: SweepReport) => void;
}

export interface SweepReport extends SettleCounts {
  readonly asOf: string;
  watchesChecked: number;
  pages: number;
  /** The most observations held at once (one page's products). */
  peakObservationsHeld: number;
}

export async function sweepWatches(db: Kysely<Database>, options: SweepOptions = {}): Promise<SweepReport> {
  const now = (options.now ?? new Date()).toISOString();
  const asOfMs = instantMs(options.asOf ?? now);
  if (Number.isNaN(asOfMs)) throw new RangeError(`--as-of must be an ISO-8601 date or date-time with Z or an offset, got "${options.asOf}"`);
  const asOf = canonicalIso(asOfMs);
  const pageSize = options.pageSize ?? 5000;
  const policies = await loadPolicies(db);
  const report: SweepReport = { asOf, ...emptyCounts(), watchesChecked: 0, pages: 0, peakObservationsHeld: 0 };
  // A page's writes are guarded and idempotent, so a transaction that lost a race is run again.
  const write: WriteRunner = (work) => retryTransient(() => db.transaction().execute(work));

  let after: { productId: string; lineId: string } | null = options.products?.from ? { productId: options.products.from, lineId: '' } : null;
  for (;;) {
    const rows = await openWatchPage(db, after, pageSize, options.products);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    after = { productId: last.product_id, lineId: last.line_id };

    const productIds = distinctProducts(rows);
    const timelines = await timelinesFor(db, rows, productIds);
    const claims = claimsByLine(await claimRowsForProducts(db, productIds));
    const watches = rows.map((row) => toStoredWatch(row, policyOf(policies, row.retailer_id), claims.get(row.line_id) ?? NONE));
    const counts = await settle(db, watches, { timelines, policies, now, closeAsOf: asOf, write });

    addCounts(report, counts);
    report.watchesChecked += rows.length;
    report.pages++;
    let held = 0;
    for (const productId of productIds) held += timelines.get(productId)?.entries.length ?? 0;
    report.peakObservationsHeld = Math.max(report.peakObservationsHeld, held);
    options.onPage?.(report);
    if (rows.length < pageSize) break;
  }
  return report;
}

async function openWatchPage(db: Kysely<Database>, after: { productId: string; lineId: string } | null, pageSize: number, products: SweepOptions['products']): Promise<(LineRow & { window_end: string | null })[]> {
  let query = db
    .selectFrom('watches as w')
    .innerJoin('purchase_lines as l', (join) => join.onRef('l.product_id', '=', 'w.product_id').onRef('l.id', '=', 'w.line_id'))
    .select([...LINE_COLUMNS, 'w.window_end'])
    .where('w.status', '=', sql.lit('open'));
  // The range's start is the first keyset position ((from, '') precedes every line of `from`),
  // so the index scan starts there; a separate product_id >= from would make SQLite start at
  // `from` on every page.
  if (products?.to) query = query.where('w.product_id', '<', products.to);
  if (after) {
    const { productId, lineId } = after;
    query = query.where((eb) => eb(eb.refTuple('w.product_id', 'w.line_id'), '>', eb.tuple(productId, lineId)));
  }
  return query.orderBy('w.product_id').orderBy('w.line_id').limit(pageSize).execute();
}

function distinctProducts(rows: readonly LineRow[]): string[] {
  const out: string[] = [];
  for (const row of rows) if (out[out.length - 1] !== row.product_id) out.push(row.product_id);
  return out;
}

const NONE: readonly never[] = [];

/**
 * Timelines of the page's products. Windows never open before the purchase, so observations
 * older than the page's oldest purchase cannot count and are not read. Stored instants are
 * canonical UTC (the importers write them so), so the oldest is the least as text.
 */
async function timelinesFor(db: Kysely<Database>, rows: readonly LineRow[], productIds: readonly string[]): Promise<TimelineLookup> {
  let oldest = rows[0]!.purchased_at;
  for (const row of rows) if (row.purchased_at < oldest) oldest = row.purchased_at;
  const oldestMs = instantMs(oldest);
  const observations = await observationsOf(db, productIds, Number.isNaN(oldestMs) ? null : canonicalIso(oldestMs));
  return indexObservationsByProduct(observations.map(toObservation)).timelines;
}
