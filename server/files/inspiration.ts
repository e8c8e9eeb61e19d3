/**
 * Inspiration images for a customer's style profile: theirs, outside any project, seen by the
 * designers of their projects. Sniffed like every upload, so an SVG or HTML "image" is refused.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import { describedFiles, describeFile, insertFile, toStoredFile, type StoredFile } from './store.ts';

export async function inspirationOf(db: Kysely<Database>, customerId: string): Promise<StoredFile[]> {
  const rows = await describedFiles(db).where('files.owner_id', '=', customerId).where('files.purpose', '=', 'inspiration').orderBy('files.created_at').orderBy('files.id').execute();
  return rows.map(toStoredFile);
}

export async function addInspiration(db: Kysely<Database>, userId: string, bytes: Uint8Array | undefined, name: string, now: string): Promise<StoredFile> {
  const id = await insertFile(db, { purpose: 'inspiration', bytes: bytes ?? new Uint8Array(), name, ownerId: userId, uploadedBy: userId, projectId: null, roomId: null, shotKey: null, at: now });
  const file = await describeFile(db, id);
  if (!file) throw notFound('Image');
  return file;
}
