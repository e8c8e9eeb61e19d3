/**
 * Claim news: what a new or grown claim tells its customer — a notification (in the app and on
 * the desktop) and a timeline event — built from the facts of the claim (`ClaimNews`).
 *
 * Two ways to the customer, the same words:
 *   - now: a sweep, a purchase or the desk writes the news in the transaction of its claims;
 *   - through the outbox: a feed batch writes one `claim_news_outbox` row (the facts as JSON) in
 *     the transaction of its claims — nothing per claim on the batch's critical path — and
 *     `deliverClaimNews` turns rows into notifications and timeline events and deletes them, in
 *     one transaction. A row is delivered whole or not at all: a crash (even SIGKILL) between
 *     the claims' commit and delivery leaves the row for the next delivery, and a row already
 *     delivered is gone, so two deliveries — one after another or at once, in two processes —
 *     write each notification once (PostgreSQL: the second DELETE waits for the first's row
 *     lock, then finds nothing; SQLite: one writer at a time).
 * Delivery runs after a price import (importPriceRows, unless the caller delivers itself), on
 * every scheduler tick and when the server starts (whatever a killed import left).
 */
import type { Kysely } from 'kysely';
import type { Claim } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { addNotifications, type NewNotification } from '../notify/notifications.ts';
import { addTimelineEvents, STUDIO_ACTOR, type NewTimelineEvent } from '../notify/timeline.ts';
import { labelsOf, type LabelKey } from './load.ts';
import { claimGrownMessage, claimOpenedMessage, claimTimelineText, type LineLabel } from './messages.ts';
import { loadPolicies, type Db, type RetailerPolicies } from './rows.ts';
import { retryTransient } from './transient.ts';

/** One claim's news, as facts (the words are written on delivery, in the customer's locale). */
export interface ClaimNews extends LabelKey {
  readonly claimId: string;
  readonly quantity: number;
  readonly claim: Claim;
  /** The claim before it grew; null for a new claim. */
  readonly before: Claim | null;
  /** When the claim was written: the notification's and the event's time. */
  readonly at: string;
}

/** The notifications and timeline events of some claim news (lines without a label: nobody to tell). */
export function newsMessages(news: readonly ClaimNews[], labels: ReadonlyMap<string, LineLabel>): { notifications: NewNotification[]; events: NewTimelineEvent[] } {
  const notifications: NewNotification[] = [];
  const events: NewTimelineEvent[] = [];
  for (const n of news) {
    const label = labels.get(n.lineId);
    if (!label) continue;
    const message = n.before ? claimGrownMessage(label, n.before, n.claim) : claimOpenedMessage(label, n.claim, n.quantity);
    const kind = n.before ? 'claim.grown' : 'claim.detected';
    const data = { claimId: n.claimId, lineId: n.lineId, productId: n.productId, amount: n.claim.amount, evidenceObservationId: n.claim.evidence.observationId };
    notifications.push({ userId: label.customerId, kind, title: message.title, body: message.body, link: `/claims/${n.claimId}`, data });
    events.push({ projectId: label.projectId, subjectUserId: label.customerId, actorName: STUDIO_ACTOR, kind, text: claimTimelineText(label, n.claim, n.before !== null), at: n.at });
  }
  return { notifications, events };
}

/** Writes news now, in the caller's transaction, with labels already read. */
export async function writeClaimNews(db: Db, news: readonly ClaimNews[], labels: ReadonlyMap<string, LineLabel>, extraEvents: readonly NewTimelineEvent[], now: string): Promise<void> {
  const { notifications, events } = newsMessages(news, labels);
  await addNotifications(db, notifications, now);
  await addTimelineEvents(db, [...events, ...extraEvents]);
}

/** Queues news in the caller's transaction: one outbox row, whatever the number of claims. */
export async function queueClaimNews(db: Db, news: readonly ClaimNews[], now: string): Promise<void> {
  if (news.length === 0) return;
  await db.insertInto('claim_news_outbox').values({ news: JSON.stringify(news), created_at: now }).execute();
}

/** Outbox rows taken per delivery transaction. */
const ROWS_PER_DELIVERY = 8;

export interface DeliveryOptions {
  readonly policies?: RetailerPolicies;
  /** Tests: called inside the delivery transaction after its writes, before commit. */
  readonly beforeCommit?: () => void | Promise<void>;
}

/**
 * Delivers every queued row: notifications and timeline events written and the row deleted in
 * one transaction, oldest rows first. Returns how many claims' news were delivered.
 */
export async function deliverClaimNews(db: Kysely<Database>, options: DeliveryOptions = {}): Promise<number> {
  let policies = options.policies;
  let delivered = 0;
  for (;;) {
    const taken = await retryTransient(() =>
      db.transaction().execute(async (trx) => {
        const rows = await trx
          .deleteFrom('claim_news_outbox')
          .where('id', 'in', (eb) => eb.selectFrom('claim_news_outbox').select('id').orderBy('id').limit(ROWS_PER_DELIVERY))
          .returning(['id', 'news'])
          .execute();
        if (rows.length === 0) return { rows: 0, news: 0 };
        rows.sort((a, b) => Number(a.id) - Number(b.id));
        const news = rows.flatMap((row) => JSON.parse(row.news) as ClaimNews[]);
        policies ??= await loadPolicies(trx);
        const labels = await labelsOf(trx, news, policies);
        const { notifications, events } = newsMessages(news, labels);
        // Each notification keeps the time of its claim (its event's, pushed in step); most rows share one.
        const byTime = new Map<string, NewNotification[]>();
        for (const [i, notification] of notifications.entries()) {
          const at = events[i]!.at;
          let list = byTime.get(at);
          if (!list) byTime.set(at, (list = []));
          list.push(notification);
        }
        for (const [at, list] of byTime) await addNotifications(trx, list, at);
        await addTimelineEvents(trx, events);
        await options.beforeCommit?.();
        return { rows: rows.length, news: news.length };
      }),
    );
    if (taken.rows === 0) return delivered;
    delivered += taken.news;
  }
}
