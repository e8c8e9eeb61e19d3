/**
 * The server's background work for price watches: polls retailer feeds when they are due and
 * sweeps every watch on a schedule, and delivers claim news a killed import left in the outbox
 * (at start and on every tick). Quiet by design: with no feed configured a tick is two small
 * queries and no network traffic; the sweep runs every `sweepEveryMinutes` (0: never).
 * Ticks never overlap, and `stop()` waits for the one in flight.
 */
import type { Kysely } from 'kysely';
import type { StoreLocation } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { DEFAULT_RETRY, pollDueFeeds, type RetryPolicy } from './feeds.ts';
import { deliverClaimNews } from './news.ts';
import { sweepAll } from './sweep-parallel.ts';
import { sweepWatches } from './sweep.ts';

export interface SchedulerLog {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface WatchSchedulerOptions {
  readonly log: SchedulerLog;
  readonly tickMs?: number;
  readonly sweepEveryMinutes?: number;
  readonly retry?: RetryPolicy;
  /** Where the store is: lets a large sweep use worker threads (each opens its own connection). */
  readonly location?: StoreLocation;
}

export interface WatchScheduler {
  /** Runs one tick now (tests, and the CLI's `prices poll`). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function sweepIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.ATELIER_SWEEP_EVERY_MINUTES ?? 360);
  return Number.isFinite(value) && value >= 0 ? value : 360;
}

export function startWatchScheduler(db: Kysely<Database>, options: WatchSchedulerOptions): WatchScheduler {
  const sweepEveryMs = (options.sweepEveryMinutes ?? sweepIntervalFromEnv()) * 60_000;
  let nextSweepAt = Date.now() + sweepEveryMs;
  let running: Promise<void> | null = null;
  let stopped = false;
  // On start: whatever claim news a crash left undelivered goes out now, not a tick later.
  const starting = deliverClaimNews(db).then(
    () => undefined,
    (error: unknown) => options.log.error({ err: error }, 'claim news delivery failed'),
  );

  const work = async () => {
    await starting;
    // Claim news a killed import left in the outbox (news.ts): a query of an empty table when none.
    await deliverClaimNews(db);
    const feeds = await db.selectFrom('price_feeds').select('retailer_id').limit(1).execute();
    if (feeds.length > 0) {
      for (const result of await pollDueFeeds(db, { retry: options.retry ?? DEFAULT_RETRY })) {
        if (result.ok) options.log.info({ feed: result.url, added: result.report?.observationsAdded, claims: result.report?.claimsOpened }, `price feed of ${result.retailer} polled`);
        else options.log.error({ feed: result.url, error: result.error }, `price feed of ${result.retailer} failed`);
      }
    }
    if (sweepEveryMs > 0 && Date.now() >= nextSweepAt && !stopped) {
      nextSweepAt = Date.now() + sweepEveryMs;
      const report = options.location ? await sweepAll(options.location) : await sweepWatches(db);
      options.log.info({ ...report }, 'price watches swept');
    }
  };

  const tick = async () => {
    if (running || stopped) return running ?? undefined;
    running = work()
      .catch((error: unknown) => options.log.error({ err: error }, 'price watch tick failed'))
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void tick(), options.tickMs ?? 60_000);
  timer.unref();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await starting;
      await running;
    },
  };
}
