import { sql, type Kysely } from 'kysely';
import type { AtelierMigration } from './types.ts';

/**
 * [Desk] The refund desk: what support recorded on a claim (channel, the retailer's reference,
 * the refund, the reason for a denial) and the audit log of every action.
 *
 * `audit_log` is append-only and the database itself says so: a trigger refuses UPDATE and
 * DELETE on both engines, so neither a bug nor a hand-typed statement can rewrite history
 * without first dropping the trigger. Entries are also hash-chained (server/desk/audit.ts), so
 * a row edited after dropping the trigger is still found by `atelier audit verify`.
 */
export const desk: AtelierMigration = {
  name: '0003_desk',
  async up(db: Kysely<unknown>, engine) {
    // SQLite adds one column per ALTER TABLE.
    const columns: [string, 'text' | 'integer'][] = [
      ['channel', 'text'],
      ['retailer_ref', 'text'],
      ['filed_at', 'text'],
      ['refunded_amount_minor', 'integer'],
      ['refunded_at', 'text'],
      ['denial_reason', 'text'],
      ['closed_at', 'text'],
    ];
    for (const [name, type] of columns) await db.schema.alterTable('claims').addColumn(name, type).execute();

    await db.schema
      .createTable('audit_log')
      // Assigned by the writer (previous + 1) under a lock, so the chain has no gaps or forks.
      .addColumn('seq', engine === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target_type', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('before', 'text', (c) => c.notNull())
      .addColumn('after', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_target').on('audit_log').columns(['target_type', 'target_id', 'seq']).execute();

    if (engine === 'sqlite') {
      for (const verb of ['update', 'delete']) {
        await sql
          .raw(`create trigger audit_log_no_${verb} before ${verb} on audit_log begin select raise(abort, 'audit entries are append-only'); end`)
          .execute(db);
      }
    } else {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'audit entries are append-only';
        end
      $$`.execute(db);
      await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
    }
  },
};
