import * as api from '../../core/api/privacy.ts';
import { can } from '../../core/permissions.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { implement } from '../http/context.ts';
import { sessionCookie } from '../http/cookies.ts';
import { deleteAccount, deleteProject } from '../privacy/delete.ts';
import { exportPerson } from '../privacy/export.ts';
import { notificationSettings, saveNotificationSettings } from '../privacy/settings.ts';
import { contentDisposition } from '../files/store.ts';

const nowIso = () => new Date().toISOString();

export const privacyRoutes = [
  implement(api.getNotificationSettings, async ({ user, services }) => ({ settings: await notificationSettings(services.db, user.id) })),

  implement(api.putNotificationSettings, async ({ user, body, services }) => ({ settings: await saveNotificationSettings(services.db, user.id, body, nowIso()) })),

  implement(api.exportMyData, async ({ user, services, reply }) => {
    const archive = await exportPerson(services.db, user.id, nowIso());
    reply.header('content-type', 'application/zip');
    reply.header('content-disposition', contentDisposition('attachment', archive.fileName));
    reply.header('cache-control', 'no-store');
    return archive.stream;
  }),

  implement(api.deleteMyAccount, async ({ user, body, services, request, reply }) => {
    const deleted = await deleteAccount(services.db, { userId: user.id, confirm: body.confirm, now: nowIso() });
    reply.header('set-cookie', sessionCookie(SESSION_COOKIE, '', null, request.protocol === 'https'));
    return { deleted };
  }),

  implement(api.deleteProject, async ({ params, user, body, services }) => ({
    deleted: await deleteProject(services.db, { projectId: params.projectId, userId: user.id, isAdmin: can(user, 'users:manage'), confirm: body.confirm }),
  })),
];
