/**
 * [Collab] The project conversation between the customer and the designers: one per project,
 * persisted, with a read mark per person (unread counts). Members read and post; support and
 * admin read every project's conversation, and only members and admin post (project:edit).
 * A posted message also becomes a timeline event. Live delivery: see server/collab/chat.ts.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Id, IsoDateTime } from './schemas.ts';

export const CHAT_MESSAGE_MAX = 4000;
export const CHAT_PAGE_MAX = 200;

export const ChatMessageSchema = z.object({
  id: Id,
  projectId: Id,
  authorId: Id.nullable(),
  authorName: z.string(),
  authorRole: z.string(),
  body: z.string(),
  createdAt: IsoDateTime,
});

export const ChatMessageBody = z
  .string({ error: 'write a message' })
  .trim()
  .min(1, { error: 'write a message first: an empty message is not sent' })
  .max(CHAT_MESSAGE_MAX, { error: `a message is at most ${CHAT_MESSAGE_MAX.toLocaleString('en-US')} characters` });

const projectScope = { param: 'projectId', resource: 'project' } as const;

export const listChat = endpoint({
  id: 'listChat',
  method: 'GET',
  path: '/api/projects/:projectId/chat',
  summary: "The project's conversation, oldest first: the latest page, or what came after a message; with my unread count",
  tag: 'chat',
  access: { kind: 'session', action: 'project:read', scope: projectScope },
  params: z.object({ projectId: Id }),
  query: z.object({
    /** Only messages after this one (what a client that has it still lacks). */
    after: Id.optional(),
    limit: z.coerce.number().int().min(1).max(CHAT_PAGE_MAX).default(100),
  }),
  response: z.object({
    messages: z.array(ChatMessageSchema),
    /** Messages by others after my read mark. */
    unread: z.number().int().min(0),
    lastReadId: Id.nullable(),
  }),
});

export const postChatMessage = endpoint({
  id: 'postChatMessage',
  method: 'POST',
  path: '/api/projects/:projectId/chat',
  summary: 'Post a message to the project conversation (also on the timeline); a retry with the same clientKey returns the first message',
  tag: 'chat',
  access: { kind: 'session', action: 'project:edit', scope: projectScope },
  params: z.object({ projectId: Id }),
  body: z.object({
    body: ChatMessageBody,
    /** Chosen by the sender per message: makes the post idempotent. */
    clientKey: z.string().min(8).max(64).optional(),
  }),
  response: z.object({ message: ChatMessageSchema }),
  successStatus: 201,
});

export const markChatRead = endpoint({
  id: 'markChatRead',
  method: 'POST',
  path: '/api/projects/:projectId/chat/read',
  summary: 'Move my read mark to a message (never backwards); answers my unread count',
  tag: 'chat',
  access: { kind: 'session', action: 'project:read', scope: projectScope },
  params: z.object({ projectId: Id }),
  body: z.object({ lastReadId: Id }),
  response: z.object({ unread: z.number().int().min(0), lastReadId: Id.nullable() }),
});

export const chatEndpoints = [listChat, postChatMessage, markChatRead] as const;
