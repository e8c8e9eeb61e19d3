/**
 * The sweep: every open watch, checked against every stored observation of its product, and
 * closed when its window has ended (`atelier watch run`, and on a schedule in the server).
 *
 * Most open watches have nothing to do: no stored price inside their window is below what was
 * paid, they hold no claim, and their window has not ended. The store rules those out itself —
 * the page query scans the open watches in (product, line) order (the `watches_open` index, line
 * rows read in the same key order) and returns only a watch that could change:
 *   - an observation of its product inside its stored window is below the unit price paid
 *     (a line without claims can only open one that way: its reference is the price paid);
 *   - it has a claim (growing it, a further claim, or `one` used up: the rules decide);
 *   - its window has ended by `asOf`, or it is a final-sale line (the rules decide whether to
 *     close it).
 * Those are read and settled by the core rules exactly as before, so what the sweep writes is
 * what a check of every watch would write; only unreadable observations of another currency
 * inside a window are no longer counted in `observationErrors` for lines that have nothing else
 * to do (the importers refuse a currency other than the retailer's). The stored window is the
 * one detection as data arrives already trusts (`windows.ts` keeps it equal to the rules').
 *
 * Memory stays bounded whatever the number of watches: a page holds at most `pageSize` watches
 * to check, their claims and the observations of their products (from the page's oldest
 * purchase on).
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
  /** The number of open watches in range, when the caller has just counted them (saves counting again). */
  readonly openCount?: number;
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

  // Every open watch in range is checked: most by the page query itself (see the file comment).
  report.watchesChecked = options.openCount ?? (await countOpen(db, options.products));
  let after: { productId: string; lineId: string } | null = options.products?.from ? { productId: options.products.from, lineId: '' } : null;
  for (;;) {
    const rows = await pageToCheck(db, after, pageSize, options.products, asOf);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    after = { productId: last.product_id, lineId: last.line_id };

    const productIds = distinctProducts(rows);
    const timelines = await timelinesFor(db, rows, productIds);
    const claims = claimsByLine(await claimRowsForProducts(db, productIds));
    const watches = rows.map((row) => toStoredWatch(row, policyOf(policies, row.retailer_id), claims.get(row.line_id) ?? NONE));
    const counts = await settle(db, watches, { timelines, policies, now, closeAsOf: asOf, write });

    addCounts(report, counts);
    report.pages++;
    let held = 0;
    for (const productId of productIds) held += timelines.get(productId)?.entries.length ?? 0;
    report.peakObservationsHeld = Math.max(report.peakObservationsHeld, held);
    options.onPage?.(report);
    if (rows.length < pageSize) break;
  }
  return report;
}

async function countOpen(db: Kysely<Database>, products: SweepOptions['products']): Promise<number> {
  let query = db.selectFrom('watches').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', sql.lit('open'));
  if (products?.from) query = query.where('product_id', '>=', products.from);
  if (products?.to) query = query.where('product_id', '<', products.to);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The next open watches, in key order, that could change as of `asOf` (see the file comment). */
async function pageToCheck(db: Kysely<Database>, after: { productId: string; lineId: string } | null, pageSize: number, products: SweepOptions['products'], asOf: string): Promise<(LineRow & { window_end: string | null })[]> {
  let query = db
    .selectFrom('watches as w')
    .innerJoin('purchase_lines as l', (join) => join.onRef('l.product_id', '=', 'w.product_id').onRef('l.id', '=', 'w.line_id'))
    .select([...LINE_COLUMNS, 'w.window_end'])
    .where('w.status', '=', sql.lit('open'))
    .where((eb) =>
      eb.or([
        eb('l.final_sale', '<>', sql.lit(0)),
        eb('w.window_end', '<=', asOf),
        eb.exists(eb.selectFrom('claims as c').select(sql.lit(1).as('one')).whereRef('c.line_id', '=', 'w.line_id')),
        eb.exists(
          eb
            .selectFrom('price_observations as o')
            .select(sql.lit(1).as('one'))
            .whereRef('o.product_id', '=', 'w.product_id')
            .whereRef('o.observed_at', '>=', 'w.window_start')
            .whereRef('o.observed_at', '<', 'w.window_end')
            .whereRef('o.price_minor', '<', 'l.unit_price_minor'),
        ),
      ]),
    );
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
