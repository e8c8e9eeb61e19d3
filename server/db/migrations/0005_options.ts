import { sql, type Kysely } from 'kysely';
import type { AtelierMigration } from './types.ts';

/**
 * [Options] Published versions, approvals, comments and the shopping list's purchases.
 *
 * - `option_versions`: immutable snapshots (numbered per option from 1) with the prices of the
 *   products they name at publish time, so a version reads the same whatever the catalog does.
 * - `option_approvals`: at most one *active* approval per room (a partial unique index); a
 *   replaced approval keeps its row with `replaced_at`.
 * - `option_comments`: on the option (`item_id` null) or on one of its pieces.
 * - `shopping_purchases`: one per shopping-list line of an approval, pointing at the purchase
 *   line ([Watch]) that marking it purchased created — the key that makes marking idempotent.
 */
export const options: AtelierMigration = {
  name: '0005_options',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('option_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('option_id', 'text', (c) => c.notNull().references('design_options.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('prices', 'text', (c) => c.notNull())
      // A photo or short video the designer attached to the note (files, purpose video-note); no foreign key: files come later in the migration order.
      .addColumn('attachment_id', 'text')
      .addColumn('published_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('published_by_name', 'text', (c) => c.notNull())
      .addColumn('published_by_role', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('option_versions_number', ['option_id', 'number'])
      .execute();

    await db.schema
      .createTable('option_approvals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('option_id', 'text', (c) => c.notNull().references('design_options.id').onDelete('cascade'))
      .addColumn('version_id', 'text', (c) => c.notNull().references('option_versions.id').onDelete('cascade'))
      .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('approved_by_name', 'text', (c) => c.notNull())
      .addColumn('approved_at', 'text', (c) => c.notNull())
      .addColumn('replaced_at', 'text')
      .execute();
    await db.schema.createIndex('option_approvals_one_per_room').on('option_approvals').column('room_id').unique().where(sql.ref('replaced_at'), 'is', null).execute();
    await db.schema.createIndex('option_approvals_option').on('option_approvals').column('option_id').execute();

    await db.schema
      .createTable('option_comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('option_id', 'text', (c) => c.notNull().references('design_options.id').onDelete('cascade'))
      .addColumn('item_id', 'text')
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('option_comments_option').on('option_comments').columns(['option_id', 'created_at']).execute();

    await db.schema
      .createTable('shopping_purchases')
      .addColumn('approval_id', 'text', (c) => c.notNull().references('option_approvals.id').onDelete('cascade'))
      .addColumn('line_key', 'text', (c) => c.notNull())
      .addColumn('purchase_line_id', 'text', (c) => c.notNull().references('purchase_lines.id').onDelete('cascade'))
      .addColumn('order_ref', 'text', (c) => c.notNull())
      .addColumn('unit_price_minor', 'integer', (c) => c.notNull().check(sql`unit_price_minor > 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('purchased_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('shopping_purchases_pk', ['approval_id', 'line_key'])
      .execute();
  },
};
