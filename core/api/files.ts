/**
 * [Intake]/[Room] contracts for uploaded files: room photos by a shot list, photo requests,
 * the designer's reference pin, inspiration images. Uploads are raw bytes (`binary` bodies):
 * the server decides what they are by content (core/files/sniff.ts), never by the claimed type.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Id, IsoDateTime } from './schemas.ts';
import { largestUpload, MAX_THUMBNAIL_BYTES, UPLOAD_POLICIES, UPLOAD_PURPOSES } from '../files/sniff.ts';
import { SHOT_KEY } from '../files/shotList.ts';

export const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'must be the file’s bytes');
export const ShotKeySchema = z.string().regex(SHOT_KEY, 'must be a shot on the list, such as corner:1 or wall:2');
export const FileName = z.string().trim().min(1).max(200);

export const StoredFileSchema = z.object({
  id: Id,
  purpose: z.enum(UPLOAD_PURPOSES),
  mediaType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm']),
  size: z.number().int().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string(),
  hasThumbnail: z.boolean(),
  shotKey: z.string().nullable(),
  uploadedBy: z.object({ id: Id.nullable(), name: z.string() }),
  createdAt: IsoDateTime,
  /** Where to fetch it; the thumbnail falls back to the original when none was made. */
  url: z.string(),
  thumbnailUrl: z.string(),
});

export const ShotSchema = z.object({
  key: z.string(),
  kind: z.enum(['corner', 'wall', 'window', 'feature', 'request']),
  number: z.number().int().nullable(),
  label: z.string().nullable(),
});

export const PhotoRequestSchema = z.object({
  id: Id,
  roomId: Id,
  roomName: z.string(),
  projectId: Id,
  projectName: z.string(),
  text: z.string(),
  example: StoredFileSchema.nullable(),
  status: z.enum(['open', 'fulfilled']),
  requestedBy: z.object({ id: Id.nullable(), name: z.string() }),
  createdAt: IsoDateTime,
  fulfilledAt: IsoDateTime.nullable(),
  fulfilledBy: z.object({ id: Id.nullable(), name: z.string() }).nullable(),
});

export const RoomPhotosSchema = z.object({
  roomId: Id,
  shots: z.array(ShotSchema),
  photos: z.array(StoredFileSchema),
  requests: z.array(PhotoRequestSchema),
  progress: z.object({ done: z.number().int(), total: z.number().int() }),
  pinnedFileId: Id.nullable(),
});

const roomParams = z.object({ roomId: Id });
const fileParams = z.object({ fileId: Id });

export const roomPhotos = endpoint({
  id: 'roomPhotos',
  method: 'GET',
  path: '/api/rooms/:roomId/photos',
  summary: 'A room’s shot list with its photos, progress, open photo requests and the pinned reference',
  tag: 'photos',
  access: { kind: 'session', action: 'project:read', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  response: RoomPhotosSchema,
});

export const uploadRoomPhoto = endpoint({
  id: 'uploadRoomPhoto',
  method: 'POST',
  path: '/api/rooms/:roomId/photos',
  summary: 'Add a photo of the room (raw JPEG, PNG or WebP bytes), for a shot on the list; a photo for a request fulfils it',
  tag: 'photos',
  access: { kind: 'session', action: 'project:edit', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  query: z.object({ shot: ShotKeySchema.optional(), name: FileName.default('photo') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES['room-photo']),
  response: z.object({ photo: StoredFileSchema, progress: z.object({ done: z.number().int(), total: z.number().int() }) }),
  successStatus: 201,
});

export const addFeatureShot = endpoint({
  id: 'addFeatureShot',
  method: 'POST',
  path: '/api/rooms/:roomId/shots',
  summary: 'Add a feature to the room’s shot list (a radiator, a fireplace…)',
  tag: 'photos',
  access: { kind: 'session', action: 'project:edit', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  body: z.object({ label: z.string().trim().min(1, 'is required').max(80) }),
  response: z.object({ shot: ShotSchema }),
  successStatus: 201,
  bodyLimit: 2048,
});

export const uploadRequestExample = endpoint({
  id: 'uploadRequestExample',
  method: 'POST',
  path: '/api/rooms/:roomId/request-examples',
  summary: 'Upload an example image for a photo request (designer)',
  tag: 'photos',
  access: { kind: 'session', action: 'room:edit', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  query: z.object({ name: FileName.default('example') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES['request-example']),
  response: z.object({ file: StoredFileSchema }),
  successStatus: 201,
});

export const requestPhoto = endpoint({
  id: 'requestPhoto',
  method: 'POST',
  path: '/api/rooms/:roomId/photo-requests',
  summary: 'Ask the customer for one more specific photo, with what is wanted and an optional example image',
  tag: 'photos',
  access: { kind: 'session', action: 'room:edit', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  body: z.object({ text: z.string().trim().min(1, 'says what photo is wanted').max(500), exampleFileId: Id.optional() }),
  response: z.object({ request: PhotoRequestSchema }),
  successStatus: 201,
  bodyLimit: 4096,
});

export const myPhotoRequests = endpoint({
  id: 'myPhotoRequests',
  method: 'GET',
  path: '/api/me/photo-requests',
  summary: 'Open photo requests waiting on the signed-in customer, across their projects',
  tag: 'photos',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({ requests: z.array(PhotoRequestSchema) }),
});

export const pinReference = endpoint({
  id: 'pinReference',
  method: 'PUT',
  path: '/api/rooms/:roomId/pin',
  summary: 'Pin one of the room’s photos beside the 3D view as the reference (null unpins)',
  tag: 'photos',
  access: { kind: 'session', action: 'room:edit', scope: { param: 'roomId', resource: 'room' } },
  params: roomParams,
  body: z.object({ fileId: Id.nullable() }),
  response: z.object({ pinnedFileId: Id.nullable() }),
  bodyLimit: 1024,
});

export const putThumbnail = endpoint({
  id: 'putThumbnail',
  method: 'PUT',
  path: '/api/files/:fileId/thumbnail',
  summary: 'Store the browser-made thumbnail (~400 px WebP or JPEG) beside an uploaded image',
  tag: 'photos',
  access: { kind: 'session', action: 'project:edit', scope: { param: 'fileId', resource: 'photo' } },
  params: fileParams,
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: MAX_THUMBNAIL_BYTES,
  response: z.object({ file: StoredFileSchema }),
});

export const getFile = endpoint({
  id: 'getFile',
  method: 'GET',
  path: '/api/files/:fileId',
  summary: 'The file’s bytes (or its thumbnail) with its sniffed content type, for members only',
  tag: 'photos',
  access: { kind: 'session', action: 'project:read', scope: { param: 'fileId', resource: 'photo' } },
  params: fileParams,
  query: z.object({ variant: z.enum(['original', 'thumbnail']).default('original'), download: z.enum(['1']).optional() }),
  response: Bytes,
});

export const deleteFile = endpoint({
  id: 'deleteFile',
  method: 'DELETE',
  path: '/api/files/:fileId',
  summary: 'Remove an uploaded file (its uploader, or the customer it belongs to)',
  tag: 'photos',
  access: { kind: 'session', action: 'project:read', scope: { param: 'fileId', resource: 'photo' } },
  params: fileParams,
  response: z.object({ ok: z.literal(true) }),
});

export const myInspiration = endpoint({
  id: 'myInspiration',
  method: 'GET',
  path: '/api/me/inspiration',
  summary: 'The signed-in customer’s inspiration images',
  tag: 'photos',
  access: { kind: 'session', action: 'self:manage' },
  response: z.object({ images: z.array(StoredFileSchema) }),
});

export const projectInspiration = endpoint({
  id: 'projectInspiration',
  method: 'GET',
  path: '/api/projects/:projectId/inspiration',
  summary: 'The inspiration images of the project’s customer (for the designer’s style summary)',
  tag: 'photos',
  access: { kind: 'session', action: 'project:read', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  response: z.object({ images: z.array(StoredFileSchema) }),
});

export const uploadInspiration = endpoint({
  id: 'uploadInspiration',
  method: 'POST',
  path: '/api/me/inspiration',
  summary: 'Add an inspiration image (raw JPEG, PNG or WebP bytes) to the style profile',
  tag: 'photos',
  access: { kind: 'session', action: 'self:manage' },
  query: z.object({ name: FileName.default('inspiration') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES.inspiration),
  response: z.object({ image: StoredFileSchema }),
  successStatus: 201,
});

export const uploadPiecePhoto = endpoint({
  id: 'uploadPiecePhoto',
  method: 'POST',
  path: '/api/me/piece-photos',
  summary: 'A photo of a piece the customer keeps (raw JPEG, PNG or WebP bytes), before or after the project exists',
  tag: 'photos',
  access: { kind: 'session', action: 'self:manage' },
  query: z.object({ name: FileName.default('piece') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES['piece-photo']),
  response: z.object({ file: StoredFileSchema }),
  successStatus: 201,
});

export const uploadVideoNote = endpoint({
  id: 'uploadVideoNote',
  method: 'POST',
  path: '/api/projects/:projectId/video-notes',
  summary: 'A designer’s short video (MP4 or WebM, up to 60 MB) or image to attach to a delivery; served like any project file',
  tag: 'photos',
  access: { kind: 'session', action: 'room:edit', scope: { param: 'projectId', resource: 'project' } },
  params: z.object({ projectId: Id }),
  query: z.object({ name: FileName.default('video') }),
  body: Bytes,
  bodyFormat: 'binary',
  bodyLimit: largestUpload(UPLOAD_POLICIES['video-note']),
  response: z.object({ file: StoredFileSchema }),
  successStatus: 201,
});

export const filesEndpoints = [
  roomPhotos,
  uploadRoomPhoto,
  addFeatureShot,
  uploadRequestExample,
  requestPhoto,
  myPhotoRequests,
  pinReference,
  putThumbnail,
  getFile,
  deleteFile,
  myInspiration,
  projectInspiration,
  uploadInspiration,
  uploadPiecePhoto,
  uploadVideoNote,
] as const;
