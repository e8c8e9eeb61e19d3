import type { z } from 'zod';
import * as api from '../../core/api/options.ts';
import type { PlacedItemSchema } from '../../core/api/schemas.ts';
import { implement } from '../http/context.ts';
import { approveOption, roomApproval } from '../options/approvals.ts';
import { optionEventsFor } from '../options/events.ts';
import { addComment, listComments } from '../options/comments.ts';
import { compareRoom, createOption, deleteOption, renameOption } from '../options/options.ts';
import { optionContext } from '../options/records.ts';
import { loadShoppingList, markPurchased } from '../options/shopping.ts';
import { shoppingListCsv } from '../options/shopping-list.ts';
import { optionChanges, productsAtVersionPrices, publishVersion, uploadAttachment, readVersion, summarise, versionByNumber, versionRows } from '../options/versions.ts';

type ApiPlacedItem = z.infer<typeof PlacedItemSchema>;

const publisher = (user: { id: string; name: string; role: string }) => ({ id: user.id, name: user.name, role: user.role });

/** File-safe name for a download. */
const fileName = (name: string) => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'option';

export const optionRoutes = [
  implement(api.createOption, async ({ params, body, services }) => createOption(services.db, params.roomId, body)),

  implement(api.renameOption, async ({ params, body, services }) => ({ option: await renameOption(services.db, params.optionId, body.name) })),

  implement(api.deleteOption, async ({ params, services }) => {
    await deleteOption(services.db, services.engine, params.optionId);
    return { ok: true as const };
  }),

  implement(api.listVersions, async ({ params, services }) => {
    const context = await optionContext(services.db, params.optionId);
    const rows = await versionRows(services.db, params.optionId);
    return {
      option: context.option,
      versions: await Promise.all(rows.map((row) => summarise(services.db, readVersion(row), context.budget?.currency ?? null))),
      approval: await roomApproval(services.db, context.option.roomId),
    };
  }),

  implement(api.publishVersion, async ({ params, body, user, services }) => ({ version: await publishVersion(services.db, services.engine, params.optionId, body, publisher(user)) })),

  implement(api.uploadVersionAttachment, async ({ params, query, body, user, services }) => ({ file: await uploadAttachment(services.db, params.optionId, body, query.name, publisher(user)) })),

  implement(api.getVersion, async ({ params, services }) => {
    const context = await optionContext(services.db, params.optionId);
    const version = await versionByNumber(services.db, params.optionId, params.number);
    return {
      option: context.option,
      version: await summarise(services.db, version, context.budget?.currency ?? null),
      document: { items: [...version.snapshot.items] as ApiPlacedItem[], finishes: version.snapshot.finishes },
      products: await productsAtVersionPrices(services.db, version),
    };
  }),

  implement(api.optionChanges, async ({ params, query, services }) => optionChanges(services.db, params.optionId, query.from, query.to)),

  implement(api.compareOptions, async ({ params, services }) => compareRoom(services.db, params.roomId)),

  implement(api.listComments, async ({ params, services }) => ({ comments: await listComments(services.db, params.optionId) })),

  implement(api.addComment, async ({ params, body, user, services }) => ({ comment: await addComment(services.db, params.optionId, body, publisher(user)) })),

  implement(api.approveOption, async ({ params, body, user, services }) => {
    const result = await approveOption(services.db, services.engine, params.optionId, body, publisher(user));
    const events = optionEventsFor(services.db);
    events.emit('lockChanged', params.optionId);
    if (result.replaced) events.emit('lockChanged', result.replaced.optionId);
    return result;
  }),

  implement(api.shoppingList, async ({ params, services }) => loadShoppingList(services.db, params.optionId)),

  implement(api.shoppingListCsv, async ({ params, services, reply }) => {
    const list = await loadShoppingList(services.db, params.optionId);
    reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="shopping-list-${fileName(list.approval.optionName)}.csv"`);
    return shoppingListCsv(list);
  }),

  implement(api.markPurchased, async ({ params, body, user, services }) => markPurchased(services.db, services.engine, params.optionId, params.lineKey, body, user.id)),
];
