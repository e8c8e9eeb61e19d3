/**
 * [Intake] A customer's new project, asked once, written in one transaction: the project and
 * its membership, what it was started with (target date, address), each room (a placeholder
 * shape until it is measured, its kind and purpose) with a first design option holding the
 * pieces the customer keeps, new kept pieces added to their library, the style answers when
 * given, and the timeline's first sentences. Any refusal leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { startProject } from '../../core/api/intake.ts';
import { formatMoney } from '../../core/money.ts';
import { PLACEHOLDER_ROOM_MM, placeholderRoomShape, type KeptPiece } from '../../core/intake/index.ts';
import { OPTION_SCHEMA_VERSION, NO_FINISHES } from '../../core/options/index.ts';
import type { User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { customerCurrency, profileRow, toKeptPiece, upsertProfile } from './profiles.ts';
import { placeKeptPieces } from './own-pieces.ts';
import { recordStageChange } from './stages.ts';

export type StartProjectBody = z.infer<NonNullable<(typeof startProject)['body']>>;

export const FIRST_OPTION_NAME = 'Option A';

const invalid = (path: string, message: string) => new HttpError(400, 'invalid_request', `Invalid request — ${path}: ${message}`, { issues: [{ path, message }] });

function roomCount(n: number): string {
  return n === 1 ? 'one room' : n === 2 ? 'two rooms' : `${n} rooms`;
}

/** Creates the project; returns its id. */
export async function startCustomerProject(db: Kysely<Database>, user: User, body: StartProjectBody, now = new Date().toISOString()): Promise<string> {
  if (user.role !== 'customer') throw new HttpError(403, 'forbidden', 'A project is started by its customer; ask them to start it from their home screen.');
  const today = now.slice(0, 10);
  if (body.targetDate !== null && body.targetDate < today) throw invalid('body.targetDate', 'must be today or later');
  const projectId = randomUUID();
  await db.transaction().execute(async (trx) => {
    const { currency } = await customerCurrency(trx, user.id, user.preferences.locale);
    if (body.budget.currency !== currency) throw invalid('body.budget.currency', `must be ${currency}, your currency (budgets are not converted)`);
    const library = new Map((await trx.selectFrom('kept_pieces').selectAll().where('customer_id', '=', user.id).execute()).map((row) => [row.id, toKeptPiece(row)]));
    body.rooms.forEach((room, r) =>
      room.keptPieceIds.forEach((id, p) => {
        if (!library.has(id)) throw invalid(`body.rooms.${r}.keptPieceIds.${p}`, 'is not one of your pieces');
      }),
    );
    for (const [r, room] of body.rooms.entries()) {
      for (const [p, piece] of room.newPieces.entries()) {
        if (piece.photoFileId === undefined) continue;
        const photo = await trx.selectFrom('files').select('id').where('id', '=', piece.photoFileId).where('owner_id', '=', user.id).where('purpose', '=', 'piece-photo').executeTakeFirst();
        if (!photo) throw invalid(`body.rooms.${r}.newPieces.${p}.photoFileId`, 'is not a photo you uploaded');
      }
    }

    await upsertProfile(trx, user.id, { currency, ...(body.address !== null ? { address: body.address } : {}), ...(body.style ? { styleAnswers: body.style } : {}) }, now);
    await trx.insertInto('projects').values({ id: projectId, name: body.name, stage: 'intake', customer_id: user.id, budget_minor: body.budget.amountMinor, budget_currency: currency, created_at: now, updated_at: now }).execute();
    await trx.insertInto('project_members').values({ project_id: projectId, user_id: user.id, role: 'customer', added_at: now }).execute();
    await trx.insertInto('project_intake').values({ project_id: projectId, target_date: body.targetDate, address: body.address, created_at: now }).execute();
    // A millisecond apart, so the rooms (and their options) list in the order the customer gave them.
    for (const [index, room] of body.rooms.entries()) await addRoom(trx, user.id, projectId, room, library, new Date(Date.parse(now) + index).toISOString());

    const budget = formatMoney({ amountMinor: body.budget.amountMinor, currency }, user.preferences.locale);
    await recordStageChange(trx, { projectId, to: 'intake', actor: user, text: `${user.name} started “${body.name}”: ${roomCount(body.rooms.length)}, a budget of ${budget}.`, at: now });
    const profile = await profileRow(trx, user.id);
    if (profile?.style_answers) await recordStageChange(trx, { projectId, to: 'photos', actor: user, at: now });
  });
  return projectId;
}

async function addRoom(trx: Transaction<Database>, customerId: string, projectId: string, room: StartProjectBody['rooms'][number], library: ReadonlyMap<string, KeptPiece>, now: string): Promise<void> {
  const roomId = randomUUID();
  const optionId = randomUUID();
  await trx.insertInto('rooms').values({ id: roomId, project_id: projectId, name: room.name, shape: JSON.stringify(placeholderRoomShape(room.kind)), created_at: now, updated_at: now }).execute();
  await trx.insertInto('intake_rooms').values({ room_id: roomId, project_id: projectId, kind: room.kind, purpose: room.purpose }).execute();
  const pieces: KeptPiece[] = [...new Set(room.keptPieceIds)].map((id) => library.get(id) as KeptPiece);
  for (const piece of room.newPieces) {
    const row = { id: randomUUID(), customer_id: customerId, name: piece.name, category: piece.category, width_mm: piece.widthMm, depth_mm: piece.depthMm, height_mm: piece.heightMm, photo_file_id: piece.photoFileId ?? null, created_at: now };
    await trx.insertInto('kept_pieces').values(row).execute();
    pieces.push(toKeptPiece(row));
  }
  if (pieces.length > 0) await trx.insertInto('room_kept_pieces').values(pieces.map((piece) => ({ room_id: roomId, piece_id: piece.id }))).execute();
  await trx
    .insertInto('design_options')
    .values({ id: optionId, room_id: roomId, name: FIRST_OPTION_NAME, document: JSON.stringify({ schemaVersion: OPTION_SCHEMA_VERSION, items: [], finishes: NO_FINISHES }), created_at: now, updated_at: now })
    .execute();
  await placeKeptPieces(trx, optionId, pieces, PLACEHOLDER_ROOM_MM[room.kind]);
}
