import * as api from '../../core/api/chat.ts';
import { chatEventsFor } from '../chat/events.ts';
import { listMessages, markRead, messageExists, postMessage, readMark, unreadCount } from '../chat/messages.ts';
import { implement } from '../http/context.ts';
import { HttpError } from '../http/errors.ts';

/** [Collab] The project conversation (contracts in core/api/chat.ts). */
export const chatRoutes = [
  implement(api.listChat, async ({ params, query, user, services }) => {
    const messages = await listMessages(services.db, params.projectId, { after: query.after, limit: query.limit });
    return { messages, unread: await unreadCount(services.db, params.projectId, user.id), lastReadId: await readMark(services.db, params.projectId, user.id) };
  }),

  implement(api.postChatMessage, async ({ params, body, user, services }) => {
    const { message, created } = await postMessage(services.db, params.projectId, user, body.body, body.clientKey, new Date());
    if (created) chatEventsFor(services.db).emit('message', message);
    return { message };
  }),

  implement(api.markChatRead, async ({ params, body, user, services }) => {
    if (!(await messageExists(services.db, params.projectId, body.lastReadId))) {
      throw new HttpError(400, 'invalid_request', 'body.lastReadId: no such message in this project', { issues: [{ path: 'body.lastReadId', message: 'no such message in this project' }] });
    }
    const lastReadId = await markRead(services.db, params.projectId, user.id, body.lastReadId, new Date().toISOString());
    return { unread: await unreadCount(services.db, params.projectId, user.id), lastReadId };
  }),
];
