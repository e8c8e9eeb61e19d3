/**
 * Which notifications are new enough to raise as desktop notifications: unread ones this device
 * has not announced yet. The mark (the newest announced `createdAt` and the ids at that instant)
 * is kept per person in localStorage, so a reload or a second sign-in never announces twice, and
 * a claim found while the app was closed is still announced when it opens.
 */

export interface ArrivalMark {
  /** ISO instant of the newest notification already announced. */
  readonly at: string;
  /** Ids announced at exactly `at` (several can share one instant). */
  readonly ids: readonly string[];
}

interface Announceable {
  readonly id: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

import { channelFor, inQuietHours, type NotificationSettings } from '../../../core/notify/preferences.ts';

/** The most notifications one poll raises; the rest wait in the bell. */
export const MAX_DESKTOP_PER_POLL = 3;

export function newArrivals<T extends Announceable>(notifications: readonly T[], mark: ArrivalMark | null): T[] {
  return notifications.filter((n) => {
    if (n.readAt !== null) return false;
    if (!mark) return true;
    if (n.createdAt > mark.at) return true;
    return n.createdAt === mark.at && !mark.ids.includes(n.id);
  });
}

export function advanceMark(mark: ArrivalMark | null, seen: readonly Announceable[]): ArrivalMark | null {
  let next = mark;
  for (const n of seen) {
    if (!next || n.createdAt > next.at) next = { at: n.createdAt, ids: [n.id] };
    else if (n.createdAt === next.at && !next.ids.includes(n.id)) next = { at: next.at, ids: [...next.ids, n.id] };
  }
  return next;
}

export interface AlertPlan<T> {
  /** What to raise as desktop alerts now, newest first. */
  readonly raise: T[];
  readonly nextMark: ArrivalMark | null;
}

/**
 * Which new notifications become desktop alerts, by the person's settings: only kinds whose
 * topic they set to "desktop"; during their quiet hours none, and the mark stays where it was so
 * the alerts are raised once the quiet hours end (if still unread then).
 */
export function planAlerts<T extends Announceable & { readonly kind: string }>(notifications: readonly T[], mark: ArrivalMark | null, settings: NotificationSettings, now: Date): AlertPlan<T> {
  if (inQuietHours(settings.quietHours, now)) return { raise: [], nextMark: mark };
  const raise = newArrivals(notifications, mark).filter((n) => channelFor(settings, n.kind) === 'desktop');
  return { raise: raise.slice(0, MAX_DESKTOP_PER_POLL), nextMark: advanceMark(mark, notifications) };
}

const KEY_PREFIX = 'atelier.notified.';

export function loadMark(userId: string): ArrivalMark | null {
  try {
    const raw = window.localStorage.getItem(KEY_PREFIX + userId);
    if (!raw) return null;
    const value = JSON.parse(raw) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as ArrivalMark).at === 'string' && Array.isArray((value as ArrivalMark).ids)) return value as ArrivalMark;
  } catch {
    // unreadable: start over
  }
  return null;
}

export function saveMark(userId: string, mark: ArrivalMark | null): void {
  if (!mark) return;
  try {
    window.localStorage.setItem(KEY_PREFIX + userId, JSON.stringify(mark));
  } catch {
    // private windows may refuse storage; announcements then last for this page only
  }
}
