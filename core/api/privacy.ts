/**
 * [Intake] "Their data is theirs": how a person is told about things (notification channels per
 * topic, quiet hours), the export of everything about them, and deleting a project or the
 * account after a typed confirmation.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Id } from './schemas.ts';
import { isClockTime, isTimeZone, NOTIFICATION_CHANNELS, NOTIFICATION_TOPICS } from '../notify/preferences.ts';

const Channel = z.enum(NOTIFICATION_CHANNELS);
const Clock = z.string().refine(isClockTime, 'must be a time of day like 22:00');

export const QuietHoursSchema = z.object({
  start: Clock,
  end: Clock,
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'must be a time zone such as Europe/Paris'),
});

export const NotificationSettingsSchema = z.object({
  channels: z.object(Object.fromEntries(NOTIFICATION_TOPICS.map((t) => [t, Channel])) as Record<(typeof NOTIFICATION_TOPICS)[number], typeof Channel>),
  quietHours: QuietHoursSchema.nullable(),
});

export const getNotificationSettings = endpoint({
  id: 'getNotificationSettings',
  method: 'GET',
  path: '/api/me/notification-settings',
  summary: 'How the signed-in person is told about each kind of event, and their quiet hours',
  tag: 'notifications',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({ settings: NotificationSettingsSchema }),
});

export const putNotificationSettings = endpoint({
  id: 'putNotificationSettings',
  method: 'PUT',
  path: '/api/me/notification-settings',
  summary: 'Choose in-app, desktop or none per kind of event; set or clear quiet hours',
  tag: 'notifications',
  access: { kind: 'session', action: 'self:manage' },
  body: NotificationSettingsSchema,
  response: z.object({ settings: NotificationSettingsSchema }),
  bodyLimit: 4096,
});

/** What the server streams the export as (a Node readable); core only needs to know it pipes. */
export interface ZipStream {
  pipe(destination: unknown): unknown;
}

export const exportMyData = endpoint({
  id: 'exportMyData',
  method: 'GET',
  path: '/api/me/export',
  summary: 'Everything about the signed-in person as a zip: JSON records and their photos',
  tag: 'privacy',
  access: { kind: 'session', action: 'self:manage' },
  // The zip is streamed: a readable stream of its bytes (one photo in memory at a time).
  response: z.custom<ZipStream>((value) => typeof value === 'object' && value !== null && typeof (value as ZipStream).pipe === 'function', 'must be a stream of the zip’s bytes'),
});

export const deleteMyAccount = endpoint({
  id: 'deleteMyAccount',
  method: 'POST',
  path: '/api/me/delete',
  summary: 'Delete the account, its projects, photos and personal data; purchases and claims stay, anonymised',
  tag: 'privacy',
  access: { kind: 'session', action: 'self:manage' },
  body: z.object({ confirm: z.string().max(254) }),
  response: z.object({ deleted: z.object({ projects: z.number().int(), files: z.number().int(), anonymisedPurchases: z.number().int() }) }),
  bodyLimit: 1024,
});

export const deleteProject = endpoint({
  id: 'deleteProject',
  method: 'POST',
  path: '/api/projects/:projectId/delete',
  summary: 'Delete a project with its rooms, options and photos (its customer, after typing its name)',
  tag: 'privacy',
  access: { kind: 'session', action: 'project:edit', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  body: z.object({ confirm: z.string().max(200) }),
  response: z.object({ deleted: z.object({ projects: z.number().int(), files: z.number().int(), anonymisedPurchases: z.number().int() }) }),
  bodyLimit: 1024,
});

export const privacyEndpoints = [getNotificationSettings, putNotificationSettings, exportMyData, deleteMyAccount, deleteProject] as const;
