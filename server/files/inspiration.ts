/**
 * A customer’s own images outside any project — inspiration for the style profile, photos of the
 * pieces they keep — seen by them and by the designers of their projects. Sniffed like every
 * upload, so an SVG or HTML "image" is refused.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { describedFiles, describeFile, insertFile, toStoredFile, type StoredFile } from './store.ts';

export async function inspirationOf(db: Kysely<Database>, customerId: string): Promise<StoredFile[]> {
  const rows = await describedFiles(db).where('files.owner_id', '=', customerId).where('files.purpose', '=', 'inspiration').orderBy('files.created_at').orderBy('files.id').execute();
  return rows.map(toStoredFile);
}

/** A customer's own file outside any project: an inspiration image, or a photo of a piece they keep. */
export async function addOwnFile(db: Kysely<Database>, purpose: 'inspiration' | 'piece-photo', userId: string, bytes: Uint8Array | undefined, name: string, now: string): Promise<StoredFile> {
  const id = await insertFile(db, { purpose, bytes: bytes ?? new Uint8Array(), name, ownerId: userId, uploadedBy: userId, projectId: null, roomId: null, shotKey: null, at: now });
  const file = await describeFile(db, id);
  if (!file) throw notFound('Image');
  return file;
}
