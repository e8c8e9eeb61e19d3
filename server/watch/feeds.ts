/**
 * Retailer price feeds by URL (http/https; CSV in the native prices format, or JSON), polled on
 * a schedule. A poll retries a failing fetch with exponential backoff (network errors, 5xx and
 * 429; a 4xx is the feed's answer and is not retried); a poll that still fails is recorded on
 * the feed (`last_error`, `failures`) and tried again sooner than the usual interval, backing off
 * the more it fails. What a feed brings goes through the same import as a file.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { readCsvRows, type CsvRowEvent } from './csv-rows.ts';
import { importPriceRows, priceShape, type PriceImportReport } from './prices.ts';

export type FeedFormat = 'csv' | 'json';

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 2000, maxDelayMs: 60_000, timeoutMs: 60_000 };

export interface Feed {
  readonly retailerId: string;
  readonly retailerName: string;
  readonly url: string;
  readonly format: FeedFormat;
  readonly intervalMinutes: number;
  readonly lastPolledAt: string | null;
  readonly lastError: string | null;
  readonly failures: number;
  readonly nextPollAt: string | null;
}

export function checkFeedUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HttpError(400, 'invalid_feed_url', `Feed URL "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new HttpError(400, 'invalid_feed_url', `Feed URL must be http or https, got ${parsed.protocol}`);
  return parsed;
}

export async function setFeed(db: Kysely<Database>, retailerId: string, change: { url: string; format?: FeedFormat; intervalMinutes?: number }, now = new Date()): Promise<void> {
  const url = checkFeedUrl(change.url);
  const format = change.format ?? (url.pathname.toLowerCase().endsWith('.json') ? 'json' : 'csv');
  const interval = change.intervalMinutes ?? 60;
  if (!Number.isSafeInteger(interval) || interval < 1) throw new HttpError(400, 'invalid_interval', `Feed interval must be a whole number of minutes ≥ 1, got ${change.intervalMinutes}`);
  const stamp = now.toISOString();
  const values = { url: url.toString(), format, interval_minutes: interval, next_poll_at: stamp, last_error: null, failures: 0, updated_at: stamp };
  await db
    .insertInto('price_feeds')
    .values({ retailer_id: retailerId, ...values, created_at: stamp })
    .onConflict((oc) => oc.column('retailer_id').doUpdateSet(values))
    .execute();
}

export async function removeFeed(db: Kysely<Database>, retailerId: string): Promise<boolean> {
  const result = await db.deleteFrom('price_feeds').where('retailer_id', '=', retailerId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listFeeds(db: Kysely<Database>): Promise<Feed[]> {
  const rows = await db.selectFrom('price_feeds as f').innerJoin('retailers as r', 'r.id', 'f.retailer_id').selectAll('f').select('r.name').orderBy('r.name').execute();
  return rows.map((row) => ({
    retailerId: row.retailer_id,
    retailerName: row.name,
    url: row.url,
    format: row.format as FeedFormat,
    intervalMinutes: row.interval_minutes,
    lastPolledAt: row.last_polled_at,
    lastError: row.last_error,
    failures: row.failures,
    nextPollAt: row.next_poll_at,
  }));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fetches with retries; the delay doubles from `baseDelayMs` up to `maxDelayMs`. */
export async function fetchWithRetry(url: string, retry: RetryPolicy = DEFAULT_RETRY, fetchImpl: typeof fetch = fetch): Promise<Response> {
  let lastError = 'no attempt made';
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      const response = await fetchImpl(url, { signal: AbortSignal.timeout(retry.timeoutMs), headers: { accept: 'text/csv, application/json;q=0.9, */*;q=0.5' } });
      if (response.ok) return response;
      lastError = `HTTP ${response.status} ${response.statusText}`.trim();
      await response.body?.cancel();
      if (response.status < 500 && response.status !== 429) throw new FeedError(lastError);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      lastError = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    }
    if (attempt < retry.attempts) await sleep(Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1)));
  }
  throw new FeedError(`${lastError} (after ${retry.attempts} attempts)`);
}

class FeedError extends Error {}

const MAX_JSON_BYTES = 64 * 1024 * 1024;

/** A JSON feed: an array of observations, or `{ "observations": [...] }`, as rows of the native format. */
function* jsonRows(text: string): Generator<CsvRowEvent> {
  const parsed: unknown = JSON.parse(text);
  const items = Array.isArray(parsed) ? parsed : (parsed as { observations?: unknown }).observations;
  if (!Array.isArray(items)) throw new FeedError('JSON feed must be an array of observations or { "observations": [...] }');
  for (const [index, item] of items.entries()) {
    const line = index + 1;
    const raw = JSON.stringify(item) ?? 'undefined';
    if (typeof item !== 'object' || item === null) {
      yield { kind: 'reject', line, raw, reason: 'malformed entry: expected an object' };
      continue;
    }
    const field = (...names: string[]) => {
      for (const name of names) {
        const value = (item as Record<string, unknown>)[name];
        if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
      }
      return '';
    };
    yield { kind: 'row', line, raw, values: { retailer: field('retailer'), sku: field('sku'), price: field('price'), currency: field('currency'), observed_at: field('observed_at', 'observedAt') } };
  }
}

async function feedRows(response: Response, feed: Feed): Promise<AsyncIterable<CsvRowEvent> | Iterable<CsvRowEvent>> {
  if (feed.format === 'json') {
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_JSON_BYTES) throw new FeedError(`JSON feed is larger than ${MAX_JSON_BYTES} bytes; serve CSV instead`);
    return jsonRows(await response.text());
  }
  if (!response.body) throw new FeedError('empty response');
  return readCsvRows(response.body as unknown as AsyncIterable<Uint8Array>, priceShape(feed.retailerName));
}

export interface PollResult {
  readonly retailer: string;
  readonly url: string;
  readonly ok: boolean;
  readonly error?: string;
  readonly report?: PriceImportReport;
}

export async function pollFeed(db: Kysely<Database>, feed: Feed, options: { now?: () => Date; retry?: RetryPolicy; fetchImpl?: typeof fetch } = {}): Promise<PollResult> {
  const clock = options.now ?? (() => new Date());
  try {
    const response = await fetchWithRetry(feed.url, options.retry, options.fetchImpl);
    const report = await importPriceRows(db, await feedRows(response, feed), { source: feed.url, feedRetailer: feed.retailerName, now: clock() });
    const stamp = clock();
    await db
      .updateTable('price_feeds')
      .set({ last_polled_at: stamp.toISOString(), last_error: null, failures: 0, next_poll_at: new Date(stamp.getTime() + feed.intervalMinutes * 60_000).toISOString() })
      .where('retailer_id', '=', feed.retailerId)
      .execute();
    return { retailer: feed.retailerName, url: feed.url, ok: true, report };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failures = feed.failures + 1;
    const stamp = clock();
    const backoffMinutes = Math.min(feed.intervalMinutes, 5 * 2 ** (failures - 1));
    await db
      .updateTable('price_feeds')
      .set({ last_polled_at: stamp.toISOString(), last_error: message, failures, next_poll_at: new Date(stamp.getTime() + backoffMinutes * 60_000).toISOString() })
      .where('retailer_id', '=', feed.retailerId)
      .execute();
    return { retailer: feed.retailerName, url: feed.url, ok: false, error: message };
  }
}

/** Polls every feed that is due (or all of them), one after another. */
export async function pollDueFeeds(db: Kysely<Database>, options: { now?: () => Date; retry?: RetryPolicy; fetchImpl?: typeof fetch; all?: boolean } = {}): Promise<PollResult[]> {
  const now = (options.now ?? (() => new Date()))().toISOString();
  const feeds = (await listFeeds(db)).filter((feed) => options.all || feed.nextPollAt === null || feed.nextPollAt <= now);
  const results: PollResult[] = [];
  for (const feed of feeds) results.push(await pollFeed(db, feed, options));
  return results;
}
