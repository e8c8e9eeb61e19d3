import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ProductInput } from '../../core/catalog.ts';
import type { RowResult } from '../../core/catalog/validate.ts';
import type { Database } from '../db/schema.ts';

export type { ProductInput, RowResult };

export interface ImportReport {
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: readonly { readonly line: number; readonly reason: string }[];
}

const BATCH = 500;

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

function sameColumns(a: Columns, b: Columns): boolean {
  return (Object.keys(a) as (keyof Columns)[]).every((k) => a[k] === b[k]);
}

async function writeBatch(trx: Transaction<Database>, retailerId: string, batch: readonly ProductInput[], source: string, now: string, counts: { imported: number; updated: number; unchanged: number }) {
  const existing = await trx
    .selectFrom('products')
    .select(['id', 'sku', 'name', 'category', 'width_mm', 'depth_mm', 'height_mm', 'price_minor', 'currency', 'colours', 'style_tags', 'materials', 'model_url', 'product_url', 'image_url', 'final_sale'])
    .where('retailer_id', '=', retailerId)
    .where('sku', 'in', batch.map((p) => p.sku))
    .execute();
  const bySku = new Map(existing.map((row) => [row.sku, row]));
  const inserts = [];
  const observations = [];
  for (const input of batch) {
    const columns = columnsOf(input);
    const current = bySku.get(input.sku);
    if (!current) {
      const id = randomUUID();
      inserts.push({ id, retailer_id: retailerId, sku: input.sku, ...columns, created_at: now, updated_at: now });
      observations.push({ product_id: id, price_minor: input.price.amountMinor, currency: input.price.currency, observed_at: now, source, created_at: now });
      counts.imported++;
      continue;
    }
    const { id, sku: _sku, ...stored } = current;
    if (sameColumns(stored as Columns, columns)) {
      counts.unchanged++;
      continue;
    }
    await trx.updateTable('products').set({ ...columns, updated_at: now }).where('id', '=', id).execute();
    if (stored.price_minor !== input.price.amountMinor) {
      observations.push({ product_id: id, price_minor: input.price.amountMinor, currency: input.price.currency, observed_at: now, source, created_at: now });
    }
    counts.updated++;
  }
  if (inserts.length) await trx.insertInto('products').values(inserts).execute();
  if (observations.length) await trx.insertInto('price_observations').values(observations).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Upserts a feed's valid rows by retailer + SKU in one transaction: either the whole import
 * lands or none of it does. Every price that differs from what we had becomes an observation.
 * Re-importing the same rows changes nothing. Rows are consumed as a stream, in batches;
 * duplicate SKUs within one file are already rejected by the core feed parser.
 */
export async function importProducts(db: Kysely<Database>, retailerId: string, rows: AsyncIterable<RowResult> | Iterable<RowResult>, source: string, now = new Date()): Promise<ImportReport> {
  const rejected: { line: number; reason: string }[] = [];
  const counts = { imported: 0, updated: 0, unchanged: 0 };
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    let batch: ProductInput[] = [];
    for await (const row of rows) {
      if (!row.ok) {
        rejected.push({ line: row.line, reason: row.reason });
        continue;
      }
      batch.push(row.product);
      if (batch.length >= BATCH) {
        await writeBatch(trx, retailerId, batch, source, stamp, counts);
        batch = [];
      }
    }
    if (batch.length) await writeBatch(trx, retailerId, batch, source, stamp, counts);
  });
  return { ...counts, rejected };
}
