/**
 * Everything about one person, as a zip: a JSON file per table holding the rows about them (their
 * profile, projects, rooms, options, comments, purchases, claims, notifications, timeline…) and
 * the bytes of their photos and images. Tables are found by reading the schema, so a feature that
 * adds a table with a person or project column is exported without changing this file.
 * Never exported: password hashes and session tokens (secrets, not data about the person).
 */
import { PassThrough, type Readable } from 'node:stream';
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { notificationSettings } from './settings.ts';

/** Columns that name a person: a row is about them when one of these holds their id. */
const PERSON_COLUMNS = new Set(['user_id', 'customer_id', 'owner_id', 'subject_user_id', 'author_id', 'uploaded_by', 'requested_by', 'fulfilled_by', 'added_by', 'approved_by', 'published_by', 'pinned_by', 'recorded_by', 'actor_id', 'created_by']);
/** Tables written out by hand below, or never (secrets, bookkeeping). */
const SKIPPED_TABLES = new Set(['users', 'sessions', 'files', 'file_contents', 'notification_settings', 'audit_log', 'kysely_migration', 'kysely_migration_lock']);
const SECRET_COLUMNS = new Set(['password_hash', 'token_hash']);

interface Scope {
  readonly userId: string;
  /** Ids of the things that are theirs, by the column that points at them. */
  readonly byColumn: ReadonlyMap<string, readonly string[]>;
  /** Ids of the rows that are theirs, by table (a project's own row). */
  readonly byTable: ReadonlyMap<string, readonly string[]>;
}

async function scopeOf(db: Kysely<Database>, userId: string): Promise<Scope> {
  const projects = (await db.selectFrom('projects').select('id').where('customer_id', '=', userId).execute()).map((r) => r.id);
  const rooms = projects.length ? (await db.selectFrom('rooms').select('id').where('project_id', 'in', projects).execute()).map((r) => r.id) : [];
  const options = rooms.length ? (await db.selectFrom('design_options').select('id').where('room_id', 'in', rooms).execute()).map((r) => r.id) : [];
  const lines = (await db.selectFrom('purchase_lines').select('id').where('customer_id', '=', userId).execute()).map((r) => r.id);
  const claims = lines.length ? (await db.selectFrom('claims').select('id').where('line_id', 'in', lines).execute()).map((r) => r.id) : [];
  return {
    userId,
    byColumn: new Map([
      ['project_id', projects],
      ['room_id', rooms],
      ['option_id', options],
      ['line_id', lines],
      ['claim_id', claims],
    ]),
    byTable: new Map([
      ['projects', projects],
      ['rooms', rooms],
      ['design_options', options],
      ['purchase_lines', lines],
      ['claims', claims],
    ]),
  };
}

function jsonValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' && (value.startsWith('{') || value.startsWith('['))) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function cleanRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) if (!SECRET_COLUMNS.has(key)) out[key] = jsonValue(value);
  return out;
}

/** Every row of every table that points at the person or at something of theirs. */
export async function recordsAbout(db: Kysely<Database>, userId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const scope = await scopeOf(db, userId);
  const records: Record<string, Record<string, unknown>[]> = {};
  const tables = await db.introspection.getTables();
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (SKIPPED_TABLES.has(table.name) || table.isView) continue;
    const matches: { column: string; ids: readonly string[] }[] = [];
    for (const column of table.columns) {
      if (PERSON_COLUMNS.has(column.name)) matches.push({ column: column.name, ids: [userId] });
      const ids = scope.byColumn.get(column.name);
      if (ids?.length) matches.push({ column: column.name, ids });
    }
    const own = scope.byTable.get(table.name);
    if (own?.length && table.columns.some((c) => c.name === 'id')) matches.push({ column: 'id', ids: own });
    if (matches.length === 0) continue;
    const rows = await db
      .selectFrom(sql.table(table.name).as('t'))
      .selectAll()
      .where((eb) => eb.or(matches.map((m) => eb(sql.ref(`t.${m.column}`), 'in', m.ids))))
      .execute();
    if (rows.length) records[table.name] = (rows as Record<string, unknown>[]).map(cleanRow);
  }
  const claims = scope.byTable.get('claims') ?? [];
  const audit = await db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) => eb.or([eb('actor_id', '=', userId), ...(claims.length ? [eb.and([eb('target_type', '=', 'claim'), eb('target_id', 'in', claims)])] : [])]))
    .orderBy('seq')
    .execute();
  if (audit.length) records.audit_log = audit.map((row) => cleanRow(row as unknown as Record<string, unknown>));
  return records;
}

const FOLDER: Record<string, string> = { 'room-photo': 'photos', inspiration: 'inspiration', 'piece-photo': 'pieces', 'request-example': 'photos/examples', 'video-note': 'videos' };
const EXTENSION: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'video/mp4': 'mp4', 'video/webm': 'webm' };

function safeName(name: string): string {
  return name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[^A-Za-z0-9 ._-]/g, '_').slice(0, 60) || 'file';
}

export interface ExportArchive {
  /** The zip, written as it is read: one file's bytes in memory at a time, never the whole archive. */
  readonly stream: Readable;
  readonly fileName: string;
}

/** Everything is read and checked before the first byte is sent, except the files' bytes, read one by one. */
export async function exportPerson(db: Kysely<Database>, userId: string, now: string): Promise<ExportArchive> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const profile = { ...cleanRow(user as unknown as Record<string, unknown>), notificationSettings: await notificationSettings(db, userId) };
  const records = await recordsAbout(db, userId);
  const projectIds = (records.projects ?? []).map((p) => String(p.id));
  const files = await db
    .selectFrom('files')
    .selectAll('files')
    .where((eb) => eb.or([eb('files.owner_id', '=', userId), eb('files.uploaded_by', '=', userId), ...(projectIds.length ? [eb('files.project_id', 'in', projectIds)] : [])]))
    .orderBy('files.created_at')
    .execute();
  const fileIndex = files.map((f) => ({
    id: f.id,
    path: `${FOLDER[f.purpose] ?? 'files'}/${f.created_at.slice(0, 10)}-${f.id.slice(0, 8)}-${safeName(f.name)}.${EXTENSION[f.media_type] ?? 'bin'}`,
    purpose: f.purpose,
    mediaType: f.media_type,
    size: Number(f.size),
    sha256: f.sha256,
    name: f.name,
    projectId: f.project_id,
    roomId: f.room_id,
    shotKey: f.shot_key,
    createdAt: f.created_at,
  }));
  const manifest = { exportedAt: now, person: userId, tables: Object.fromEntries(Object.entries(records).map(([t, rows]) => [t, rows.length])), files: fileIndex.length };
  const texts: [string, string][] = [
    [
      'README.txt',
      [
        'Everything Atelier holds about you, exported on ' + now + '.',
        '',
        'profile.json   your account (without your password) and notification settings',
        'records/*.json one file per kind of record: projects, rooms, design options, comments, purchases, claims, notifications, timeline…',
        'files.json     what each photo or image below is and where it belongs',
        'photos/, inspiration/, videos/  the files themselves, as you or your designer uploaded them',
        '',
      ].join('\n'),
    ],
    ['manifest.json', JSON.stringify(manifest, null, 2)],
    ['profile.json', JSON.stringify(profile, null, 2)],
    ['files.json', JSON.stringify(fileIndex, null, 2)],
    ...Object.entries(records).map(([table, rows]): [string, string] => [`records/${table}.json`, JSON.stringify(rows, null, 2)]),
  ];
  const mtime = new Date(now);
  const out = new PassThrough();
  const zip = new Zip((error, chunk, final) => {
    if (error) out.destroy(error);
    else {
      out.write(chunk);
      if (final) out.end();
    }
  });
  const add = (entry: ZipDeflate | ZipPassThrough, bytes: Uint8Array) => {
    entry.mtime = mtime;
    zip.add(entry);
    entry.push(bytes, true);
  };
  // Waits for the socket to take more, or for the download to end (a person who cancels it must not leave this loop waiting forever).
  const drained = () =>
    out.writableNeedDrain
      ? new Promise<void>((resolve) => {
          const done = () => {
            out.off('drain', done);
            out.off('close', done);
            resolve();
          };
          out.on('drain', done);
          out.on('close', done);
        })
      : Promise.resolve();
  void (async () => {
    for (const [name, text] of texts) add(new ZipDeflate(name, { level: 6 }), strToU8(text));
    for (const file of fileIndex) {
      await drained();
      if (out.destroyed) return;
      const row = await db.selectFrom('file_contents').select('content').where('file_id', '=', file.id).executeTakeFirst();
      // Images and videos are already compressed: stored as they are.
      add(new ZipPassThrough(file.path), row?.content ?? new Uint8Array());
    }
    zip.end();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return { stream: out, fileName: `atelier-export-${now.slice(0, 10)}.zip` };
}
