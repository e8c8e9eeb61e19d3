/**
 * The signed-in person's notifications: fetched when the app opens, every ~20 s while it is
 * visible, and when the window regains focus; new ones are raised as desktop notifications
 * (Electron through the preload bridge, a browser only with permission already granted).
 */
import { create } from 'zustand';
import { listNotifications, markNotificationRead } from '../../../core/api/watch.ts';
import { api } from '../../app/studio.ts';
import { notify } from '../../bridge/native.ts';
import type { AppNotification } from '../../screens/protected/types.ts';
import { loadMark, planAlerts, saveMark } from './arrivals.ts';
import { loadNotificationSettings, notificationSettingsFor } from './settingsStore.ts';

export const POLL_MS = 20_000;

interface NotificationState {
  readonly userId: string | null;
  readonly notifications: readonly AppNotification[];
  readonly unreadCount: number;
  readonly status: 'idle' | 'ready' | 'error';
  refresh(userId: string): Promise<void>;
  markRead(id: string): Promise<void>;
  markAllRead(): Promise<void>;
  /** Stops a poll in flight: on sign-out its late 401 must not touch the next person's session. */
  cancel(): void;
  reset(): void;
}

let inFlight: Promise<void> | null = null;
let controller: AbortController | null = null;

export const useNotifications = create<NotificationState>()((set, get) => ({
  userId: null,
  notifications: [],
  unreadCount: 0,
  status: 'idle',

  refresh(userId) {
    // One request at a time: a focus event during a poll joins it.
    if (inFlight && get().userId === userId) return inFlight;
    if (get().userId !== userId) set({ userId, notifications: [], unreadCount: 0, status: 'idle' });
    const abort = new AbortController();
    controller = abort;
    const run = (async () => {
      try {
        const [answer] = await Promise.all([api.call(listNotifications, { query: { limit: 30 }, signal: abort.signal }), loadNotificationSettings(userId)]);
        if (get().userId !== userId) return;
        set({ notifications: answer.notifications, unreadCount: answer.unreadCount, status: 'ready' });
        announce(userId, answer.notifications);
      } catch {
        if (!abort.signal.aborted && get().userId === userId) set({ status: 'error' });
      } finally {
        if (controller === abort) {
          inFlight = null;
          controller = null;
        }
      }
    })();
    inFlight = run;
    return run;
  },

  async markRead(id) {
    const target = get().notifications.find((n) => n.id === id);
    if (!target || target.readAt) return;
    // Optimistic: the badge drops at once; a failure puts it back.
    const readAt = new Date().toISOString();
    set((state) => ({ notifications: state.notifications.map((n) => (n.id === id ? { ...n, readAt } : n)), unreadCount: Math.max(0, state.unreadCount - 1) }));
    try {
      const { notification } = await api.call(markNotificationRead, { params: { notificationId: id } });
      set((state) => ({ notifications: state.notifications.map((n) => (n.id === id ? notification : n)) }));
    } catch {
      set((state) => ({ notifications: state.notifications.map((n) => (n.id === id ? target : n)), unreadCount: state.unreadCount + 1 }));
    }
  },

  async markAllRead() {
    const unread = get().notifications.filter((n) => !n.readAt);
    await Promise.all(unread.map((n) => get().markRead(n.id)));
  },

  cancel() {
    controller?.abort();
    controller = null;
    inFlight = null;
  },

  reset() {
    set({ userId: null, notifications: [], unreadCount: 0, status: 'idle' });
  },
}));

function announce(userId: string, notifications: readonly AppNotification[]): void {
  const mark = loadMark(userId);
  const plan = planAlerts(notifications, mark, notificationSettingsFor(userId), new Date());
  saveMark(userId, plan.nextMark);
  // Oldest first, so the newest ends up on top of the system's stack.
  for (const n of plan.raise.reverse()) void notify({ title: n.title, body: n.body }).catch(() => false);
}

/** A notification's link ("/claims/abc", a renderer route) as an in-app href. */
export function notificationHref(link: string | null): string | null {
  if (!link) return null;
  if (!link.startsWith('/') || link.startsWith('//')) return null;
  return `#${link}`;
}
