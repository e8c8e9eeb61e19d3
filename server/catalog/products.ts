import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { ProductSchema } from '../../core/api/schemas.ts';
import type { Database, ProductsTable } from '../db/schema.ts';

export type Product = z.infer<typeof ProductSchema>;

export function toProduct(row: Selectable<ProductsTable> & { retailer_name: string }): Product {
  return {
    id: row.id,
    retailerId: row.retailer_id,
    retailerName: row.retailer_name,
    sku: row.sku,
    name: row.name,
    category: row.category as Product['category'],
    widthMm: row.width_mm,
    depthMm: row.depth_mm,
    heightMm: row.height_mm,
    price: { amountMinor: row.price_minor, currency: row.currency },
    colours: JSON.parse(row.colours) as string[],
    styleTags: JSON.parse(row.style_tags) as string[],
    materials: JSON.parse(row.materials) as string[],
    modelUrl: row.model_url,
    productUrl: row.product_url,
    imageUrl: row.image_url,
    finalSale: row.final_sale === 1,
  };
}

export function productQuery(db: Kysely<Database>) {
  return db.selectFrom('products').innerJoin('retailers', 'retailers.id', 'products.retailer_id').selectAll('products').select('retailers.name as retailer_name');
}

export async function productsByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await productQuery(db).where('products.id', 'in', ids).execute();
  return rows.map(toProduct);
}

export async function productById(db: Kysely<Database>, id: string): Promise<Product | null> {
  const row = await productQuery(db).where('products.id', '=', id).executeTakeFirst();
  return row ? toProduct(row) : null;
}

export interface PricePoint {
  readonly observedAt: string;
  readonly price: { readonly amountMinor: number; readonly currency: string };
  readonly source: string;
}

/** A product's observed prices, oldest first: the most recent `limit` within [from, to]. */
export async function priceHistory(db: Kysely<Database>, productId: string, range: { from?: string; to?: string; limit: number }): Promise<PricePoint[]> {
  let query = db.selectFrom('price_observations').select(['observed_at', 'price_minor', 'currency', 'source']).where('product_id', '=', productId);
  if (range.from) query = query.where('observed_at', '>=', new Date(range.from).toISOString());
  if (range.to) query = query.where('observed_at', '<=', new Date(range.to).toISOString());
  const rows = await query.orderBy('observed_at', 'desc').orderBy('id', 'desc').limit(range.limit).execute();
  return rows.reverse().map((row) => ({ observedAt: row.observed_at, price: { amountMinor: Number(row.price_minor), currency: row.currency }, source: row.source }));
}
