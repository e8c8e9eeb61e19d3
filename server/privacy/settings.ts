/**
 * Notification settings per person (core/notify/preferences.ts). The server applies the channel
 * when it writes a notification: "none" writes nothing; "in-app" and "desktop" are written, and
 * the app raises a desktop alert only for "desktop", outside the person's quiet hours.
 */
import type { Kysely, Transaction } from 'kysely';
import { channelFor, DEFAULT_NOTIFICATION_SETTINGS, normaliseSettings, type NotificationSettings } from '../../core/notify/preferences.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function notificationSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const row = await db.selectFrom('notification_settings').select('settings').where('user_id', '=', userId).executeTakeFirst();
  return row ? normaliseSettings(JSON.parse(row.settings)) : DEFAULT_NOTIFICATION_SETTINGS;
}

export async function saveNotificationSettings(db: Db, userId: string, settings: NotificationSettings, now: string): Promise<NotificationSettings> {
  const clean = normaliseSettings(settings);
  const json = JSON.stringify(clean);
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, settings: json, updated_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ settings: json, updated_at: now }))
    .execute();
  return clean;
}

const LOOKUP_CHUNK = 500;

/** Keeps the notifications their recipients want at all (channel other than "none"). */
export async function wantedNotifications<T extends { readonly userId: string; readonly kind: string }>(db: Db, notifications: readonly T[]): Promise<T[]> {
  if (notifications.length === 0) return [];
  const userIds = [...new Set(notifications.map((n) => n.userId))];
  const settings = new Map<string, NotificationSettings>();
  for (let i = 0; i < userIds.length; i += LOOKUP_CHUNK) {
    const rows = await db.selectFrom('notification_settings').select(['user_id', 'settings']).where('user_id', 'in', userIds.slice(i, i + LOOKUP_CHUNK)).execute();
    for (const row of rows) settings.set(row.user_id, normaliseSettings(JSON.parse(row.settings)));
  }
  if (settings.size === 0) return [...notifications];
  return notifications.filter((n) => channelFor(settings.get(n.userId) ?? DEFAULT_NOTIFICATION_SETTINGS, n.kind) !== 'none');
}
