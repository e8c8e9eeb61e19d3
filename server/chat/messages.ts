/**
 * [Collab] The project conversation in the store: post (with its timeline event, in one
 * transaction; idempotent by the sender's client key), read a page, move a read mark, count
 * unread. Message ids are time-ordered (UUIDv7), so "after id X" means "newer than X".
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ChatMessageSchema } from '../../core/api/chat.ts';
import { timeOrderedId } from '../db/ids.ts';
import type { ChatMessagesTable, Database } from '../db/schema.ts';
import { addTimelineEvents } from '../notify/timeline.ts';

export type ChatMessage = z.infer<typeof ChatMessageSchema>;
type Db = Kysely<Database> | Transaction<Database>;

const TIMELINE_EXCERPT = 140;

function toMessage(row: ChatMessagesTable): ChatMessage {
  return { id: row.id, projectId: row.project_id, authorId: row.author_id, authorName: row.author_name, authorRole: row.author_role, body: row.body, createdAt: row.created_at };
}

export function excerpt(body: string, max = TIMELINE_EXCERPT): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

export interface Author {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/** Posts a message; `created` is false when the client key was seen before (the first message is returned). */
export async function postMessage(db: Kysely<Database>, projectId: string, author: Author, body: string, clientKey: string | undefined, now: Date): Promise<{ message: ChatMessage; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    if (clientKey) {
      const earlier = await trx.selectFrom('chat_messages').selectAll().where('project_id', '=', projectId).where('author_id', '=', author.id).where('client_key', '=', clientKey).executeTakeFirst();
      if (earlier) return { message: toMessage(earlier), created: false };
    }
    const project = await trx.selectFrom('projects').select(['customer_id']).where('id', '=', projectId).executeTakeFirstOrThrow();
    const at = now.toISOString();
    const row: ChatMessagesTable = { id: timeOrderedId(now.getTime()), project_id: projectId, author_id: author.id, author_name: author.name, author_role: author.role, body, client_key: clientKey ?? null, created_at: at };
    await trx.insertInto('chat_messages').values(row).execute();
    // The sender has read their own message.
    await markRead(trx, projectId, author.id, row.id, at);
    // The customer's story: the conversation shows there too (the project has one customer).
    const subject = project.customer_id ?? author.id;
    await addTimelineEvents(trx, [{ projectId, subjectUserId: subject, actorName: author.name, kind: 'chat.message', text: `${author.name}: ${excerpt(body)}`, at }]);
    return { message: toMessage(row), created: true };
  });
}

export async function listMessages(db: Db, projectId: string, options: { after?: string; limit: number }): Promise<ChatMessage[]> {
  let query = db.selectFrom('chat_messages').selectAll().where('project_id', '=', projectId);
  if (options.after) {
    query = query.where('id', '>', options.after).orderBy('id', 'asc').limit(options.limit);
    return (await query.execute()).map(toMessage);
  }
  // The latest page, returned oldest first.
  const rows = await query.orderBy('id', 'desc').limit(options.limit).execute();
  return rows.reverse().map(toMessage);
}

export async function readMark(db: Db, projectId: string, userId: string): Promise<string | null> {
  const row = await db.selectFrom('chat_reads').select('last_read_id').where('project_id', '=', projectId).where('user_id', '=', userId).executeTakeFirst();
  return row?.last_read_id ?? null;
}

/** Moves the read mark forward only (a late request from another window never moves it back). */
export async function markRead(db: Db, projectId: string, userId: string, lastReadId: string, at: string): Promise<string> {
  const current = await readMark(db, projectId, userId);
  if (current !== null && current >= lastReadId) return current;
  await db
    .insertInto('chat_reads')
    .values({ project_id: projectId, user_id: userId, last_read_id: lastReadId, read_at: at })
    .onConflict((oc) => oc.columns(['project_id', 'user_id']).doUpdateSet({ last_read_id: lastReadId, read_at: at }))
    .execute();
  return lastReadId;
}

export async function messageExists(db: Db, projectId: string, messageId: string): Promise<boolean> {
  return (await db.selectFrom('chat_messages').select('id').where('project_id', '=', projectId).where('id', '=', messageId).executeTakeFirst()) !== undefined;
}

/** Messages by others after my read mark. */
export async function unreadCount(db: Db, projectId: string, userId: string): Promise<number> {
  const mark = await readMark(db, projectId, userId);
  let query = db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('project_id', '=', projectId)
    .where((eb) => eb.or([eb('author_id', 'is', null), eb('author_id', '!=', userId)]));
  if (mark) query = query.where('id', '>', mark);
  return Number((await query.executeTakeFirst())?.n ?? 0);
}
