/**
 * Price observations in: `atelier prices import FILE`, and the feed poller (feeds.ts).
 *
 * Native CSV `retailer,sku,price,currency,observed_at`. Rows are checked one by one; a bad row is
 * reported with its line and reason and kept aside in `feed_rejects`, and the rest of the file
 * goes on. Good rows are written in batches, one transaction each: the observations (stored
 * once: the same product, instant and price again is a no-op), the product's current price when
 * an observation is its newest, and the claims they cause with their news in the outbox — so an
 * import killed half-way leaves whole batches, and running it again finishes the rest without
 * claiming anything twice. The news is delivered (notifications, timeline events) once the
 * import's batches have committed, with whatever an earlier, killed import left (news.ts).
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { canonicalOf, instantMs, type PriceObservation } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { readCsvRows, rowPrice, type CsvRowEvent } from './csv-rows.ts';
import { detectForObservations } from './detect.ts';
import { deliverClaimNews } from './news.ts';
import { keepRejects, type RowReject } from './rejects.ts';
import { chunks, loadPolicies, type RetailerPolicies } from './rows.ts';
import { addCounts, emptyCounts, type SettleCounts } from './settle.ts';
import { retryTransient } from './transient.ts';

export const PRICE_COLUMNS = ['retailer', 'sku', 'price', 'currency', 'observed_at'] as const;

/** A feed's clock may run a little ahead of ours; beyond this an observation is "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface PriceImportOptions {
  /** Where the rows came from: a file path or a feed URL (stored with each observation). */
  readonly source: string;
  readonly now?: Date;
  /** A retailer's own feed: rows may leave out `retailer`, and may not name another one. */
  readonly feedRetailer?: string;
  readonly batchSize?: number;
  /** false: leave the claims' news in the outbox for the caller to deliver (deliverClaimNews). */
  readonly deliverNews?: boolean;
}

export interface PriceImportReport extends SettleCounts {
  readonly source: string;
  rows: number;
  observationsAdded: number;
  /** Valid rows whose observation was already stored (a repeated row or a re-import). */
  observationsKnown: number;
  productsRepriced: number;
  /** Time spent checking the new observations against watches and writing what they caused. */
  detectionMs: number;
  readonly rejected: { line: number; reason: string }[];
}

interface GoodRow {
  readonly line: number;
  readonly raw: string;
  readonly retailerId: string;
  readonly retailerName: string;
  readonly sku: string;
  readonly priceMinor: number;
  readonly currency: string;
  readonly observedAt: string;
}

export async function importPricesFile(db: Kysely<Database>, file: string, options: Omit<PriceImportOptions, 'source'> & { source?: string } = {}): Promise<PriceImportReport> {
  const source = options.source ?? path.resolve(file);
  return importPriceRows(db, readCsvRows(createReadStream(file, { highWaterMark: 64 * 1024 }), priceShape(options.feedRetailer)), { ...options, source });
}

export function priceShape(feedRetailer?: string) {
  const required = feedRetailer ? PRICE_COLUMNS.filter((c) => c !== 'retailer') : [...PRICE_COLUMNS];
  return { name: 'prices', required, optional: feedRetailer ? ['retailer'] : [] };
}

export async function importPriceRows(db: Kysely<Database>, events: AsyncIterable<CsvRowEvent> | Iterable<CsvRowEvent>, options: PriceImportOptions): Promise<PriceImportReport> {
  const now = options.now ?? new Date();
  const stamp = now.toISOString();
  const latestAllowed = now.getTime() + FUTURE_TOLERANCE_MS;
  const batchSize = options.batchSize ?? 1000;
  const policies = await loadPolicies(db);
  const retailers = new Map([...policies.byId].map(([id, r]) => [r.name.toLowerCase(), { id, name: r.name, currency: r.currency }]));
  const report: PriceImportReport = { source: options.source, rows: 0, observationsAdded: 0, observationsKnown: 0, productsRepriced: 0, detectionMs: 0, rejected: [], ...emptyCounts() };
  let batch: GoodRow[] = [];
  let rejects: RowReject[] = [];

  const check = (line: number, raw: string, values: Readonly<Record<string, string>>): GoodRow | string => {
    const retailerName = values.retailer || options.feedRetailer || '';
    const retailer = retailers.get(retailerName.toLowerCase());
    if (!retailer) return retailerName ? `unknown retailer "${retailerName}"` : 'retailer is empty';
    if (options.feedRetailer && retailer.name.toLowerCase() !== options.feedRetailer.toLowerCase()) return `row names retailer "${retailerName}" but this is ${options.feedRetailer}'s feed`;
    if (!values.sku) return 'sku is empty';
    const price = rowPrice({ currency: values.currency, amount: values.price }, 'price', retailer);
    if (typeof price === 'string') return price;
    const { currency, minor: priceMinor } = price;
    const observedAt = canonicalOf(values.observed_at ?? '');
    if (observedAt === null) return `observed_at "${values.observed_at}" is not an ISO-8601 date-time with Z or an offset`;
    if (instantMs(observedAt) > latestAllowed) return `observed_at ${values.observed_at} is in the future`;
    return { line, raw, retailerId: retailer.id, retailerName: retailer.name, sku: values.sku, priceMinor, currency, observedAt };
  };

  const flush = async () => {
    const rows = batch;
    const rowRejects = rejects;
    batch = [];
    rejects = [];
    await writePriceBatch(db, rows, rowRejects, options.source, stamp, policies, report);
  };

  for await (const event of events) {
    report.rows++;
    if (event.kind === 'reject') rejects.push(event);
    else {
      const checked = check(event.line, event.raw, event.values);
      if (typeof checked === 'string') rejects.push({ line: event.line, raw: event.raw, reason: checked });
      else batch.push(checked);
    }
    if (batch.length >= batchSize || rejects.length >= batchSize) await flush();
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  if (options.deliverNews !== false) await deliverClaimNews(db, { policies });
  return report;
}

async function writePriceBatch(db: Kysely<Database>, rows: readonly GoodRow[], rejects: RowReject[], source: string, now: string, policies: RetailerPolicies, report: PriceImportReport): Promise<void> {
  const products = await productsBySku(db, rows);
  const observations: { row: GoodRow; productId: string; productPrice: number }[] = [];
  for (const row of rows) {
    const product = products.get(`${row.retailerId}\0${row.sku}`);
    if (!product) rejects.push({ line: row.line, raw: row.raw, reason: `unknown SKU "${row.sku}" at ${row.retailerName}` });
    else observations.push({ row, productId: product.id, productPrice: product.price_minor });
  }
  for (const reject of rejects) report.rejected.push({ line: reject.line, reason: reject.reason });
  if (observations.length === 0 && rejects.length === 0) return;

  // One transaction per batch, run again whole if it lost a race for the store: nothing in it
  // is counted until it has committed.
  const done = await retryTransient(() =>
    db.transaction().execute(async (trx) => {
      const added: PriceObservation[] = [];
      for (const part of chunks(observations, 500)) {
        const inserted = await trx
          .insertInto('price_observations')
          .values(part.map((o) => ({ product_id: o.productId, price_minor: o.row.priceMinor, currency: o.row.currency, observed_at: o.row.observedAt, source, created_at: now })))
          .onConflict((oc) => oc.doNothing())
          .returning(['id', 'product_id', 'price_minor', 'currency', 'observed_at'])
          .execute();
        for (const o of inserted) added.push({ id: String(o.id), productId: o.product_id, unitPrice: { amountMinor: o.price_minor, currency: o.currency }, observedAt: o.observed_at });
      }
      await keepRejects(trx, 'prices', source, rejects, now);
      const repriced = await repriceProducts(trx, added, new Map(observations.map((o) => [o.productId, o.productPrice])), now);
      const detectStart = performance.now();
      const counts = await detectForObservations(trx, added, policies, now);
      return { added: added.length, repriced, counts, detectionMs: performance.now() - detectStart };
    }),
  );
  report.observationsAdded += done.added;
  report.observationsKnown += observations.length - done.added;
  report.productsRepriced += done.repriced;
  report.detectionMs += done.detectionMs;
  addCounts(report, done.counts);
}

async function productsBySku(db: Kysely<Database>, rows: readonly GoodRow[]) {
  const out = new Map<string, { id: string; price_minor: number }>();
  const byRetailer = new Map<string, string[]>();
  for (const row of rows) {
    let skus = byRetailer.get(row.retailerId);
    if (!skus) byRetailer.set(row.retailerId, (skus = []));
    skus.push(row.sku);
  }
  for (const [retailerId, skus] of byRetailer) {
    for (const part of chunks([...new Set(skus)], 500)) {
      const found = await db.selectFrom('products').select(['id', 'sku', 'price_minor']).where('retailer_id', '=', retailerId).where('sku', 'in', part).execute();
      for (const product of found) out.set(`${retailerId}\0${product.sku}`, product);
    }
  }
  return out;
}

/** A product's current price follows its newest observation. Returns how many products changed. */
async function repriceProducts(trx: Transaction<Database>, added: readonly PriceObservation[], currentPrice: ReadonlyMap<string, number>, now: string): Promise<number> {
  const newest = new Map<string, PriceObservation>();
  for (const o of added) {
    const held = newest.get(o.productId);
    if (!held || o.observedAt > held.observedAt || (o.observedAt === held.observedAt && o.unitPrice.amountMinor < held.unitPrice.amountMinor)) newest.set(o.productId, o);
  }
  const candidates = [...newest.values()].filter((o) => o.unitPrice.amountMinor !== currentPrice.get(o.productId));
  let changed = 0;
  for (const part of chunks(candidates, 500)) {
    const latest = await trx
      .selectFrom('price_observations')
      .select(['product_id', (eb) => eb.fn.max('observed_at').as('latest')])
      .where('product_id', 'in', part.map((o) => o.productId))
      .groupBy('product_id')
      .execute();
    const latestAt = new Map(latest.map((row) => [row.product_id, row.latest]));
    const newest = part.filter((o) => latestAt.get(o.productId) === o.observedAt);
    if (newest.length === 0) continue;
    // One statement for the chunk (UPDATE … FROM a VALUES list, which both engines speak).
    const values = sql.join(newest.map((o) => sql`(cast(${o.productId} as text), cast(${o.unitPrice.amountMinor} as integer))`));
    await sql`
      with repriced (id, price_minor) as (values ${values})
      update products set price_minor = repriced.price_minor, updated_at = ${now}
      from repriced where products.id = repriced.id`.execute(trx);
    changed += newest.length;
  }
  return changed;
}
