/**
 * The signed-in person's notification settings as the app needs them to raise desktop alerts:
 * fetched once per person (and again after they change them), defaults until then or when the
 * server cannot be reached — a failed fetch never silences alerts the person wanted.
 */
import { getNotificationSettings } from '../../../core/api/privacy.ts';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from '../../../core/notify/preferences.ts';
import { api } from '../../app/studio.ts';

let cached: { userId: string; settings: NotificationSettings } | null = null;
let loading: { userId: string; promise: Promise<void> } | null = null;

export function notificationSettingsFor(userId: string): NotificationSettings {
  return cached?.userId === userId ? cached.settings : DEFAULT_NOTIFICATION_SETTINGS;
}

export function rememberNotificationSettings(userId: string, settings: NotificationSettings): void {
  cached = { userId, settings };
}

export function loadNotificationSettings(userId: string): Promise<void> {
  if (cached?.userId === userId) return Promise.resolve();
  if (loading?.userId === userId) return loading.promise;
  const promise = api
    .call(getNotificationSettings)
    .then(({ settings }) => rememberNotificationSettings(userId, settings))
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
  loading = { userId, promise };
  return promise;
}
