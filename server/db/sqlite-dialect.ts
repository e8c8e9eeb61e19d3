import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
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

function adaptStatement(statement: StatementSync): SqliteStatement {
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
    iterate: (parameters) => plainRows(statement.iterate(...parameters.map(toSqliteValue)), toRow),
  };
}

export function openSqlite(file: string): DatabaseSync {
  const database = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  if (file !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  database.exec('PRAGMA busy_timeout = 5000');
  // Checkpoint every ~64 MB of WAL rather than every 4 MB: a bulk write (a feed batch, a sweep)
  // otherwise pays a checkpoint, with its fsyncs, on nearly every commit.
  database.exec('PRAGMA wal_autocheckpoint = 16384');
  return database;
}

export function sqliteDialect(database: DatabaseSync): SqliteDialect {
  const adapter: SqliteDatabase = {
    close: () => database.close(),
    prepare: (sql) => adaptStatement(database.prepare(sql)),
  };
  return new SqliteDialect({ database: adapter });
}
