/**
 * Helpers for the [Watch] integration tests: the real `atelier` bin in a child process, CSV files
 * in a temp folder, and a catalog to buy from. Products are added through the catalog service
 * (server/catalog/import.ts), because the catalog's own CLI belongs to [Catalog]; everything the
 * watch does is driven through its CLI.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Category } from '../../core/catalog.ts';
import { money } from '../../core/money.ts';
import { importProducts } from '../../server/catalog/import.ts';
import type { Kysely } from 'kysely';
import { createUser } from '../../server/auth/users.ts';
import { findRetailer, setRetailer } from '../../server/catalog/retailers.ts';
import type { Database } from '../../server/db/schema.ts';
import { readCsvRows } from '../../server/watch/csv-rows.ts';
import { importPriceRows, priceShape } from '../../server/watch/prices.ts';
import { importPurchaseRows, PURCHASE_COLUMNS } from '../../server/watch/purchases.ts';
import { openStore, type StoreLocation } from '../../server/db/database.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/atelier.mjs');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The store flags for a test store, as a person would type them. */
export function storeArgs(location: StoreLocation): string[] {
  return location.databaseUrl ? ['--database-url', location.databaseUrl] : ['--data', location.dataDir!];
}

export function spawnAtelier(args: readonly string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function atelier(args: readonly string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnAtelier(args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin!.end(options.stdin ?? '');
  });
}

/** Runs the CLI and parses its --json answer; fails loudly with stderr when it did not succeed. */
export async function atelierJson(args: readonly string[], options: { stdin?: string } = {}): Promise<any> {
  const result = await atelier([...args, '--json'], options);
  if (result.code !== 0) throw new Error(`atelier ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

export function writeCsv(dir: string, name: string, header: string, rows: readonly string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
  return file;
}

export const PURCHASES_HEADER = 'customer_email,retailer,sku,quantity,unit_price,currency,purchased_at,delivered_at,order_ref';
export const PRICES_HEADER = 'retailer,sku,price,currency,observed_at';

export interface TestProduct {
  readonly sku: string;
  readonly name: string;
  readonly priceMinor: number;
  readonly finalSale?: boolean;
  readonly category?: Category;
}

export async function addProducts(location: StoreLocation, retailerName: string, products: readonly TestProduct[]): Promise<void> {
  const store = await openStore(location);
  try {
    await addProductsTo(store.db, retailerName, products);
  } finally {
    await store.close();
  }
}

export async function addProductsTo(db: Kysely<Database>, retailerName: string, products: readonly TestProduct[]): Promise<void> {
  const retailer = await findRetailer(db, retailerName);
  if (!retailer) throw new Error(`no retailer ${retailerName}`);
  const rows = products.map((p, i) => ({
    ok: true as const,
    line: i + 2,
    product: {
      sku: p.sku,
      name: p.name,
      category: p.category ?? 'sofa',
      widthMm: 2000,
      depthMm: 900,
      heightMm: 800,
      price: money(p.priceMinor, retailer.currency),
      colours: [],
      styleTags: [],
      materials: [],
      modelUrl: null,
      productUrl: null,
      imageUrl: null,
      finalSale: p.finalSale ?? false,
    },
  }));
  // Dated well before any test purchase, so the catalog's own observations never fall in a window.
  const report = await importProducts(db, retailer.id, rows, 'test-catalog', new Date('2020-01-01T00:00:00Z'));
  if (report.rejected.length) throw new Error(`products rejected: ${JSON.stringify(report.rejected)}`);
}

/** CSV text as the importers read it (a stream of one chunk). */
export async function* csvSource(header: string, rows: readonly string[]): AsyncGenerator<string> {
  yield `${header}\n${rows.join('\n')}\n`;
}

/**
 * A small studio to buy from: Alba Home (USD, 14 days from purchase, one adjustment, final sale
 * excluded) and Nordhus (EUR, 30 days from delivery, unlimited adjustments), two customers and
 * a designer.
 */
export async function watchWorld(db: Kysely<Database>): Promise<{ maya: string; jonas: string; designer: string }> {
  await setRetailer(db, { name: 'Alba Home', currency: 'USD', policy: { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true } });
  await setRetailer(db, { name: 'Nordhus', currency: 'EUR', policy: { windowDays: 30, windowFrom: 'delivery', adjustments: 'unlimited', excludeFinalSale: false } });
  await addProductsTo(db, 'Alba Home', [
    { sku: 'SOFA-1', name: 'Alba sofa', priceMinor: 120_000 },
    { sku: 'LAMP-1', name: 'Orbit lamp', priceMinor: 9_900, category: 'lamp' },
    { sku: 'RUG-9', name: 'Dune rug', priceMinor: 30_000, category: 'rug', finalSale: true },
  ]);
  await addProductsTo(db, 'Nordhus', [{ sku: 'CHAIR-2', name: 'Fjord chair', priceMinor: 45_000, category: 'armchair' }]);
  const maya = await createUser(db, { email: 'maya@t.test', name: 'Maya', role: 'customer', password: 'customer-password-m' });
  const jonas = await createUser(db, { email: 'jonas@t.test', name: 'Jonas', role: 'customer', password: 'customer-password-j' });
  const designer = await createUser(db, { email: 'des@t.test', name: 'Des', role: 'designer', password: 'designer-password' });
  return { maya: maya.id, jonas: jonas.id, designer: designer.id };
}

export function importPricesText(db: Kysely<Database>, rows: readonly string[], source = 'test-feed.csv', now?: Date) {
  return importPriceRows(db, readCsvRows(csvSource(PRICES_HEADER, rows), priceShape()), { source, now });
}

export function importPurchasesText(db: Kysely<Database>, rows: readonly string[], source = 'test-purchases.csv', now?: Date) {
  return importPurchaseRows(db, readCsvRows(csvSource(PURCHASES_HEADER, rows), { name: 'purchases', required: PURCHASE_COLUMNS }), { source, now });
}
