/**
 * [Room] Creating, reshaping and deleting rooms. Every write runs in one transaction with the
 * room row locked (PostgreSQL: FOR UPDATE; SQLite: a no-op write takes the write lock before
 * reading), checks the `updatedAt` the editor started from, and says so on the project's
 * timeline. A shape `core/geometry` finds unbuildable is refused whole with each problem named.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import * as api from '../../core/api/rooms.ts';
import type { RoomPresetSchema } from '../../core/api/rooms.ts';
import { lShapeOutline, rectangleOutline, validateRoom } from '../../core/geometry/index.ts';
import { NO_FINISHES, OPTION_SCHEMA_VERSION } from '../../core/options/snapshot.ts';
import type { RoomShape } from '../../core/room.ts';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { implement } from '../http/context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { toRoom } from './projects.ts';

type Preset = z.infer<typeof RoomPresetSchema>;

const FIRST_OPTION_NAME = 'Option A';

function presetShape(preset: Preset): RoomShape {
  let outline;
  try {
    outline = preset.kind === 'rectangle' ? rectangleOutline(preset.widthMm, preset.depthMm) : lShapeOutline(preset.widthMm, preset.depthMm, preset.cutWidthMm, preset.cutDepthMm);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new HttpError(400, 'invalid_room', `The room can't be built: ${message}`, { issues: [{ path: 'body.preset', message }] });
  }
  return { ...api.ROOM_DEFAULTS, outline, openings: [] };
}

/** Refuses a shape that cannot be built, naming every wall and opening at fault. */
export function assertBuildable(shape: RoomShape): void {
  const problems = validateRoom(shape).map((p) => ({ path: `body.shape.${p.path}`, message: p.message }));
  const seen = new Map<string, number>();
  shape.openings.forEach((opening, index) => {
    const first = seen.get(opening.id);
    if (first !== undefined) problems.push({ path: `body.shape.openings[${index}].id`, message: `openings ${first + 1} and ${index + 1} share the id "${opening.id}"` });
    else seen.set(opening.id, index);
  });
  if (problems.length === 0) return;
  throw new HttpError(400, 'invalid_room', `The room can't be built: ${problems.map((p) => p.message).join('; ')}`, { issues: problems });
}

/** A room's new updatedAt: now, but always after the one it replaces, so every save is a new version. */
export function nextUpdatedAt(previous: string, now = new Date()): string {
  const after = Date.parse(previous) + 1;
  return new Date(Math.max(now.getTime(), Number.isFinite(after) ? after : 0)).toISOString();
}

async function lockRoom(trx: Transaction<Database>, engine: Engine, roomId: string) {
  if (engine === 'sqlite') await sql`update rooms set updated_at = updated_at where id = ${roomId}`.execute(trx);
  const read = trx
    .selectFrom('rooms')
    .innerJoin('projects', 'projects.id', 'rooms.project_id')
    .select(['rooms.id', 'rooms.project_id', 'rooms.name', 'rooms.shape', 'rooms.updated_at', 'projects.customer_id'])
    .where('rooms.id', '=', roomId);
  const row = await (engine === 'postgres' ? read.forUpdate('rooms') : read).executeTakeFirst();
  if (!row) throw notFound('Room');
  return row;
}

const conflict = (row: Parameters<typeof toRoom>[0], what: string) =>
  new HttpError(409, 'conflict', `Someone else changed this room since you opened it; ${what} was not saved. Here is the room as it is now.`, { current: toRoom(row) });

function sizeText(shape: RoomShape): string {
  const xs = shape.outline.map((p) => p.x);
  const ys = shape.outline.map((p) => p.y);
  const metres = (mm: number) => `${Math.round(mm / 10) / 100} m`;
  return `${metres(Math.max(...xs) - Math.min(...xs))} × ${metres(Math.max(...ys) - Math.min(...ys))}`;
}

/**
 * What deleting a room would take with it (its rows cascade): pieces in its options (a live edit
 * not yet compacted into `document` may hold some, so pending edits count), published versions,
 * comments, approvals, the customer's photos and photo requests, their intake answers and kept
 * pieces. Each is a reason to keep the room; an empty list means nothing would be lost.
 */
async function whatTheRoomHolds(trx: Transaction<Database>, roomId: string, options: readonly { id: string; name: string; document: string }[]): Promise<string[]> {
  const optionIds = options.map((o) => o.id);
  const count = async (query: { executeTakeFirst(): Promise<{ n: number | string | bigint } | undefined> }) => Number((await query.executeTakeFirst())?.n ?? 0);
  const n = sql<number>`count(*)`.as('n');
  const pending = optionIds.length ? await trx.selectFrom('option_updates').select('option_id').distinct().where('option_id', 'in', optionIds).execute() : [];
  const furnished = options.filter((o) => ((JSON.parse(o.document) as { items?: unknown[] }).items?.length ?? 0) > 0 || pending.some((p) => p.option_id === o.id));
  const reasons: string[] = [];
  if (furnished.length) reasons.push(`${furnished.map((o) => `“${o.name}”`).join(', ')} ${furnished.length === 1 ? 'has' : 'have'} pieces or edits in it`);
  if (optionIds.length) {
    if (await count(trx.selectFrom('option_versions').select(n).where('option_id', 'in', optionIds))) reasons.push('an option has published versions');
    if (await count(trx.selectFrom('option_comments').select(n).where('option_id', 'in', optionIds))) reasons.push('an option has comments');
  }
  if (await count(trx.selectFrom('option_approvals').select(n).where('room_id', '=', roomId))) reasons.push('the customer approved an option');
  if (await count(trx.selectFrom('files').select(n).where('room_id', '=', roomId))) reasons.push('it has photos');
  if (await count(trx.selectFrom('photo_requests').select(n).where('room_id', '=', roomId))) reasons.push('it has photo requests');
  if (await count(trx.selectFrom('intake_rooms').select(n).where('room_id', '=', roomId))) reasons.push('the customer described it in their intake');
  if (await count(trx.selectFrom('room_kept_pieces').select(n).where('room_id', '=', roomId))) reasons.push('the customer is keeping pieces in it');
  return reasons;
}

export const roomRoutes = [
  implement(api.createRoom, async ({ params, body, user, services }) => {
    const shape: RoomShape = body.shape ?? presetShape(body.preset!);
    assertBuildable(shape);
    const now = new Date().toISOString();
    const roomId = randomUUID();
    const optionId = randomUUID();
    const optionName = body.optionName ?? FIRST_OPTION_NAME;
    await services.db.transaction().execute(async (trx) => {
      const project = await trx.selectFrom('projects').select(['id', 'customer_id']).where('id', '=', params.projectId).executeTakeFirst();
      if (!project) throw notFound('Project');
      await trx.insertInto('rooms').values({ id: roomId, project_id: project.id, name: body.name, shape: JSON.stringify(shape), created_at: now, updated_at: now }).execute();
      await trx
        .insertInto('design_options')
        .values({ id: optionId, room_id: roomId, name: optionName, document: JSON.stringify({ schemaVersion: OPTION_SCHEMA_VERSION, items: [], finishes: NO_FINISHES }), created_at: now, updated_at: now })
        .execute();
      await trx.updateTable('projects').set({ updated_at: now }).where('id', '=', project.id).execute();
      await addTimelineEvents(trx, [
        { projectId: project.id, subjectUserId: project.customer_id ?? user.id, actorName: user.name, kind: 'room.created', text: `${user.name} added the room “${body.name}” (${sizeText(shape)})`, at: now },
      ]);
    });
    return {
      room: toRoom({ id: roomId, project_id: params.projectId, name: body.name, shape: JSON.stringify(shape), updated_at: now }),
      option: { id: optionId, roomId, name: optionName, updatedAt: now, itemCount: 0 },
    };
  }),

  implement(api.updateRoom, async ({ params, body, user, services }) => {
    if (body.shape) assertBuildable(body.shape);
    return services.db.transaction().execute(async (trx) => {
      const row = await lockRoom(trx, services.engine, params.roomId);
      if (row.updated_at !== body.expectedUpdatedAt) throw conflict(row, 'your change');
      const name = body.name ?? row.name;
      const shape = body.shape ? JSON.stringify(body.shape) : row.shape;
      if (name === row.name && shape === row.shape) return { room: toRoom(row) };
      const updatedAt = nextUpdatedAt(row.updated_at);
      const result = await trx.updateTable('rooms').set({ name, shape, updated_at: updatedAt }).where('id', '=', row.id).where('updated_at', '=', body.expectedUpdatedAt).executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw conflict(await lockRoom(trx, services.engine, params.roomId), 'your change');
      await trx.updateTable('projects').set({ updated_at: updatedAt }).where('id', '=', row.project_id).execute();
      const renamed = name !== row.name ? ` (renamed from “${row.name}”)` : '';
      await addTimelineEvents(trx, [
        { projectId: row.project_id, subjectUserId: row.customer_id ?? user.id, actorName: user.name, kind: 'room.updated', text: `${user.name} updated the room “${name}”${renamed}`, at: updatedAt },
      ]);
      return { room: toRoom({ ...row, name, shape, updated_at: updatedAt }) };
    });
  }),

  implement(api.deleteRoom, async ({ params, query, user, services }) => {
    await services.db.transaction().execute(async (trx) => {
      const row = await lockRoom(trx, services.engine, params.roomId);
      if (row.updated_at !== query.expectedUpdatedAt) throw conflict(row, 'the deletion');
      const options = await trx.selectFrom('design_options').select(['id', 'name', 'document']).where('room_id', '=', row.id).execute();
      const held = await whatTheRoomHolds(trx, row.id, options);
      if (held.length > 0) {
        throw new HttpError(409, 'room_in_use', `“${row.name}” can't be deleted: ${held.join('; ')}. Only a room nobody has put anything into can be deleted.`);
      }
      await trx.deleteFrom('design_options').where('room_id', '=', row.id).execute();
      await trx.deleteFrom('rooms').where('id', '=', row.id).execute();
      const now = new Date().toISOString();
      await trx.updateTable('projects').set({ updated_at: now }).where('id', '=', row.project_id).execute();
      await addTimelineEvents(trx, [{ projectId: row.project_id, subjectUserId: row.customer_id ?? user.id, actorName: user.name, kind: 'room.deleted', text: `${user.name} removed the room “${row.name}”`, at: now }]);
    });
    return { ok: true as const };
  }),
];
