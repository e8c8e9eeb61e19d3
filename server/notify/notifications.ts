/**
 * Notifications: what a person is told, in the app (and by the desktop app as a native
 * notification). Any feature adds them; they are written in the same transaction as the change
 * they announce, so a rolled-back change never leaves a message behind.
 */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { timeOrderedId } from '../db/ids.ts';
import type { Database, NotificationsTable } from '../db/schema.ts';
import { wantedNotifications } from '../privacy/settings.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  readonly userId: string;
  /** A stable name a client can switch on: `claim.detected`, `claim.grown`, … */
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  /** Where the app should go when the notification is opened (a renderer route). */
  readonly link?: string | null;
  readonly data?: Record<string, unknown>;
}

export interface Notification {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  readonly data: Record<string, unknown>;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export function notificationRow(notification: NewNotification, createdAt: string): Insertable<NotificationsTable> {
  return {
    id: timeOrderedId(),
    user_id: notification.userId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link ?? null,
    data: JSON.stringify(notification.data ?? {}),
    created_at: createdAt,
    read_at: null,
  };
}

const INSERT_CHUNK = 300;

/** Writes the notifications their recipients want: a kind whose topic someone set to "none" is not written for them. */
export async function addNotifications(db: Db, all: readonly NewNotification[], createdAt: string): Promise<void> {
  const notifications = await wantedNotifications(db, all);
  for (let i = 0; i < notifications.length; i += INSERT_CHUNK) {
    await db
      .insertInto('notifications')
      .values(notifications.slice(i, i + INSERT_CHUNK).map((n) => notificationRow(n, createdAt)))
      .execute();
  }
}

export function toNotification(row: Selectable<NotificationsTable>): Notification {
  return { id: row.id, kind: row.kind, title: row.title, body: row.body, link: row.link, data: JSON.parse(row.data) as Record<string, unknown>, createdAt: row.created_at, readAt: row.read_at };
}

export async function listNotifications(db: Db, userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<{ notifications: Notification[]; unreadCount: number }> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) query = query.where('read_at', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
  const unread = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return { notifications: rows.map(toNotification), unreadCount: Number(unread?.count ?? 0) };
}

/** Marks one of the person's notifications read (again is fine); null when it is not theirs or not there. */
export async function markNotificationRead(db: Db, userId: string, id: string, now: string): Promise<Notification | null> {
  await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  const row = await db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return row ? toNotification(row) : null;
}
