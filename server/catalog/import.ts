/**
 * Storing a catalog feed: valid rows are upserted by retailer + SKU, in ONE transaction per
 * import — either the whole import lands or none of it does (a crash or a kill mid-way leaves the
 * catalog as it was). Every price that differs from what we had, and every new product's price,
 * becomes a price observation. A row identical to the stored product changes nothing, so
 * re-importing the same file changes nothing.
 *
 * Rows arrive as a stream and are written in batches: memory holds one batch, the report's
 * rejected rows and the parser's SKU set, never the file.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ProductInput } from '../../core/catalog.ts';
import type { RejectedField, RowResult } from '../../core/catalog/validate.ts';
import type { Database, PriceObservationsTable, ProductsTable } from '../db/schema.ts';
import type { FeedKind, FeedReader } from './feed.ts';
import { setRetailerWithin, type Retailer, type RetailerChange } from './retailers.ts';

export type { ProductInput, RowResult };

export interface RejectedRowReport {
  /** the line (CSV, JSON lines) or item number (JSON array) */
  readonly line: number;
  readonly field: RejectedField;
  readonly reason: string;
  readonly sku?: string;
}

export interface ImportReport {
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly RejectedRowReport[];
}

export interface WriteOptions {
  /** where the rows came from, stored with each price observation ("catalog:feed.csv") */
  readonly source: string;
  readonly now?: Date;
  /** called after each batch with the rows read so far (valid or not) */
  readonly onProgress?: (rowsRead: number) => void;
}

const BATCH = 500;

const PRODUCT_COLUMNS = ['name', 'category', 'width_mm', 'depth_mm', 'height_mm', 'price_minor', 'currency', 'colours', 'style_tags', 'materials', 'model_url', 'product_url', 'image_url', 'final_sale'] as const;

function columnsOf(input: ProductInput) {
  return {
    name: input.name,
    category: input.category,
    width_mm: input.widthMm,
    depth_mm: input.depthMm,
    height_mm: input.heightMm,
    price_minor: input.price.amountMinor,
    currency: input.price.currency,
    colours: JSON.stringify(input.colours),
    style_tags: JSON.stringify(input.styleTags),
    materials: JSON.stringify(input.materials),
    model_url: input.modelUrl,
    product_url: input.productUrl,
    image_url: input.imageUrl,
    final_sale: input.finalSale ? 1 : 0,
  };
}

type Columns = ReturnType<typeof columnsOf>;

function sameColumns(stored: Readonly<Record<(typeof PRODUCT_COLUMNS)[number], unknown>>, incoming: Columns): boolean {
  // Numbers compare as numbers: a driver may hand back integer columns as strings.
  return PRODUCT_COLUMNS.every((column) => (typeof incoming[column] === 'number' ? Number(stored[column]) === incoming[column] : stored[column] === incoming[column]));
}

interface Counts {
  imported: number;
  updated: number;
  unchanged: number;
}

async function writeBatch(trx: Transaction<Database>, retailerId: string, batch: readonly ProductInput[], source: string, now: string, counts: Counts): Promise<void> {
  const existing = await trx
    .selectFrom('products')
    .select(['id', 'sku', ...PRODUCT_COLUMNS])
    .where('retailer_id', '=', retailerId)
    .where(
      'sku',
      'in',
      batch.map((p) => p.sku),
    )
    .execute();
  const bySku = new Map(existing.map((row) => [row.sku, row]));
  const rows: Insertable<ProductsTable>[] = [];
  const observations: Insertable<PriceObservationsTable>[] = [];
  for (const input of batch) {
    const columns = columnsOf(input);
    const current = bySku.get(input.sku);
    if (current && sameColumns(current, columns)) {
      counts.unchanged++;
      continue;
    }
    const id = current?.id ?? randomUUID();
    rows.push({ id, retailer_id: retailerId, sku: input.sku, ...columns, created_at: now, updated_at: now });
    if (!current || Number(current.price_minor) !== columns.price_minor || current.currency !== columns.currency) {
      observations.push({ product_id: id, price_minor: columns.price_minor, currency: columns.currency, observed_at: now, source, created_at: now });
    }
    if (current) counts.updated++;
    else counts.imported++;
  }
  if (rows.length > 0) {
    // New rows insert; changed rows conflict on their own id and take the new values (created_at stays).
    await trx
      .insertInto('products')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          ...Object.fromEntries(PRODUCT_COLUMNS.map((column) => [column, eb.ref(`excluded.${column}`)])),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  if (observations.length > 0) await trx.insertInto('price_observations').values(observations).onConflict((conflict) => conflict.doNothing()).execute();
}

/** Writes a feed's rows for one retailer inside the caller's transaction. */
export async function writeProducts(trx: Transaction<Database>, retailerId: string, rows: AsyncIterable<RowResult> | Iterable<RowResult>, options: WriteOptions): Promise<ImportReport> {
  const rejected: RejectedRowReport[] = [];
  const counts: Counts = { imported: 0, updated: 0, unchanged: 0 };
  const now = (options.now ?? new Date()).toISOString();
  let read = 0;
  let batch: ProductInput[] = [];
  const flush = async () => {
    if (batch.length > 0) await writeBatch(trx, retailerId, batch, options.source, now, counts);
    batch = [];
    options.onProgress?.(read);
  };
  for await (const row of rows) {
    read++;
    if (!row.ok) {
      rejected.push(row.sku === undefined ? { line: row.line, field: row.field, reason: row.reason } : { line: row.line, field: row.field, reason: row.reason, sku: row.sku });
      continue;
    }
    batch.push(row.product);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  if (counts.imported + counts.updated > 0) {
    // The retailer's row says when its catalog last changed: the search index watches it.
    await trx.updateTable('retailers').set({ updated_at: now }).where('id', '=', retailerId).execute();
  }
  return { ...counts, rejected };
}

/** Upserts rows for an existing retailer in one transaction (the seed catalog, tests, benchmarks). */
export async function importProducts(db: Kysely<Database>, retailerId: string, rows: AsyncIterable<RowResult> | Iterable<RowResult>, source: string, now = new Date()): Promise<ImportReport> {
  return db.transaction().execute((trx) => writeProducts(trx, retailerId, rows, { source, now }));
}

export interface CatalogImportRequest extends WriteOptions {
  /** the retailer by name; created when new (then `currency` is required) */
  readonly retailer: RetailerChange;
  /** the feed, read for the retailer's currency once it is known */
  readonly feed: (currency: string) => FeedReader;
}

export interface CatalogImportReport extends ImportReport {
  readonly retailer: Retailer;
  readonly retailerCreated: boolean;
  readonly kind: FeedKind;
}

/**
 * A whole catalog import — `atelier catalog import` and `POST /api/catalog/imports`: the retailer
 * (created if new) and its rows in one transaction, so a feed that cannot be read at all, or a
 * crash half-way, leaves no new retailer and no rows behind.
 */
export async function importCatalog(db: Kysely<Database>, request: CatalogImportRequest): Promise<CatalogImportReport> {
  const now = request.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const { retailer, created } = await setRetailerWithin(trx, request.retailer, now);
    const feed = request.feed(retailer.currency);
    const report = await writeProducts(trx, retailer.id, feed.rows, { ...request, now });
    return { ...report, retailer, retailerCreated: created, kind: feed.kind ?? 'csv' };
  });
}
