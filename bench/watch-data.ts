/**
 * A synthetic studio for the watch benchmark and the reliability tests: one retailer, products,
 * customers, purchase lines with their watches, and price observations — written straight into
 * the store (the import paths are measured elsewhere; here we need a million rows quickly).
 * Deterministic: the same options give the same data.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { seededRandom } from '../core/random.ts';
import { canonicalIso, windowFor } from '../core/watch/index.ts';
import type { Database } from '../server/db/schema.ts';
import { setRetailer } from '../server/catalog/retailers.ts';

export interface SyntheticStudio {
  readonly retailerId: string;
  readonly retailerName: string;
  readonly currency: string;
  readonly windowDays: number;
  readonly productIds: readonly string[];
  /** What each product cost when the lines were bought. */
  readonly basePriceMinor: readonly number[];
  readonly customerIds: readonly string[];
}


async function insertChunked<T extends keyof Database & string>(db: Kysely<Database>, table: T, rows: readonly object[], chunk: number): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

export async function createSyntheticStudio(db: Kysely<Database>, options: { products: number; customers: number; windowDays?: number; name?: string }): Promise<SyntheticStudio> {
  const windowDays = options.windowDays ?? 14;
  const name = options.name ?? 'Bench Home';
  const { retailer } = await setRetailer(db, { name, currency: 'USD', policy: { windowDays, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true } });
  const stamp = '2024-01-01T00:00:00.000Z';
  const productIds: string[] = [];
  const basePriceMinor: number[] = [];
  const products = [];
  for (let p = 0; p < options.products; p++) {
    const id = randomUUID();
    const price = 10_000 + (p % 400) * 250;
    productIds.push(id);
    basePriceMinor.push(price);
    products.push({ id, retailer_id: retailer.id, sku: `B-${p}`, name: `Bench piece ${p}`, category: 'chair', width_mm: 500, depth_mm: 500, height_mm: 800, price_minor: price, currency: 'USD', colours: '[]', style_tags: '[]', materials: '[]', model_url: null, product_url: null, image_url: null, final_sale: 0, created_at: stamp, updated_at: stamp });
  }
  await insertChunked(db, 'products', products, 200);
  const customerIds: string[] = [];
  const users = [];
  for (let c = 0; c < options.customers; c++) {
    const id = randomUUID();
    customerIds.push(id);
    users.push({ id, email: `bench-${c}@${name.toLowerCase().replace(/\W+/g, '-')}.test`, name: `Customer ${c}`, role: 'customer', password_hash: 'not-a-login', preferences: '{}', created_at: stamp });
  }
  await insertChunked(db, 'users', users, 500);
  return { retailerId: retailer.id, retailerName: name, currency: 'USD', windowDays, productIds, basePriceMinor, customerIds };
}

/**
 * `count` lines, each of a random product bought at its price then by a random customer, at a
 * random instant in [fromMs, fromMs + spanMs), written in purchase order (as a studio writes
 * them: by time, not by product), each with its open watch.
 */
export async function insertSyntheticLines(db: Kysely<Database>, studio: SyntheticStudio, options: { count: number; fromMs: number; spanMs: number; seed?: number; prices?: PriceSchedule; onProgress?: (done: number) => void }): Promise<void> {
  const prices = options.prices ?? basePrices(studio);
  const random = seededRandom(options.seed ?? 1);
  const policy = { windowDays: studio.windowDays, windowFrom: 'purchase' as const, adjustments: 'one' as const, excludeFinalSale: true };
  const batch = 20_000;
  for (let start = 0; start < options.count; start += batch) {
    const lines: object[] = [];
    const watches: object[] = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      const p = Math.floor(random() * studio.productIds.length);
      const productId = studio.productIds[p]!;
      const purchasedMs = options.fromMs + Math.floor((i / options.count) * options.spanMs);
      const purchasedAt = canonicalIso(purchasedMs);
      const id = randomUUID();
      const quantity = 1 + Math.floor(random() * 3);
      const price = prices.priceAt(p, purchasedMs);
      lines.push({ id, customer_id: studio.customerIds[Math.floor(random() * studio.customerIds.length)]!, project_id: null, product_id: productId, retailer_id: studio.retailerId, quantity, unit_price_minor: price, currency: studio.currency, purchased_at: purchasedAt, delivered_at: null, order_ref: `BO-${i}`, final_sale: 0, created_at: purchasedAt });
      const window = windowFor({ id, productId, quantity, unitPricePaid: { amountMinor: price, currency: studio.currency }, purchasedAt, deliveredAt: null, finalSale: false }, policy);
      watches.push({ line_id: id, product_id: productId, status: 'open', closed_reason: null, closed_at: null, window_start: window?.start ?? null, window_end: window?.end ?? null });
    }
    await db.transaction().execute(async (trx) => {
      await insertChunked(trx, 'purchase_lines', lines, 400);
      await insertChunked(trx, 'watches', watches, 800);
    });
    options.onProgress?.(Math.min(options.count, start + batch));
  }
}

export interface SyntheticObservation {
  readonly productIndex: number;
  readonly priceMinor: number;
  readonly observedAt: string;
}

/** What a product costs at an instant. */
export interface PriceSchedule {
  priceAt(productIndex: number, atMs: number): number;
}

export function basePrices(studio: SyntheticStudio): PriceSchedule {
  return { priceAt: (productIndex) => studio.basePriceMinor[productIndex]! };
}

/**
 * Prices that move the way retailers move them: most products keep their base price;
 * `dropShare` of them go on sale at some moment of [fromMs, fromMs + spanMs) (5–20 % off) and
 * stay there, and a quarter of those are marked down once more halfway to the end.
 */
export function saleSchedule(studio: SyntheticStudio, options: { fromMs: number; spanMs: number; dropShare: number; seed?: number }): PriceSchedule {
  const seed = options.seed ?? 2;
  const endMs = options.fromMs + options.spanMs;
  const sales = studio.productIds.map((_, p) => {
    const own = seededRandom(seed * 1_000_003 + p);
    if (own() >= options.dropShare) return null;
    const startMs = options.fromMs + Math.floor(own() * options.spanMs);
    const percent = 80 + Math.floor(own() * 16);
    const deeperAtMs = own() < 0.25 ? startMs + Math.floor((endMs - startMs) / 2) : Number.POSITIVE_INFINITY;
    return { startMs, percent, deeperAtMs };
  });
  return {
    priceAt(productIndex, atMs) {
      const base = studio.basePriceMinor[productIndex]!;
      const sale = sales[productIndex];
      if (!sale || atMs < sale.startMs) return base;
      return Math.round((base * (atMs >= sale.deeperAtMs ? sale.percent - 10 : sale.percent)) / 100);
    },
  };
}

/** A feed: `count` observations at random instants in [fromMs, fromMs + spanMs), cycling over the products. */
export function syntheticFeed(studio: SyntheticStudio, prices: PriceSchedule, options: { count: number; fromMs: number; spanMs: number; seed?: number }): SyntheticObservation[] {
  const random = seededRandom(options.seed ?? 2);
  const out: SyntheticObservation[] = [];
  for (let i = 0; i < options.count; i++) {
    const productIndex = i % studio.productIds.length;
    const atMs = options.fromMs + Math.floor(random() * options.spanMs);
    out.push({ productIndex, priceMinor: prices.priceAt(productIndex, atMs), observedAt: canonicalIso(atMs) });
  }
  return out;
}

export async function insertObservations(db: Kysely<Database>, studio: SyntheticStudio, observations: readonly SyntheticObservation[], source = 'bench'): Promise<void> {
  const rows = observations.map((o) => ({ product_id: studio.productIds[o.productIndex]!, price_minor: o.priceMinor, currency: studio.currency, observed_at: o.observedAt, source, created_at: o.observedAt }));
  for (let i = 0; i < rows.length; i += 800) {
    await db
      .insertInto('price_observations')
      .values(rows.slice(i, i + 800))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** The same observations as lines of a native prices CSV. */
export function feedCsvLines(studio: SyntheticStudio, observations: readonly SyntheticObservation[]): string[] {
  return observations.map((o) => `${studio.retailerName},B-${o.productIndex},${(o.priceMinor / 100).toFixed(2)},${studio.currency},${o.observedAt}`);
}
