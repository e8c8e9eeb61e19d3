/**
 * [Collab] Group commit for live updates, and compaction in the same ordered stream. Every update
 * a client sends is queued here before it is applied and relayed, and acknowledged once committed
 * (server.ts, acks.ts); one INSERT per update would make the store the relay's bottleneck. The
 * updates that arrive within WRITE_WINDOW_MS of the first one waiting, and those arriving while a
 * write is in flight, go out together in ONE transaction, in arrival order (ids follow it), and
 * each append resolves only once its batch has committed.
 *
 * A compaction is queued in the same stream: the option's state and snapshot, read from its live
 * document, replace every update stored for it before — all of which the live document holds,
 * because the stream is written in order and every update queued before the compaction was
 * applied to the document before the state was read (server.ts). Updates queued after it stay.
 *
 * It also counts each option's stored updates, so deciding to compact costs no query.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Compaction, UpdateSink } from './sqlite-sink.ts';
import { pendingUpdateCount } from './store.ts';

const MAX_BATCH = 500;
/**
 * How long the first update of a batch waits for others. Each batch is a message to the store
 * worker and a commit; at 3,000 updates a second a window of a few milliseconds makes batches
 * of tens, and the sender's acknowledgement waits that much longer (the others never wait).
 */
export const WRITE_WINDOW_MS = 5;

type Entry =
  | { readonly kind: 'append'; readonly optionId: string; readonly update: Uint8Array; resolve(): void; reject(error: unknown): void }
  | { readonly kind: 'compact'; readonly compaction: Compaction; resolve(): void; reject(error: unknown): void };
type Append = Extract<Entry, { kind: 'append' }>;

export interface UpdateWriter {
  /** Resolves once the update is committed. */
  append(optionId: string, update: Uint8Array): Promise<void>;
  /** Resolves once the compaction is committed (after every update appended before it). */
  compact(compaction: Compaction): Promise<void>;
  /** Updates stored for the option since its last compaction (read from the store once, then counted). */
  storedCount(optionId: string): Promise<number>;
  /** Resolves when nothing is waiting or being written. */
  drained(): Promise<void>;
}

/**
 * `sink` writes somewhere other than through `db` — on SQLite, a worker thread with its own
 * connection (sqlite-sink.ts), so a write never holds the relay's thread. `onStored` hears which
 * options a committed batch added to (to decide on compaction).
 */
export function createUpdateWriter(db: Kysely<Database>, sink?: UpdateSink, options: { readonly onStored?: (optionIds: ReadonlySet<string>) => void } = {}): UpdateWriter {
  let queue: Entry[] = [];
  let flushing: Promise<void> | null = null;
  const counts = new Map<string, number>();

  const writeBatch = async (batch: readonly Append[], at: string): Promise<void> => {
    if (sink) return sink.write(batch, at);
    await db
      .insertInto('option_updates')
      .values(batch.map((entry) => ({ option_id: entry.optionId, update: entry.update, created_at: at })))
      .execute();
  };
  const writeCompaction = async (compaction: Compaction, at: string): Promise<void> => {
    if (sink) return sink.compact(compaction, at);
    const { optionId, state, document } = compaction;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('option_states')
        .values({ option_id: optionId, state, updated_at: at })
        .onConflict((oc) => oc.column('option_id').doUpdateSet({ state, updated_at: at }))
        .execute();
      await trx.deleteFrom('option_updates').where('option_id', '=', optionId).execute();
      await trx.updateTable('design_options').set({ document, updated_at: at }).where('id', '=', optionId).execute();
    });
  };

  const flush = async (): Promise<void> => {
    await new Promise<void>((resolve) => setTimeout(resolve, WRITE_WINDOW_MS));
    while (queue.length > 0) {
      const head = queue[0]!;
      const at = new Date().toISOString();
      if (head.kind === 'compact') {
        queue = queue.slice(1);
        try {
          await writeCompaction(head.compaction, at);
        } catch (error) {
          head.reject(error);
          continue;
        }
        if (counts.has(head.compaction.optionId)) counts.set(head.compaction.optionId, 0);
        head.resolve();
        continue;
      }
      let size = 0;
      while (size < queue.length && size < MAX_BATCH && queue[size]!.kind === 'append') size++;
      const batch = queue.slice(0, size) as Append[];
      queue = queue.slice(size);
      try {
        await writeBatch(batch, at);
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        continue;
      }
      const stored = new Set<string>();
      for (const entry of batch) {
        const count = counts.get(entry.optionId);
        if (count !== undefined) counts.set(entry.optionId, count + 1);
        stored.add(entry.optionId);
        entry.resolve();
      }
      options.onStored?.(stored);
    }
  };

  const schedule = (): void => {
    if (flushing) return;
    flushing = flush().finally(() => {
      flushing = null;
      if (queue.length > 0) schedule();
    });
  };
  const enqueue = (entry: (resolve: () => void, reject: (error: unknown) => void) => Entry): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      queue.push(entry(resolve, reject));
      schedule();
    });

  return {
    append: (optionId, update) => enqueue((resolve, reject) => ({ kind: 'append', optionId, update, resolve, reject })),
    compact: (compaction) => enqueue((resolve, reject) => ({ kind: 'compact', compaction, resolve, reject })),
    async storedCount(optionId) {
      const known = counts.get(optionId);
      if (known !== undefined) return known;
      const count = await pendingUpdateCount(db, optionId);
      if (!counts.has(optionId)) counts.set(optionId, count);
      return counts.get(optionId)!;
    },
    async drained() {
      while (flushing) await flushing;
    },
  };
}
