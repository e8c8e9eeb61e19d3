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

function* plainRows(rows: Iterable<unknown>): IterableIterator<unknown> {
  for (const row of rows) yield { ...(row as object) };
}

function adaptStatement(statement: StatementSync): SqliteStatement {
  const reader = statement.columns().length > 0;
  return {
    reader,
    // node:sqlite rows have a null prototype; plain objects behave like every other driver's.
    all: (parameters) => statement.all(...parameters.map(toSqliteValue)).map((row) => ({ ...row })),
    run: (parameters) => {
      const result = statement.run(...parameters.map(toSqliteValue));
      return { changes: result.changes, lastInsertRowid: result.lastInsertRowid };
    },
    iterate: (parameters) => plainRows(statement.iterate(...parameters.map(toSqliteValue))),
  };
}

export function openSqlite(file: string): DatabaseSync {
  const database = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
  if (file !== ':memory:') database.exec('PRAGMA journal_mode = WAL');
  database.exec('PRAGMA synchronous = NORMAL');
  database.exec('PRAGMA foreign_keys = ON');
  database.exec('PRAGMA busy_timeout = 5000');
  return database;
}

export function sqliteDialect(database: DatabaseSync): SqliteDialect {
  const adapter: SqliteDatabase = {
    close: () => database.close(),
    prepare: (sql) => adaptStatement(database.prepare(sql)),
  };
  return new SqliteDialect({ database: adapter });
}
