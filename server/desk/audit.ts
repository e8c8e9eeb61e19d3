/**
 * The audit log: one append-only entry per desk action (who, what, before, after, when), each
 * chained to the one before by a SHA-256 hash, so an entry edited behind the database's back
 * (its trigger dropped) is found by `verifyAuditChain` — and with it the first broken seq.
 *
 *   hash(n) = sha256(hash(n − 1) + canonicalJson(entry n without its hashes))
 *
 * Appends are serialised (a table lock on PostgreSQL; SQLite has one writer anyway), so seq runs
 * 1, 2, 3… with no forks: two entries can never both claim to follow the same one.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Engine } from '../db/migrations/types.ts';
import type { AuditLogTable, Database } from '../db/schema.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface AuditActor {
  readonly id: string | null;
  readonly name: string;
}

export interface NewAuditEntry {
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditEntry extends NewAuditEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

type Row = Selectable<AuditLogTable>;

export function entryHash(row: Omit<Row, 'hash'>): string {
  const body = canonicalJson({
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: row.before,
    after: row.after,
  });
  return createHash('sha256').update(row.prev_hash).update(body).digest('hex');
}

/** Appends one entry inside the caller's transaction (the change it records commits with it). */
export async function appendAudit(trx: Transaction<Database>, engine: Engine, entry: NewAuditEntry): Promise<AuditEntry> {
  if (engine === 'postgres') await sql`lock table audit_log in share row exclusive mode`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const partial = {
    seq: Number(last?.seq ?? 0) + 1,
    at: entry.at,
    actor_id: entry.actor.id,
    actor_name: entry.actor.name,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before: canonicalJson(entry.before),
    after: canonicalJson(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const row = { ...partial, hash: entryHash(partial) };
  await trx.insertInto('audit_log').values(row).execute();
  return toEntry(row);
}

export function toEntry(row: Row): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    before: JSON.parse(row.before) as unknown,
    after: JSON.parse(row.after) as unknown,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export async function auditOf(db: Kysely<Database>, targetType: string, targetId: string): Promise<AuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('target_type', '=', targetType).where('target_id', '=', targetId).orderBy('seq').execute();
  return rows.map(toEntry);
}

export type ChainReport =
  | { readonly ok: true; readonly entries: number; readonly lastHash: string }
  | { readonly ok: false; readonly entries: number; readonly brokenAt: number; readonly reason: string };

const PAGE = 1000;

/** Walks the chain from seq 1; the first entry whose seq, link or hash does not hold is named. */
export async function verifyAuditChain(db: Kysely<Database>): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, entries, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing (the next is ${seq})` };
      if (row.prev_hash !== prevHash) return { ok: false, entries, brokenAt: seq, reason: `entry ${seq} does not link to entry ${seq - 1}` };
      if (entryHash(row) !== row.hash) return { ok: false, entries, brokenAt: seq, reason: `entry ${seq} was changed after it was written` };
      prevHash = row.hash;
      expectedSeq++;
      entries++;
    }
    if (rows.length < PAGE) return { ok: true, entries, lastHash: prevHash };
  }
}
