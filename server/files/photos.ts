/**
 * Room photos by a shot list: the list (core/files/shotList.ts) with the room's features and
 * photo requests, uploads that fulfil a request, the designer's reference pin. Every change is
 * one transaction with the timeline event and notification that announce it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { PhotoRequestSchema, RoomPhotosSchema } from '../../core/api/files.ts';
import { RoomShapeSchema } from '../../core/api/schemas.ts';
import { shotList, shotProgress, type Shot } from '../../core/files/shotList.ts';
import type { User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addNotifications, type NewNotification } from '../notify/notifications.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { describedFiles, describeFile, insertFile, toStoredFile, type StoredFile } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type PhotoRequest = z.infer<typeof PhotoRequestSchema>;
export type RoomPhotos = z.infer<typeof RoomPhotosSchema>;

/** Photos in a room taken together by one person count as one timeline event. */
const BATCH_WINDOW_MS = 30 * 60 * 1000;

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || name;
}

interface RoomContext {
  readonly roomId: string;
  readonly roomName: string;
  readonly projectId: string;
  readonly projectName: string;
  readonly customerId: string | null;
  readonly shots: Shot[];
}

async function roomContext(db: Db, roomId: string): Promise<RoomContext> {
  const room = await db
    .selectFrom('rooms')
    .innerJoin('projects', 'projects.id', 'rooms.project_id')
    .select(['rooms.id', 'rooms.name', 'rooms.shape', 'projects.id as project_id', 'projects.name as project_name', 'projects.customer_id'])
    .where('rooms.id', '=', roomId)
    .executeTakeFirst();
  if (!room) throw notFound('Room');
  const shape = RoomShapeSchema.parse(JSON.parse(room.shape));
  const features = await db.selectFrom('room_features').select(['id', 'label']).where('room_id', '=', roomId).orderBy('created_at').orderBy('id').execute();
  const requests = await db.selectFrom('photo_requests').select(['id', 'text as label']).where('room_id', '=', roomId).orderBy('created_at').orderBy('id').execute();
  return { roomId, roomName: room.name, projectId: room.project_id, projectName: room.project_name, customerId: room.customer_id, shots: shotList(shape, features, requests) };
}

function requestSelect(db: Db) {
  return db
    .selectFrom('photo_requests')
    .innerJoin('rooms', 'rooms.id', 'photo_requests.room_id')
    .innerJoin('projects', 'projects.id', 'photo_requests.project_id')
    .leftJoin('users as requester', 'requester.id', 'photo_requests.requested_by')
    .leftJoin('users as fulfiller', 'fulfiller.id', 'photo_requests.fulfilled_by')
    .select([
      'photo_requests.id',
      'photo_requests.room_id',
      'rooms.name as room_name',
      'photo_requests.project_id',
      'projects.name as project_name',
      'photo_requests.text',
      'photo_requests.example_file_id',
      'photo_requests.status',
      'photo_requests.requested_by',
      'requester.name as requester_name',
      'photo_requests.created_at',
      'photo_requests.fulfilled_at',
      'photo_requests.fulfilled_by',
      'fulfiller.name as fulfiller_name',
    ]);
}

async function toRequests(db: Db, rows: Awaited<ReturnType<ReturnType<typeof requestSelect>['execute']>>): Promise<PhotoRequest[]> {
  const exampleIds = rows.flatMap((r) => (r.example_file_id ? [r.example_file_id] : []));
  const examples = exampleIds.length ? (await describedFiles(db).where('files.id', 'in', exampleIds).execute()).map(toStoredFile) : [];
  return rows.map((r) => ({
    id: r.id,
    roomId: r.room_id,
    roomName: r.room_name,
    projectId: r.project_id,
    projectName: r.project_name,
    text: r.text,
    example: examples.find((e) => e.id === r.example_file_id) ?? null,
    status: r.status as PhotoRequest['status'],
    requestedBy: { id: r.requested_by, name: r.requester_name ?? 'Your designer' },
    createdAt: r.created_at,
    fulfilledAt: r.fulfilled_at,
    fulfilledBy: r.fulfilled_at ? { id: r.fulfilled_by, name: r.fulfiller_name ?? 'Someone' } : null,
  }));
}

export async function roomPhotos(db: Db, roomId: string): Promise<RoomPhotos> {
  const room = await roomContext(db, roomId);
  const photos = (await describedFiles(db).where('files.room_id', '=', roomId).where('files.purpose', '=', 'room-photo').orderBy('files.created_at').orderBy('files.id').execute()).map(toStoredFile);
  const requests = await toRequests(db, await requestSelect(db).where('photo_requests.room_id', '=', roomId).orderBy('photo_requests.created_at').execute());
  const pin = await db.selectFrom('room_pins').select('file_id').where('room_id', '=', roomId).executeTakeFirst();
  const progress = shotProgress(room.shots, photos.map((p) => p.shotKey));
  return { roomId, shots: room.shots, photos, requests, progress: { done: progress.done, total: progress.total }, pinnedFileId: pin?.file_id ?? null };
}

/** "corner 2", "the window on wall 3", "the radiator" — the shot in a timeline sentence. */
export function shotWords(shot: Shot): string {
  switch (shot.kind) {
    case 'corner':
    case 'wall':
      return `${shot.kind} ${shot.number}`;
    case 'window':
      return `the window on wall ${shot.number}`;
    case 'feature':
    case 'request':
      return shot.label ?? 'a feature';
  }
}

async function designerIds(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('project_members').select('user_id').where('project_id', '=', projectId).where('role', '=', 'designer').execute();
  return rows.map((r) => r.user_id);
}

export interface UploadedPhoto {
  readonly photo: StoredFile;
  readonly progress: { done: number; total: number };
}

export async function uploadRoomPhoto(db: Kysely<Database>, input: { roomId: string; user: User; bytes: Uint8Array | undefined; name: string; shotKey: string | undefined; now: string }): Promise<UploadedPhoto> {
  const { user, now } = input;
  const fileId = await db.transaction().execute(async (trx) => {
    const room = await roomContext(trx, input.roomId);
    const shot = input.shotKey ? room.shots.find((s) => s.key === input.shotKey) : undefined;
    if (input.shotKey && !shot) throw new HttpError(400, 'unknown_shot', `“${input.shotKey}” is not on the shot list of ${room.roomName}`);
    const id = await insertFile(trx, { purpose: 'room-photo', bytes: input.bytes ?? new Uint8Array(), name: input.name, ownerId: room.customerId, uploadedBy: user.id, projectId: room.projectId, roomId: room.roomId, shotKey: shot?.key ?? null, at: now });
    const who = firstName(user.name);

    if (shot?.kind === 'request') {
      const requestId = shot.key.slice('request:'.length);
      const request = await trx.selectFrom('photo_requests').select(['status', 'requested_by', 'text']).where('id', '=', requestId).executeTakeFirstOrThrow();
      if (request.status === 'open') {
        await trx.updateTable('photo_requests').set({ status: 'fulfilled', fulfilled_file_id: id, fulfilled_by: user.id, fulfilled_at: now }).where('id', '=', requestId).execute();
        await addTimelineEvents(trx, [{ projectId: room.projectId, subjectUserId: room.customerId ?? user.id, actorName: user.name, kind: 'photo.request.fulfilled', text: `${who} sent the photo that was asked for in ${room.roomName}: ${request.text}`, at: now }]);
        if (request.requested_by && request.requested_by !== user.id) {
          await addNotifications(trx, [{ userId: request.requested_by, kind: 'photo.received', title: `${who} sent the photo you asked for`, body: `${room.roomName}: ${request.text}`, link: `/projects/${room.projectId}/photos/${room.roomId}`, data: { roomId: room.roomId, requestId, fileId: id } }], now);
        }
        return id;
      }
    }
    await announceBatch(trx, room, user, shot, now);
    return id;
  });
  const photo = await describeFile(db, fileId);
  const after = await roomPhotos(db, input.roomId);
  if (!photo) throw notFound('Photo');
  return { photo, progress: after.progress };
}

/**
 * One timeline event per sitting: the first photo posts "Ana added a photo of the Living room
 * (corner 1)" and tells the designers; more photos within half an hour rewrite that sentence
 * with the count instead of adding a line each.
 */
async function announceBatch(trx: Transaction<Database>, room: RoomContext, user: User, shot: Shot | undefined, now: string): Promise<void> {
  const subject = room.customerId ?? user.id;
  const since = new Date(Date.parse(now) - BATCH_WINDOW_MS).toISOString();
  const recent = await trx
    .selectFrom('timeline_events')
    .select(['id', 'at'])
    .where('project_id', '=', room.projectId)
    .where('kind', '=', 'photos.added')
    .where('actor_name', '=', user.name)
    .where('at', '>=', since)
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const who = firstName(user.name);
  if (recent) {
    // The sitting continues only while every photo since it began is of this room.
    const rooms = await trx
      .selectFrom('files')
      .select(['room_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('project_id', '=', room.projectId)
      .where('uploaded_by', '=', user.id)
      .where('purpose', '=', 'room-photo')
      .where('created_at', '>=', recent.at)
      // A photo sent for a request has its own line.
      .where((eb) => eb.or([eb('shot_key', 'is', null), eb('shot_key', 'not like', 'request:%')]))
      .groupBy('room_id')
      .execute();
    if (rooms.length === 1 && rooms[0]?.room_id === room.roomId) {
      await trx.updateTable('timeline_events').set({ text: `${who} added ${Number(rooms[0].n)} photos of the ${room.roomName}` }).where('id', '=', recent.id).execute();
      return;
    }
  }
  const what = shot ? ` (${shotWords(shot)})` : '';
  await addTimelineEvents(trx, [{ projectId: room.projectId, subjectUserId: subject, actorName: user.name, kind: 'photos.added', text: `${who} added a photo of the ${room.roomName}${what}`, at: now }]);
  const notifications: NewNotification[] = (await designerIds(trx, room.projectId))
    .filter((id) => id !== user.id)
    .map((userId) => ({ userId, kind: 'photos.added', title: `${who} is adding photos of the ${room.roomName}`, body: room.projectName, link: `/projects/${room.projectId}/photos/${room.roomId}`, data: { roomId: room.roomId } }));
  await addNotifications(trx, notifications, now);
}

export async function addFeatureShot(db: Kysely<Database>, roomId: string, user: User, label: string, now: string): Promise<Shot> {
  const id = randomUUID();
  await db.insertInto('room_features').values({ id, room_id: roomId, label, added_by: user.id, created_at: now }).execute();
  const room = await roomContext(db, roomId);
  const shot = room.shots.find((s) => s.key === `feature:${id}`);
  if (!shot) throw new Error('the feature just added is not on the list');
  return shot;
}

export async function uploadRequestExample(db: Kysely<Database>, roomId: string, user: User, bytes: Uint8Array | undefined, name: string, now: string): Promise<StoredFile> {
  const room = await roomContext(db, roomId);
  const id = await insertFile(db, { purpose: 'request-example', bytes: bytes ?? new Uint8Array(), name, ownerId: room.customerId, uploadedBy: user.id, projectId: room.projectId, roomId, shotKey: null, at: now });
  const file = await describeFile(db, id);
  if (!file) throw notFound('Example image');
  return file;
}

export async function requestPhoto(db: Kysely<Database>, input: { roomId: string; user: User; text: string; exampleFileId: string | undefined; now: string }): Promise<PhotoRequest> {
  const { user, now } = input;
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    const room = await roomContext(trx, input.roomId);
    if (input.exampleFileId) {
      const example = await trx.selectFrom('files').select(['room_id', 'purpose']).where('id', '=', input.exampleFileId).executeTakeFirst();
      if (!example || example.room_id !== room.roomId || (example.purpose !== 'request-example' && example.purpose !== 'room-photo')) {
        throw new HttpError(400, 'invalid_example', 'The example image must be one uploaded for this room');
      }
    }
    await trx.insertInto('photo_requests').values({ id, room_id: room.roomId, project_id: room.projectId, requested_by: user.id, text: input.text, example_file_id: input.exampleFileId ?? null, status: 'open', fulfilled_file_id: null, fulfilled_by: null, created_at: now, fulfilled_at: null }).execute();
    const who = firstName(user.name);
    await addTimelineEvents(trx, [{ projectId: room.projectId, subjectUserId: room.customerId ?? user.id, actorName: user.name, kind: 'photo.requested', text: `${who} asked for one more photo of the ${room.roomName}: ${input.text}`, at: now }]);
    if (room.customerId) {
      await addNotifications(trx, [{ userId: room.customerId, kind: 'photo.requested', title: `${who} asked for one more photo`, body: `${room.roomName}: ${input.text}`, link: `/projects/${room.projectId}/photos/${room.roomId}`, data: { roomId: room.roomId, requestId: id } }], now);
    }
  });
  const [request] = await toRequests(db, await requestSelect(db).where('photo_requests.id', '=', id).execute());
  if (!request) throw notFound('Photo request');
  return request;
}

/** Open requests on projects the person is the customer of, oldest first: tasks waiting on them. */
export async function openRequestsFor(db: Db, userId: string): Promise<PhotoRequest[]> {
  return toRequests(db, await requestSelect(db).where('projects.customer_id', '=', userId).where('photo_requests.status', '=', 'open').orderBy('photo_requests.created_at').execute());
}

export async function pinReference(db: Kysely<Database>, roomId: string, user: User, fileId: string | null, now: string): Promise<string | null> {
  if (fileId === null) {
    await db.deleteFrom('room_pins').where('room_id', '=', roomId).execute();
    return null;
  }
  const file = await db.selectFrom('files').select(['room_id', 'purpose']).where('id', '=', fileId).executeTakeFirst();
  if (!file || file.room_id !== roomId || file.purpose !== 'room-photo') throw new HttpError(400, 'invalid_pin', 'Only a photo of this room can be pinned beside it');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('room_pins').where('room_id', '=', roomId).execute();
    await trx.insertInto('room_pins').values({ room_id: roomId, file_id: fileId, pinned_by: user.id, pinned_at: now }).execute();
  });
  return fileId;
}
