import { parseArgs, type ParseArgsConfig } from 'node:util';
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { openStore, type Store, type StoreLocation } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { defaultDataDir } from '../paths.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const STORE_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** --database-url, then ATELIER_DATABASE_URL, then --data, then ATELIER_DATA, then the default folder. */
export function storeLocation(values: { data?: string | undefined; 'database-url'?: string | undefined }, env: NodeJS.ProcessEnv = process.env): StoreLocation & { describe: string } {
  const databaseUrl = values['database-url'] ?? env.ATELIER_DATABASE_URL;
  if (databaseUrl) return { databaseUrl, describe: `PostgreSQL ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}` };
  const dataDir = values.data ?? defaultDataDir(env);
  return { dataDir, describe: dataDir };
}

/** Opens the store the options name, runs `work` on it (with the store, for work that needs its engine), and closes it whatever happens. */
export async function withStore<T>(values: { data?: string | undefined; 'database-url'?: string | undefined }, work: (db: Kysely<Database>, store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeLocation(values));
  try {
    return await work(store.db, store);
  } finally {
    await store.close();
  }
}

/** The single FILE argument of an import command: exactly one, and it must exist. */
export function singleFileArgument(positionals: readonly string[], usage: string): string {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(usage);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return file;
}
