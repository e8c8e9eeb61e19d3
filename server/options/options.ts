/**
 * [Options] Creating (empty, or a copy of another option of the room as it stands now),
 * renaming and deleting design options, and the room's options side by side.
 *
 * A new option is written as a JSON snapshot in `design_options.document`; the collab store seeds
 * its live document from that on first load (server/collab/store.ts), so nothing else is needed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ComparedOptionSchema } from '../../core/api/options.ts';
import { NO_FINISHES, OPTION_SCHEMA_VERSION, type OptionSnapshot } from '../../core/options/index.ts';
import { compareWithBudget } from '../../core/pricing/index.ts';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { isOptionLocked, roomApproval, type Approval } from './approvals.ts';
import { entryLookup, optionCurrency, priceDocument, priceEntries } from './pricing.ts';
import { lockOption, optionContext, readLiveSnapshot, type Db, type OptionRecord } from './records.ts';
import { latestVersionRow, productsOf, readVersion, summarise } from './versions.ts';

/** The studio's working limit: a room is compared over a handful of options. */
export const MAX_OPTIONS_PER_ROOM = 6;

export async function createOption(db: Kysely<Database>, roomId: string, input: { name: string; duplicateOf?: string | undefined }): Promise<{ option: OptionRecord; itemCount: number }> {
  const room = await db.selectFrom('rooms').select(['id', 'project_id']).where('id', '=', roomId).executeTakeFirst();
  if (!room) throw notFound('Room');
  let snapshot: OptionSnapshot = { schemaVersion: OPTION_SCHEMA_VERSION, items: [], finishes: NO_FINISHES };
  if (input.duplicateOf) {
    const source = await db.selectFrom('design_options').select('room_id').where('id', '=', input.duplicateOf).executeTakeFirst();
    if (!source || source.room_id !== roomId) {
      throw new HttpError(400, 'invalid_request', 'body.duplicateOf: is not an option of this room', { issues: [{ path: 'body.duplicateOf', message: 'is not an option of this room' }] });
    }
    snapshot = await readLiveSnapshot(db, input.duplicateOf);
  }
  const now = new Date().toISOString();
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const count = await trx.selectFrom('design_options').select((eb) => eb.fn.countAll<number>().as('n')).where('room_id', '=', roomId).executeTakeFirst();
    if (Number(count?.n ?? 0) >= MAX_OPTIONS_PER_ROOM) throw new HttpError(409, 'too_many_options', `A room has at most ${MAX_OPTIONS_PER_ROOM} options; delete one first.`);
    await trx.insertInto('design_options').values({ id, room_id: roomId, name: input.name, document: JSON.stringify(snapshot), created_at: now, updated_at: now }).execute();
    await trx.updateTable('projects').set({ updated_at: now }).where('id', '=', room.project_id).execute();
  });
  return { option: { id, roomId, projectId: room.project_id, name: input.name, createdAt: now, updatedAt: now }, itemCount: snapshot.items.length };
}

export async function renameOption(db: Kysely<Database>, optionId: string, name: string): Promise<OptionRecord> {
  const now = new Date().toISOString();
  await db.updateTable('design_options').set({ name, updated_at: now }).where('id', '=', optionId).execute();
  return (await optionContext(db, optionId)).option;
}

export async function deleteOption(db: Kysely<Database>, engine: Engine, optionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockOption(trx, engine, optionId);
    const { option } = await optionContext(trx, optionId);
    if (await isOptionLocked(trx, optionId)) throw new HttpError(409, 'option_locked', `${option.name} is the approved option: it is the basis of the shopping list and cannot be deleted.`);
    await trx.deleteFrom('design_options').where('id', '=', optionId).execute();
  });
}

export type ComparedOption = z.infer<typeof ComparedOptionSchema>;

async function compared(db: Db, option: OptionRecord, budget: { amountMinor: number; currency: string } | null, approval: Approval | null): Promise<ComparedOption> {
  const snapshot = await readLiveSnapshot(db, option.id);
  const products = await productsOf(db, snapshot);
  const entries = priceEntries(products);
  const pricing = priceDocument(snapshot.items, entries, optionCurrency(budget?.currency, snapshot.items, entryLookup(entries)));
  const latest = await latestVersionRow(db, option.id);
  return {
    option,
    latestVersion: latest ? await summarise(db, readVersion(latest), budget?.currency ?? null) : null,
    approved: approval?.optionId === option.id,
    items: snapshot.items as ComparedOption['items'],
    products,
    pricing,
    budget: budget && pricing.ok && pricing.currency === budget.currency ? compareWithBudget(pricing.total, budget) : null,
  };
}

export async function compareRoom(db: Db, roomId: string) {
  const room = await db
    .selectFrom('rooms as r')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .select(['r.id', 'r.name', 'r.project_id', 'p.budget_minor', 'p.budget_currency'])
    .where('r.id', '=', roomId)
    .executeTakeFirst();
  if (!room) throw notFound('Room');
  const budget = room.budget_minor !== null && room.budget_currency ? { amountMinor: room.budget_minor, currency: room.budget_currency } : null;
  const rows = await db.selectFrom('design_options').selectAll().where('room_id', '=', roomId).orderBy('created_at').orderBy('id').execute();
  const approval = await roomApproval(db, roomId);
  const options: ComparedOption[] = [];
  for (const row of rows) {
    options.push(await compared(db, { id: row.id, roomId, projectId: room.project_id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at }, budget, approval));
  }
  return { room: { id: room.id, name: room.name, projectId: room.project_id }, budget, options, approval };
}
