/**
 * Retrying work that lost a race for the store, not a logic error: SQLite's "database is locked"
 * (another process held the write lock past the busy timeout — a loaded machine, a long batch
 * elsewhere) and PostgreSQL's deadlock and serialization failures. Only for work that is safe to
 * run again whole: every watch write is guarded and every import batch idempotent.
 */
const TRANSIENT_PG_CODES = new Set(['40P01', '40001']);
const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

export function isTransientStoreError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, errcode } = error as Error & { code?: unknown; errcode?: unknown };
  if (typeof code === 'string' && TRANSIENT_PG_CODES.has(code)) return true;
  if (typeof errcode === 'number' && ((errcode & 0xff) === SQLITE_BUSY || (errcode & 0xff) === SQLITE_LOCKED)) return true;
  return /database is locked|database table is locked/.test(error.message);
}

export async function retryTransient<T>(work: () => Promise<T>, attempts = 6, baseDelayMs = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isTransientStoreError(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
}
