/**
 * [Collab] The ordered stream of live updates and compactions to the store. Every update a client
 * sends is queued here before it is applied and relayed, and acknowledged once committed
 * (server.ts, acks.ts); one transaction per update would make the store the relay's bottleneck,
 * so the sink commits them in groups, in arrival order (ids follow it), and each append resolves
 * only once its own update is committed. On SQLite the sink is the store worker (sqlite-sink.ts);
 * otherwise batches go through Kysely (kyselySink, below).
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
import { WRITE_WINDOW_MS, type Compaction, type UpdateSink } from './sqlite-sink.ts';
import { pendingUpdateCount } from './store.ts';

const MAX_BATCH = 500;

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
 * connection (sqlite-sink.ts), so a write never holds the relay's thread; without one, batches
 * go through `db` (kyselySink). `onStored` hears, once per turn of commits, which options they
 * added to (to decide on compaction).
 */
export function createUpdateWriter(db: Kysely<Database>, sink: Pick<UpdateSink, 'append' | 'compact'> = kyselySink(db), options: { readonly onStored?: (optionIds: ReadonlySet<string>) => void } = {}): UpdateWriter {
  const counts = new Map<string, number>();
  // Requests not yet settled, and who waits for there to be none (drained).
  let pending = 0;
  let idle: PromiseWithResolvers<void> | null = null;
  let stored = new Set<string>();
  const report = (): void => {
    const optionIds = stored;
    stored = new Set();
    options.onStored?.(optionIds);
  };
  // One callback pair per request (this is the relay's hot path): it settles the count, then
  // does `then` on success and passes a failure on as it was.
  const track = (request: Promise<void>, then: () => void): Promise<void> => {
    pending++;
    const settled = (): void => {
      if (--pending === 0 && idle) {
        idle.resolve();
        idle = null;
      }
    };
    return request.then(
      () => {
        settled();
        then();
      },
      (error: unknown) => {
        settled();
        throw error;
      },
    );
  };
  // Settled in the order queued, so these run in that order too: a compaction resets the count
  // after the updates before it were counted, and before those after it are.
  const counted = (optionId: string): void => {
    const count = counts.get(optionId);
    if (count !== undefined) counts.set(optionId, count + 1);
    if (stored.size === 0) setImmediate(report);
    stored.add(optionId);
  };

  return {
    append: (optionId, update) => track(sink.append(optionId, update), () => counted(optionId)),
    compact: (compaction) =>
      track(sink.compact(compaction), () => {
        if (counts.has(compaction.optionId)) counts.set(compaction.optionId, 0);
      }),
    async storedCount(optionId) {
      const known = counts.get(optionId);
      if (known !== undefined) return known;
      const count = await pendingUpdateCount(db, optionId);
      if (!counts.has(optionId)) counts.set(optionId, count);
      return counts.get(optionId)!;
    },
    async drained() {
      if (pending === 0) return;
      idle ??= Promise.withResolvers<void>();
      await idle.promise;
    },
  };
}

type Entry =
  | { readonly kind: 'append'; readonly optionId: string; readonly update: Uint8Array; resolve(): void; reject(error: unknown): void }
  | { readonly kind: 'compact'; readonly compaction: Compaction; resolve(): void; reject(error: unknown): void };
type Append = Extract<Entry, { kind: 'append' }>;

/**
 * Group commit through Kysely (PostgreSQL; SQLite without the worker): the updates that arrive
 * within WRITE_WINDOW_MS of the first one waiting, and those arriving while a write is in flight,
 * go out together in ONE statement, in arrival order (ids follow it), and each append resolves
 * only once its batch has committed. A compaction is its own transaction, in the same order.
 */
export function kyselySink(db: Kysely<Database>): Pick<UpdateSink, 'append' | 'compact'> {
  let queue: Entry[] = [];
  let flushing: Promise<void> | null = null;

  const writeCompaction = async ({ optionId, state, document }: Compaction, at: string): Promise<void> => {
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
        await writeCompaction(head.compaction, at).then(head.resolve, head.reject);
        continue;
      }
      let size = 0;
      while (size < queue.length && size < MAX_BATCH && queue[size]!.kind === 'append') size++;
      const batch = queue.slice(0, size) as Append[];
      queue = queue.slice(size);
      try {
        await db
          .insertInto('option_updates')
          .values(batch.map((entry) => ({ option_id: entry.optionId, update: entry.update, created_at: at })))
          .execute();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        continue;
      }
      for (const entry of batch) entry.resolve();
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
  };
}
