/**
 * [Options] Reading an option with the room and project it belongs to, locking it for a guarded
 * change, and reading its live document as it stands (the collab store: compacted state plus the
 * updates appended since — fresher than `design_options.document`, which compaction refreshes).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import * as Y from 'yjs';
import type { OptionRecordSchema, PersonSchema } from '../../core/api/options.ts';
import { toSnapshot, type OptionSnapshot } from '../../core/options/index.ts';
import type { Role } from '../../core/permissions.ts';
import { loadOptionInto } from '../collab/store.ts';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';

export type Db = Kysely<Database> | Transaction<Database>;
export type OptionRecord = z.infer<typeof OptionRecordSchema>;
export type Person = z.infer<typeof PersonSchema>;

export interface OptionContext {
  readonly option: OptionRecord;
  readonly projectName: string;
  readonly customerId: string | null;
  readonly budget: { amountMinor: number; currency: string } | null;
  readonly stage: string;
}

export async function optionContext(db: Db, optionId: string): Promise<OptionContext> {
  const row = await db
    .selectFrom('design_options as o')
    .innerJoin('rooms as r', 'r.id', 'o.room_id')
    .innerJoin('projects as p', 'p.id', 'r.project_id')
    .select(['o.id', 'o.room_id', 'o.name', 'o.created_at', 'o.updated_at', 'r.project_id', 'p.name as project_name', 'p.customer_id', 'p.budget_minor', 'p.budget_currency', 'p.stage'])
    .where('o.id', '=', optionId)
    .executeTakeFirst();
  if (!row) throw notFound('Design option');
  return {
    option: { id: row.id, roomId: row.room_id, projectId: row.project_id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at },
    projectName: row.project_name,
    customerId: row.customer_id,
    budget: row.budget_minor !== null && row.budget_currency ? { amountMinor: row.budget_minor, currency: row.budget_currency } : null,
    stage: row.stage,
  };
}

/**
 * Serialises guarded changes to one option: PostgreSQL locks the row until commit; SQLite takes
 * the write lock before reading (a no-op write), so a second writer waits and then reads what the
 * first committed instead of deciding on a stale read.
 */
export async function lockOption(trx: Transaction<Database>, engine: Engine, optionId: string): Promise<void> {
  if (engine === 'sqlite') await sql`update design_options set updated_at = updated_at where id = ${optionId}`.execute(trx);
  else await trx.selectFrom('design_options').select('id').where('id', '=', optionId).forUpdate().execute();
}

/** The option's document as it stands now (every acknowledged live edit included). */
export async function readLiveSnapshot(db: Db, optionId: string): Promise<OptionSnapshot> {
  const doc = new Y.Doc();
  try {
    await loadOptionInto(db as Kysely<Database>, optionId, doc);
    return toSnapshot(doc);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(409, 'invalid_document', `This option's document cannot be read: ${(error as Error).message}`);
  } finally {
    doc.destroy();
  }
}

export function person(id: string | null, name: string, role: string): Person {
  return { id: id ?? 'deleted-user', name, role: role as Role };
}

/** Designers of the project (who hear from the customer). */
export async function projectDesignerIds(db: Db, projectId: string): Promise<string[]> {
  const rows = await db.selectFrom('project_members').select('user_id').where('project_id', '=', projectId).where('role', '=', 'designer').execute();
  return rows.map((row) => row.user_id);
}

/** Where a notification about the option takes a person. */
export function optionLink(option: OptionRecord): string {
  return `#/projects/${encodeURIComponent(option.projectId)}/options/${encodeURIComponent(option.id)}`;
}

/** Keys sorted at every level, so two JSON values compare by content, not by key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
