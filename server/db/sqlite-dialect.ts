import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { SqliteDialect } from 'kysely';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SqliteDialect speaks to a better-sqlite3-shaped object; this adapts Node's built-in
 * `node:sqlite` to it, so the embedded store needs no native addon (nothing to rebuild for
 * Electron). `reader` is whether the statement returns columns.
 */
function toSqliteValue(value: unknown): SQLInputValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`Cannot bind a ${typeof value} to SQLite`);
}

function* plainRows(rows: Iterable<unknown>, toRow: (values: readonly unknown[]) => Record<string, unknown>): IterableIterator<unknown> {
  for (const row of rows) yield toRow(row as unknown[]);
}

function adaptStatement(database: DatabaseSync, sql: string): SqliteStatement {
  const statement = database.prepare(sql);
  const columns = statement.columns().map((column) => column.name);
  const reader = columns.length > 0;
  // node:sqlite's row objects have a null prototype (and are slow to build); plain objects behave
  // like every other driver's. Rows read as arrays and made into objects here, keys always added
  // in the same order, are plain and about twice as fast as copying (a sweep reads a million).
  if (reader) statement.setReturnArrays(true);
  const toRow = (values: readonly unknown[]): Record<string, unknown> => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = values[i];
    return row;
  };
  return {
    reader,
    all: (parameters) => (statement.all(...parameters.map(toSqliteValue)) as unknown as unknown[][]).map(toRow),
    run: (parameters) => {
      const result = statement.run(...parameters.map(toSqliteValue));
      return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
    },
    // A stream is read lazily: it gets a statement of its own, so a cached one run meanwhile cannot reset it.
    iterate: (parameters) => {
      const own = database.prepare(sql);
      if (reader) own.setReturnArrays(true);
      return plainRows(own.iterate(...parameters.map(toSqliteValue)), toRow);
    },
  };
}

/** Statements kept prepared per connection: a feed batch or a sweep page runs the same few again and again. */
const STATEMENT_CACHE_SIZE = 256;
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** WAL pages (4 KiB each) after which a commit checkpoints: ~64 MB. */
export const WAL_AUTOCHECKPOINT_PAGES = 16_384;

/** The page cache of a connection, as SQLite's `cache_size` (negative: KiB). */
export const SQLITE_CACHE_KIB = -16_384;

export function openSqlite(file: string): DatabaseSync {
  const database = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  if (file !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  database.exec('PRAGMA busy_timeout = 5000');
  // Checkpoint every ~64 MB of WAL rather than every 4 MB: a bulk write (a feed batch, a sweep)
  // otherwise pays a checkpoint, with its fsyncs, on nearly every commit.
  database.exec(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // Up to 16 MiB of pages kept per connection (SQLite's default is 2 MiB; 64 MiB did the watch batch
  // no better and made a 100k-row catalog import hold 100 MB more than a 10k one), allocated as they are
  // read: a feed batch touches a few thousand index pages spread over a store of a million
  // watches, and re-reading each from the OS on every batch costs more than detecting the drops.
  database.exec(`PRAGMA cache_size = ${SQLITE_CACHE_KIB}`);
  return database;
}

export function sqliteDialect(database: DatabaseSync): SqliteDialect {
  // Kysely prepares every query it runs; reusing the prepared statement for the same SQL text
  // saves SQLite parsing and planning it again (large multi-row statements most of all). Anything
  // else (DDL, pragmas, transaction control) is prepared afresh and empties the cache, as a schema
  // change could alter what a cached statement's columns are.
  const cache = new Map<string, SqliteStatement>();
  const adapter: SqliteDatabase = {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare: (sql) => {
      if (!CACHEABLE.test(sql)) {
        if (!/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(sql)) cache.clear();
        return adaptStatement(database, sql);
      }
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is evicted first.
        cache.delete(sql);
      } else {
        statement = adaptStatement(database, sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
  return new SqliteDialect({ database: adapter });
}
