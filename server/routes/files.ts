import * as api from '../../core/api/files.ts';
import { can } from '../../core/permissions.ts';
import { implement } from '../http/context.ts';
import { forbidden, HttpError, notFound } from '../http/errors.ts';
import { addOwnFile, inspirationOf } from '../files/inspiration.ts';
import { addFeatureShot, openRequestsFor, pinReference, requestPhoto, roomPhotos, uploadRequestExample, uploadRoomPhoto } from '../files/photos.ts';
import { contentDisposition, describeFile, fileBytes, insertFile, storeThumbnail } from '../files/store.ts';

const nowIso = () => new Date().toISOString();

export const filesRoutes = [
  implement(api.roomPhotos, async ({ params, services }) => roomPhotos(services.db, params.roomId)),

  implement(api.uploadRoomPhoto, async ({ params, query, body, user, services }) => uploadRoomPhoto(services.db, { roomId: params.roomId, user, bytes: body, name: query.name, shotKey: query.shot, now: nowIso() })),

  implement(api.addFeatureShot, async ({ params, body, user, services }) => ({ shot: await addFeatureShot(services.db, params.roomId, user, body.label, nowIso()) })),

  implement(api.uploadRequestExample, async ({ params, query, body, user, services }) => ({ file: await uploadRequestExample(services.db, params.roomId, user, body, query.name, nowIso()) })),

  implement(api.requestPhoto, async ({ params, body, user, services }) => ({ request: await requestPhoto(services.db, { roomId: params.roomId, user, text: body.text, exampleFileId: body.exampleFileId, now: nowIso() }) })),

  implement(api.myPhotoRequests, async ({ user, services }) => ({ requests: await openRequestsFor(services.db, user.id) })),

  implement(api.pinReference, async ({ params, body, user, services }) => ({ pinnedFileId: await pinReference(services.db, params.roomId, user, body.fileId, nowIso()) })),

  implement(api.putThumbnail, async ({ params, body, services }) => {
    await storeThumbnail(services.db, params.fileId, body);
    const file = await describeFile(services.db, params.fileId);
    if (!file) throw notFound('File');
    return { file };
  }),

  implement(api.getFile, async ({ params, query, services, reply }) => {
    const file = await fileBytes(services.db, params.fileId, query.variant);
    if (!file) throw notFound('File');
    reply.header('content-type', file.mediaType);
    reply.header('content-disposition', contentDisposition(query.download ? 'attachment' : 'inline', file.name));
    reply.header('x-content-type-options', 'nosniff');
    // Whatever a file turns out to be, it can never run as a page of this origin.
    reply.header('content-security-policy', "default-src 'none'; sandbox");
    reply.header('etag', `"${file.sha256}${query.variant === 'thumbnail' ? '-t' : ''}${file.exact ? '' : '-o'}"`);
    // A file's bytes never change under its id; a thumbnail standing in for a missing one may.
    reply.header('cache-control', file.exact ? 'private, max-age=31536000, immutable' : 'private, no-cache');
    return Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  }),

  implement(api.deleteFile, async ({ params, user, services }) => {
    const row = await services.db.selectFrom('files').select(['uploaded_by', 'owner_id']).where('id', '=', params.fileId).executeTakeFirst();
    if (!row) throw notFound('File');
    const mayDelete = row.uploaded_by === user.id || row.owner_id === user.id || can(user, 'users:manage');
    if (!mayDelete) throw forbidden('Only whoever uploaded this file, or the customer it belongs to, can remove it');
    await services.db.deleteFrom('files').where('id', '=', params.fileId).execute();
    return { ok: true as const };
  }),

  implement(api.myInspiration, async ({ user, services }) => ({ images: await inspirationOf(services.db, user.id) })),

  implement(api.projectInspiration, async ({ params, services }) => {
    const project = await services.db.selectFrom('projects').select('customer_id').where('id', '=', params.projectId).executeTakeFirst();
    return { images: project?.customer_id ? await inspirationOf(services.db, project.customer_id) : [] };
  }),

  implement(api.uploadInspiration, async ({ query, body, user, services }) => {
    if (user.role !== 'customer') throw new HttpError(403, 'forbidden', 'Inspiration images belong to a customer’s style profile');
    return { image: await addOwnFile(services.db, 'inspiration', user.id, body, query.name, nowIso()) };
  }),

  implement(api.uploadVideoNote, async ({ params, query, body, user, services }) => {
    const project = await services.db.selectFrom('projects').select('customer_id').where('id', '=', params.projectId).executeTakeFirst();
    const id = await insertFile(services.db, { purpose: 'video-note', bytes: body ?? new Uint8Array(), name: query.name, ownerId: project?.customer_id ?? null, uploadedBy: user.id, projectId: params.projectId, roomId: null, shotKey: null, at: nowIso() });
    const file = await describeFile(services.db, id);
    if (!file) throw notFound('Video');
    return { file };
  }),

  implement(api.uploadPiecePhoto, async ({ query, body, user, services }) => {
    if (user.role !== 'customer') throw new HttpError(403, 'forbidden', 'Photos of kept pieces belong to a customer');
    return { file: await addOwnFile(services.db, 'piece-photo', user.id, body, query.name, nowIso()) };
  }),
];
