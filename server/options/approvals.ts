/**
 * [Options] The customer's approval. Approving pins a version as the basis of the shopping list
 * and locks the option (no new versions; it cannot be deleted).
 *
 * - The option as it stands is what the customer approves: if it differs from the latest
 *   version (the customer swapped pieces since), it is published first as the next version, by
 *   the customer, and that version is pinned.
 * - `expectedLatest` names the version the customer was looking at; a newer one is a 409.
 * - Approving the approved option again is a 409 that says so.
 * - One active approval per room. Approving another option of the room is explicit
 *   (`replace: true`); without it, a 409 names the approved one. An approval whose shopping list
 *   already has purchases is never replaced.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { ApprovalSchema } from '../../core/api/options.ts';
import type { Engine } from '../db/database.ts';
import type { Database, OptionApprovalsTable } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { addNotifications } from '../notify/notifications.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { recordStageChange } from '../intake/stages.ts';
import { canonicalJson, lockOption, optionContext, optionLink, person, projectDesignerIds, readLiveSnapshot, type Db } from './records.ts';
import { latestVersionRow, readVersion, summarise, versionLabel, writeVersion, type Publisher } from './versions.ts';

export type Approval = z.infer<typeof ApprovalSchema>;
type ApprovalRow = Selectable<OptionApprovalsTable>;

export async function activeApprovalRow(db: Db, roomId: string): Promise<ApprovalRow | null> {
  return (await db.selectFrom('option_approvals').selectAll().where('room_id', '=', roomId).where('replaced_at', 'is', null).executeTakeFirst()) ?? null;
}

/** Whether the option is the approved (locked) one of its room. */
export async function isOptionLocked(db: Db, optionId: string): Promise<boolean> {
  return (await db.selectFrom('option_approvals').select('id').where('option_id', '=', optionId).where('replaced_at', 'is', null).executeTakeFirst()) !== undefined;
}

export async function toApproval(db: Db, row: ApprovalRow): Promise<Approval> {
  const version = await db.selectFrom('option_versions').selectAll().where('id', '=', row.version_id).executeTakeFirstOrThrow();
  const context = await optionContext(db, row.option_id);
  const approver = row.approved_by ? await db.selectFrom('users').select(['id', 'name', 'role']).where('id', '=', row.approved_by).executeTakeFirst() : undefined;
  const bought = await db.selectFrom('shopping_purchases').select('line_key').where('approval_id', '=', row.id).executeTakeFirst();
  return {
    id: row.id,
    roomId: row.room_id,
    optionId: row.option_id,
    optionName: context.option.name,
    version: await summarise(db, readVersion(version), context.budget?.currency ?? null),
    approvedBy: person(row.approved_by, row.approved_by_name, approver?.role ?? 'customer'),
    approvedAt: row.approved_at,
    purchasesRecorded: bought !== undefined,
  };
}

export async function roomApproval(db: Db, roomId: string): Promise<Approval | null> {
  const row = await activeApprovalRow(db, roomId);
  return row ? toApproval(db, row) : null;
}

const day = (iso: string) => iso.slice(0, 10);

export async function approveOption(db: Kysely<Database>, engine: Engine, optionId: string, input: { expectedLatest: number; replace: boolean }, by: Publisher): Promise<{ approval: Approval; replaced: Approval | null }> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await lockOption(trx, engine, optionId);
    const context = await optionContext(trx, optionId);
    const { option } = context;
    const active = await activeApprovalRow(trx, option.roomId);
    if (active?.option_id === optionId) {
      const current = await toApproval(trx, active);
      throw new HttpError(409, 'already_approved', `You already approved ${option.name} (${current.version.label}) on ${day(active.approved_at)}; it is the basis of your shopping list.`, { current });
    }
    let replaced: Approval | null = null;
    if (active) {
      replaced = await toApproval(trx, active);
      if (!input.replace) {
        throw new HttpError(409, 'approval_exists', `You approved ${replaced.optionName} (${replaced.version.label}) for this room. Approving ${option.name} replaces that approval — confirm to replace it.`, { current: replaced });
      }
      if (replaced.purchasesRecorded) throw new HttpError(409, 'purchases_recorded', `Purchases are already recorded from the shopping list of ${replaced.optionName}; its approval can no longer be replaced.`, { current: replaced });
      await trx.updateTable('option_approvals').set({ replaced_at: now }).where('id', '=', active.id).where('replaced_at', 'is', null).execute();
    }
    const latest = await latestVersionRow(trx, optionId);
    if (!latest) throw new HttpError(409, 'not_published', `${option.name} has no published version yet: there is nothing to approve.`);
    if (latest.number !== input.expectedLatest) {
      throw new HttpError(409, 'stale_version', `${option.name} has a newer version (${versionLabel(latest.number)}); look at it before approving.`, { current: await summarise(trx, readVersion(latest), context.budget?.currency ?? null) });
    }
    const published = readVersion(latest);
    const live = await readLiveSnapshot(trx, optionId);
    const same = canonicalJson({ items: live.items, finishes: live.finishes }) === canonicalJson({ items: published.snapshot.items, finishes: published.snapshot.finishes });
    const pinned = same ? published : await writeVersion(trx, context, latest.number + 1, `Approved with the changes made since ${versionLabel(latest.number)}`, by, now, { snapshot: live });
    const row: ApprovalRow = { id: randomUUID(), room_id: option.roomId, option_id: optionId, version_id: pinned.row.id, approved_by: by.id, approved_by_name: by.name, approved_at: now, replaced_at: null };
    await trx.insertInto('option_approvals').values(row).execute();
    const label = versionLabel(pinned.row.number);
    const title = `${by.name} approved ${option.name} (${label})`;
    const designers = await projectDesignerIds(trx, option.projectId);
    await addNotifications(trx, designers.map((userId) => ({ userId, kind: 'option.approved', title, body: replaced ? `It replaces the approval of ${replaced.optionName}.` : 'The shopping list is ready.', link: optionLink(option), data: { optionId, number: pinned.row.number } })), now);
    await addTimelineEvents(trx, [{ projectId: option.projectId, subjectUserId: context.customerId ?? by.id, actorName: by.name, kind: 'option.approved', text: `${title}${replaced ? `, replacing the approval of ${replaced.optionName}` : ''}`, at: now }]);
    if (['intake', 'photos', 'designing', 'options_ready', 'revisions'].includes(context.stage)) {
      await recordStageChange(trx, { projectId: option.projectId, to: 'approved', actor: { id: by.id, name: by.name }, at: now });
    }
    return { approval: await toApproval(trx, row), replaced };
  });
}
