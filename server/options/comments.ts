/**
 * [Options] Comments on an option or on one of its pieces, with who and when. A customer's
 * comment tells the project's designers; a designer's tells the customer — in the same
 * transaction as the comment.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { CommentSchema } from '../../core/api/options.ts';
import type { Database, OptionCommentsTable } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { addNotifications } from '../notify/notifications.ts';
import { optionContext, optionLink, person, projectDesignerIds, readLiveSnapshot, type Db } from './records.ts';
import type { Publisher } from './versions.ts';

export type Comment = z.infer<typeof CommentSchema>;

function toComment(row: Selectable<OptionCommentsTable>): Comment {
  return { id: row.id, optionId: row.option_id, itemId: row.item_id, author: person(row.author_id, row.author_name, row.author_role), body: row.body, createdAt: row.created_at };
}

export async function listComments(db: Db, optionId: string): Promise<Comment[]> {
  const rows = await db.selectFrom('option_comments').selectAll().where('option_id', '=', optionId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toComment);
}

export async function addComment(db: Kysely<Database>, optionId: string, input: { itemId: string | null; body: string }, by: Publisher): Promise<Comment> {
  const context = await optionContext(db, optionId);
  let pieceName: string | null = null;
  if (input.itemId !== null) {
    const item = (await readLiveSnapshot(db, optionId)).items.find((candidate) => candidate.id === input.itemId);
    if (!item) throw new HttpError(400, 'invalid_request', 'body.itemId: is not a piece of this option (it may have been removed)', { issues: [{ path: 'body.itemId', message: 'is not a piece of this option' }] });
    const product = item.productId ? await db.selectFrom('products').select('name').where('id', '=', item.productId).executeTakeFirst() : undefined;
    pieceName = product?.name ?? item.ownPiece?.name ?? null;
  }
  const now = new Date().toISOString();
  const row: Selectable<OptionCommentsTable> = { id: randomUUID(), option_id: optionId, item_id: input.itemId, author_id: by.id, author_name: by.name, author_role: by.role, body: input.body, created_at: now };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('option_comments').values(row).execute();
    const recipients = by.role === 'customer' ? await projectDesignerIds(trx, context.option.projectId) : context.customerId && context.customerId !== by.id ? [context.customerId] : [];
    const about = pieceName ? `${pieceName} in ${context.option.name}` : context.option.name;
    await addNotifications(trx, recipients.map((userId) => ({ userId, kind: 'option.comment', title: `${by.name} commented on ${about}`, body: input.body.slice(0, 280), link: optionLink(context.option), data: { optionId, itemId: input.itemId, commentId: row.id } })), now);
  });
  return toComment(row);
}
