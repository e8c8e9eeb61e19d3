/**
 * Files in the SQL store: sniffed and hashed on the way in, described without their bytes on
 * the way out, served with the type the sniffing found. The bytes are only read by `fileBytes`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoredFileSchema } from '../../core/api/files.ts';
import { judgeUpload, sniffMedia, UPLOAD_POLICIES, type UploadPurpose } from '../../core/files/sniff.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type StoredFile = z.infer<typeof StoredFileSchema>;

/** The columns that describe a file, never its bytes. */
export const FILE_COLUMNS = ['files.id', 'files.purpose', 'files.media_type', 'files.size', 'files.sha256', 'files.name', 'files.shot_key', 'files.uploaded_by', 'files.created_at', 'files.thumbnail_type'] as const;

export interface FileRow {
  id: string;
  purpose: string;
  media_type: string;
  size: number;
  sha256: string;
  name: string;
  shot_key: string | null;
  uploaded_by: string | null;
  created_at: string;
  thumbnail_type: string | null;
  uploader_name: string | null;
}

export function toStoredFile(row: FileRow): StoredFile {
  const url = `/api/files/${encodeURIComponent(row.id)}`;
  return {
    id: row.id,
    purpose: row.purpose as StoredFile['purpose'],
    mediaType: row.media_type as StoredFile['mediaType'],
    size: Number(row.size),
    sha256: row.sha256,
    name: row.name,
    hasThumbnail: row.thumbnail_type !== null,
    shotKey: row.shot_key,
    uploadedBy: { id: row.uploaded_by, name: row.uploader_name ?? 'Someone' },
    createdAt: row.created_at,
    url,
    thumbnailUrl: `${url}?variant=thumbnail`,
  };
}

/** Files described with their uploader's name, filtered by the caller. */
export function describedFiles(db: Db) {
  return db.selectFrom('files').leftJoin('users', 'users.id', 'files.uploaded_by').select([...FILE_COLUMNS, 'users.name as uploader_name']);
}

export async function describeFile(db: Db, id: string): Promise<StoredFile | null> {
  const row = await describedFiles(db).where('files.id', '=', id).executeTakeFirst();
  return row ? toStoredFile(row) : null;
}

export interface NewFile {
  readonly purpose: UploadPurpose;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly ownerId: string | null;
  readonly uploadedBy: string;
  readonly projectId: string | null;
  readonly roomId: string | null;
  readonly shotKey: string | null;
  readonly at: string;
}

/** Refuses what the purpose does not accept (415 naming what it is, 413 with the sizes). */
export function checkUpload(purpose: UploadPurpose, bytes: Uint8Array | undefined): ReturnType<typeof judgeUpload> & { ok: true } {
  const verdict = judgeUpload(bytes ?? new Uint8Array(), UPLOAD_POLICIES[purpose]);
  if (!verdict.ok) throw new HttpError(verdict.status, verdict.code, verdict.message);
  return verdict;
}

/** A name safe to show and to put in a header: no path, no control characters, bounded. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 120);
  return cleaned || 'file';
}

/** Runs in the caller's transaction, or in one of its own: a description is never without its bytes. */
function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : (db as Kysely<Database>).transaction().execute(work);
}

export async function insertFile(db: Db, file: NewFile): Promise<string> {
  const verdict = checkUpload(file.purpose, file.bytes);
  const id = randomUUID();
  await inTransaction(db, async (trx) => {
    await trx
    .insertInto('files')
    .values({
      id,
      owner_id: file.ownerId,
      uploaded_by: file.uploadedBy,
      project_id: file.projectId,
      room_id: file.roomId,
      purpose: file.purpose,
      shot_key: file.shotKey,
      media_type: verdict.mediaType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      name: cleanFileName(file.name),
      thumbnail_type: null,
      created_at: file.at,
    })
    .execute();
    await trx.insertInto('file_contents').values({ file_id: id, content: file.bytes, thumbnail: null }).execute();
  });
  return id;
}

/** Stores a browser-made thumbnail beside an image (one transaction with its type); it must itself be a small JPEG, PNG or WebP. */
export async function storeThumbnail(db: Kysely<Database>, fileId: string, bytes: Uint8Array | undefined): Promise<void> {
  const sniffed = sniffMedia(bytes ?? new Uint8Array());
  if (!sniffed.accepted || sniffed.category !== 'image') {
    throw new HttpError(415, 'unsupported_media_type', `${sniffed.label.charAt(0).toUpperCase()}${sniffed.label.slice(1)} is not a thumbnail: send a JPEG, PNG or WebP image`);
  }
  const file = await db.selectFrom('files').select('media_type').where('id', '=', fileId).executeTakeFirst();
  if (!file?.media_type.startsWith('image/')) throw new HttpError(409, 'not_an_image', 'Only images have thumbnails');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('file_contents').set({ thumbnail: bytes ?? null }).where('file_id', '=', fileId).execute();
    await trx.updateTable('files').set({ thumbnail_type: sniffed.mediaType }).where('id', '=', fileId).execute();
  });
}

export interface FileBytes {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  readonly name: string;
  readonly sha256: string;
  /** False when a thumbnail was asked for and the original stands in for it. */
  readonly exact: boolean;
}

export async function fileBytes(db: Db, fileId: string, variant: 'original' | 'thumbnail'): Promise<FileBytes | null> {
  const row = await db
    .selectFrom('files')
    .innerJoin('file_contents', 'file_contents.file_id', 'files.id')
    .select(['file_contents.content', 'files.media_type', 'files.name', 'files.sha256', 'file_contents.thumbnail', 'files.thumbnail_type'])
    .where('files.id', '=', fileId)
    .executeTakeFirst();
  if (!row) return null;
  if (variant === 'thumbnail' && row.thumbnail && row.thumbnail_type) return { bytes: row.thumbnail, mediaType: row.thumbnail_type, name: row.name, sha256: row.sha256, exact: true };
  return { bytes: row.content, mediaType: row.media_type, name: row.name, sha256: row.sha256, exact: variant === 'original' };
}

/** `inline; filename="…"; filename*=UTF-8''…` (RFC 6266), ASCII fallback for old clients. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
