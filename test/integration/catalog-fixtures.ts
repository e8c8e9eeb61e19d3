/** Helpers the catalog integration tests share: store access, counts, CLI arguments per engine. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { openStore } from '../../server/db/database.ts';
import type { Database } from '../../server/db/schema.ts';
import type { TestStore } from './harness.ts';

export async function withDb<T>(store: TestStore, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const opened = await openStore(store.location);
  try {
    return await use(opened.db);
  } finally {
    await opened.close();
  }
}

export interface CatalogCounts {
  retailers: number;
  products: number;
  observations: number;
}

export async function catalogCounts(db: Kysely<Database>): Promise<CatalogCounts> {
  const count = async (table: 'retailers' | 'products' | 'price_observations') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { retailers: await count('retailers'), products: await count('products'), observations: await count('price_observations') };
}

/** `--data DIR` or `--database-url URL`: where the CLI finds this test store. */
export function storeArgs(store: TestStore): string[] {
  return store.location.databaseUrl ? ['--database-url', store.location.databaseUrl] : ['--data', store.location.dataDir as string];
}

/** A native-format CSV from rows of cells. */
export function nativeCsv(rows: readonly (readonly (string | number)[])[]): string {
  const header = 'sku,name,category,width_mm,depth_mm,height_mm,price,currency,colours,style_tags,materials,model_url,product_url,image_url,final_sale';
  const quote = (cell: string | number) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell));
  return `${[header, ...rows.map((row) => row.map(quote).join(','))].join('\n')}\n`;
}

/** One native row: sku, name, category, w, d, h, price, currency, then colours, styles, materials. */
export function productRow(sku: string, name: string, category: string, size: readonly [number, number, number], price: string, currency: string, extra: { colours?: string; styles?: string; materials?: string } = {}): (string | number)[] {
  return [sku, name, category, size[0], size[1], size[2], price, currency, extra.colours ?? 'grey', extra.styles ?? 'modern', extra.materials ?? 'oak', '', '', '', 'false'];
}

const BIN = path.resolve(import.meta.dirname, '../../bin/atelier.mjs');

/** Starts the real `atelier` bin in a child process. */
export function spawnAtelier(args: readonly string[]): ChildProcess & { stdout: NonNullable<ChildProcess['stdout']>; stderr: NonNullable<ChildProcess['stderr']> } {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }) as never;
}

/** Runs `atelier ARGS` to the end, as a person at a shell would. */
export function atelier(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnAtelier(args);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
