import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** A product as a feed row describes it, already validated and in our units. */
export interface ProductInput {
  readonly sku: string;
  readonly name: string;
  readonly category: string;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
  readonly priceMinor: number;
  readonly currency: string;
  readonly colours: readonly string[];
  readonly styleTags: readonly string[];
  readonly materials: readonly string[];
  readonly modelUrl: string | null;
  readonly productUrl: string | null;
  readonly imageUrl: string | null;
  readonly finalSale: boolean;
}

export type RowResult = { readonly line: number; readonly product: ProductInput } | { readonly line: number; readonly error: string };

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
    price_minor: input.priceMinor,
    currency: input.currency,
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
      observations.push({ product_id: id, price_minor: input.priceMinor, currency: input.currency, observed_at: now, source, created_at: now });
      counts.imported++;
      continue;
    }
    const { id, sku: _sku, ...stored } = current;
    if (sameColumns(stored, columns)) {
      counts.unchanged++;
      continue;
    }
    await trx.updateTable('products').set({ ...columns, updated_at: now }).where('id', '=', id).execute();
    if (stored.price_minor !== input.priceMinor) {
      observations.push({ product_id: id, price_minor: input.priceMinor, currency: input.currency, observed_at: now, source, created_at: now });
    }
    counts.updated++;
  }
  if (inserts.length) await trx.insertInto('products').values(inserts).execute();
  if (observations.length) await trx.insertInto('price_observations').values(observations).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Upserts a feed's valid rows by retailer + SKU in one transaction: either the whole import
 * lands or none of it does. Every price that differs from what we had becomes an observation.
 * Re-importing the same rows changes nothing. Rows are consumed as a stream, in batches.
 */
export async function importProducts(db: Kysely<Database>, retailerId: string, rows: AsyncIterable<RowResult> | Iterable<RowResult>, source: string, now = new Date()): Promise<ImportReport> {
  const rejected: { line: number; reason: string }[] = [];
  const counts = { imported: 0, updated: 0, unchanged: 0 };
  const seen = new Map<string, number>();
  const stamp = now.toISOString();
  await db.transaction().execute(async (trx) => {
    let batch: ProductInput[] = [];
    for await (const row of rows) {
      if ('error' in row) {
        rejected.push({ line: row.line, reason: row.error });
        continue;
      }
      const firstLine = seen.get(row.product.sku);
      if (firstLine !== undefined) {
        rejected.push({ line: row.line, reason: `duplicate SKU "${row.product.sku}" (first on line ${firstLine})` });
        continue;
      }
      seen.set(row.product.sku, row.line);
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
