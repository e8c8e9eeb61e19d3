/**
 * Rows an import could not use, kept for review (`feed_rejects`) instead of dropped: the file
 * or URL they came from, the line, the row as written and the reason. The same bad row imported
 * again is kept once.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from './rows.ts';

export type FeedKind = 'prices' | 'purchases';

export interface RowReject {
  readonly line: number;
  readonly raw: string;
  readonly reason: string;
}

export async function keepRejects(db: Db, feed: FeedKind, source: string, rejects: readonly RowReject[], now: string): Promise<void> {
  for (let i = 0; i < rejects.length; i += 300) {
    const rows = rejects.slice(i, i + 300).map((reject) => ({
      id: randomUUID(),
      feed,
      source,
      line: reject.line,
      raw: reject.raw,
      reason: reject.reason,
      fingerprint: createHash('sha256').update(`${feed}\0${source}\0${reject.line}\0${reject.raw}`).digest('hex'),
      created_at: now,
    }));
    await db.insertInto('feed_rejects').values(rows).onConflict((oc) => oc.doNothing()).execute();
  }
}

export interface StoredReject extends RowReject {
  readonly feed: FeedKind;
  readonly source: string;
  readonly createdAt: string;
}

export async function listRejects(db: Db, options: { feed?: FeedKind; limit?: number } = {}): Promise<StoredReject[]> {
  let query = db.selectFrom('feed_rejects').select(['feed', 'source', 'line', 'raw', 'reason', 'created_at']);
  if (options.feed) query = query.where('feed', '=', options.feed);
  const rows = await query.orderBy('created_at', 'desc').orderBy('source').orderBy('line').limit(options.limit ?? 200).execute();
  return rows.map((row) => ({ feed: row.feed as FeedKind, source: row.source, line: row.line, raw: row.raw, reason: row.reason, createdAt: row.created_at }));
}
