import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { startBackgroundCheckpoints, type Checkpointer } from './checkpointer.ts';
import { openSqlite, sqliteDialect } from './sqlite-dialect.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Engine } from './migrations/types.ts';

export type { Engine };

export interface StoreLocation {
  /** Folder for the embedded SQLite store (and uploaded files). */
  readonly dataDir?: string;
  /** postgres://… for a studio's shared PostgreSQL. */
  readonly databaseUrl?: string;
}

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'atelier.sqlite';

// PostgreSQL returns bigint (int8) as strings by default; counts and sums fit in a double.
pg.types.setTypeParser(20, (value) => Number(value));

export interface StoreOptions {
  /** A long-running server: SQLite's WAL checkpoints run in a worker, not inside a commit on the main thread. */
  readonly backgroundCheckpoints?: boolean;
  readonly onCheckpointError?: (message: string) => void;
}

export async function openStore(location: StoreLocation, options: StoreOptions = {}): Promise<Store> {
  let db: Kysely<Database>;
  let engine: Engine;
  let checkpointer: Checkpointer | null = null;
  if (location.databaseUrl) {
    engine = 'postgres';
    const pool = new pg.Pool({ connectionString: location.databaseUrl, max: 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    if (!location.dataDir) throw new Error('Either a data folder (--data) or a database URL (--database-url) is required');
    mkdirSync(location.dataDir, { recursive: true });
    engine = 'sqlite';
    const file = path.join(location.dataDir, SQLITE_FILE_NAME);
    const database = openSqlite(file);
    if (options.backgroundCheckpoints) checkpointer = startBackgroundCheckpoints(database, file, options.onCheckpointError ? { onError: options.onCheckpointError } : {});
    db = new Kysely<Database>({ dialect: sqliteDialect(database) });
  }
  const migrator = new Migrator({ db, provider: migrationProvider(engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await checkpointer?.stop();
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    db,
    engine,
    close: async () => {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
