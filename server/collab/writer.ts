/**
 * [Collab] Group commit for live updates. Every update a client sends is queued here before it
 * is applied and relayed, and acknowledged once committed (server.ts, acks.ts); one INSERT per
 * update would make the store the relay's bottleneck. The updates read in one turn of the event
 * loop (from every socket that had data; the write waits for the turn to end), and those arriving
 * while a write is in flight, go out together in ONE multi-row insert, in arrival order (ids
 * follow the VALUES order), and each append resolves only once its batch has committed — the
 * store's round trips drop to one per batch.
 *
 * It also counts each option's stored updates, so deciding to compact costs no query.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { UpdateSink } from './sqlite-sink.ts';
import { pendingUpdateCount } from './store.ts';

const MAX_BATCH = 500;

interface Pending {
  readonly optionId: string;
  readonly update: Uint8Array;
  resolve(): void;
  reject(error: unknown): void;
}

export interface UpdateWriter {
  /** Resolves once the update is committed. */
  append(optionId: string, update: Uint8Array): Promise<void>;
  /** Updates stored for the option since its last compaction (read from the store once, then counted). */
  storedCount(optionId: string): Promise<number>;
  /** After a compaction: read the count again. */
  forgetCount(optionId: string): void;
  /** Resolves when nothing is waiting or being written. */
  drained(): Promise<void>;
}

/**
 * `sink` writes a batch somewhere other than through `db` — on SQLite, a worker thread with its
 * own connection (sqlite-sink.ts), so the write never holds the relay's thread.
 */
export function createUpdateWriter(db: Kysely<Database>, sink?: UpdateSink): UpdateWriter {
  let queue: Pending[] = [];

  // The batch being written, or about to be: set by the first append of a turn of the event loop.
  let flushing: Promise<void> | null = null;
  const counts = new Map<string, number>();

  const flush = async (): Promise<void> => {
    // Every update read from any socket in this turn of the event loop joins the batch, and the
    // write waits one turn more: the frames relayed in this turn leave first (coalesce.ts uncorks
    // at the end of it), before a synchronous SQLite write can hold the thread.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      const createdAt = new Date().toISOString();
      try {
        if (sink) await sink.write(batch.map((entry) => ({ optionId: entry.optionId, update: entry.update, createdAt })));
        else {
          await db
            .insertInto('option_updates')
            .values(batch.map((entry) => ({ option_id: entry.optionId, update: entry.update, created_at: createdAt })))
            .execute();
        }
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        continue;
      }
      for (const entry of batch) {
        const count = counts.get(entry.optionId);
        if (count !== undefined) counts.set(entry.optionId, count + 1);
        entry.resolve();
      }
    }
  };

  const schedule = (): void => {
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = null;
      if (queue.length > 0) schedule();
    });
  };

  return {
    append(optionId, update) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ optionId, update, resolve, reject });
        schedule();
      });
    },
    async storedCount(optionId) {
      const known = counts.get(optionId);
      if (known !== undefined) return known;
      const count = await pendingUpdateCount(db, optionId);
      if (!counts.has(optionId)) counts.set(optionId, count);
      return counts.get(optionId)!;
    },
    forgetCount(optionId) {
      counts.delete(optionId);
    },
    async drained() {
      while (flushing) await flushing;
    },
  };
}
