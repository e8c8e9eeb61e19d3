/**
 * How a person wants to hear about each kind of event: in the app only, also as a desktop
 * alert, or not at all; and quiet hours (in their own time zone) during which desktop alerts
 * wait. Pure: the server applies the channel when it writes a notification, the renderer applies
 * the desktop part and the quiet hours when it raises one.
 */

export const NOTIFICATION_TOPICS = ['design', 'comment', 'price-drop', 'refund', 'photos', 'other'] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number];

export const NOTIFICATION_CHANNELS = ['desktop', 'in-app', 'none'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface QuietHours {
  /** "22:00" — local wall-clock time in `timeZone`. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface NotificationSettings {
  readonly channels: Readonly<Record<NotificationTopic, NotificationChannel>>;
  readonly quietHours: QuietHours | null;
}

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  channels: { design: 'desktop', comment: 'desktop', 'price-drop': 'desktop', refund: 'desktop', photos: 'desktop', other: 'in-app' },
  quietHours: null,
};

/**
 * Which topic a notification kind belongs to. Kinds are dotted names chosen by each feature
 * (`claim.detected`, `option.published`, …); unknown kinds fall under "other".
 */
export function topicOf(kind: string): NotificationTopic {
  if (kind === 'claim.detected' || kind === 'claim.grown' || kind.startsWith('price.')) return 'price-drop';
  if (kind.startsWith('claim.') || kind.startsWith('refund.')) return 'refund';
  if (kind.startsWith('comment.') || kind.startsWith('message.') || kind.startsWith('chat.') || kind.endsWith('.comment')) return 'comment';
  if (kind.startsWith('photo.') || kind.startsWith('photos.')) return 'photos';
  if (['design.', 'option.', 'version.', 'stage.', 'delivery.', 'room.'].some((prefix) => kind.startsWith(prefix))) return 'design';
  return 'other';
}

export function channelFor(settings: NotificationSettings, kind: string): NotificationChannel {
  return settings.channels[topicOf(kind)];
}

const CLOCK = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;

export function isClockTime(value: string): boolean {
  return CLOCK.test(value);
}

function minutesOf(clock: string): number {
  const match = CLOCK.exec(clock);
  if (!match) throw new Error(`Not a time of day: ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Minutes since local midnight of an instant in a time zone. */
export function localMinutes(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/** Whether an instant falls in the quiet hours; a window may run over midnight (22:00–07:00). */
export function inQuietHours(quiet: QuietHours | null, at: Date): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const now = localMinutes(at, quiet.timeZone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** Reads stored settings leniently: unknown topics are dropped, missing ones take the default. */
export function normaliseSettings(value: unknown): NotificationSettings {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as { channels?: Record<string, unknown>; quietHours?: unknown };
  const channels = { ...DEFAULT_NOTIFICATION_SETTINGS.channels };
  for (const topic of NOTIFICATION_TOPICS) {
    const chosen = raw.channels?.[topic];
    if (typeof chosen === 'string' && (NOTIFICATION_CHANNELS as readonly string[]).includes(chosen)) channels[topic] = chosen as NotificationChannel;
  }
  const q = raw.quietHours as Partial<QuietHours> | null | undefined;
  const quietHours = q && typeof q.start === 'string' && typeof q.end === 'string' && typeof q.timeZone === 'string' && isClockTime(q.start) && isClockTime(q.end) && isTimeZone(q.timeZone) ? { start: q.start, end: q.end, timeZone: q.timeZone } : null;
  return { channels, quietHours };
}
