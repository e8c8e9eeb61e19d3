import * as api from '../../core/api/watch.ts';
import { implement } from '../http/context.ts';
import { notFound } from '../http/errors.ts';
import { listNotifications, markNotificationRead } from '../notify/notifications.ts';
import { evidenceOf, protectedPurchasesOf } from '../watch/views.ts';

export const watchRoutes = [
  implement(api.myProtectedPurchases, async ({ user, services }) => protectedPurchasesOf(services.db, user.id)),

  implement(api.claimEvidence, async ({ params, services }) => {
    const evidence = await evidenceOf(services.db, params.claimId);
    if (!evidence) throw notFound('Claim');
    return evidence;
  }),

  implement(api.listNotifications, async ({ query, user, services }) => listNotifications(services.db, user.id, { unreadOnly: query.unread === 'true', limit: query.limit })),

  implement(api.markNotificationRead, async ({ params, user, services }) => {
    const notification = await markNotificationRead(services.db, user.id, params.notificationId, new Date().toISOString());
    if (!notification) throw notFound('Notification');
    return { notification };
  }),
];
