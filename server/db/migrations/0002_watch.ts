import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { AtelierMigration, Engine } from './types.ts';

/**
 * Purchases, price watches and refund claims ([Watch]), plus two tables every feature shares:
 * `notifications` (what a person is told) and `timeline_events` (what a project's story says).
 *
 * Layout, chosen for the sweep over a million watches: purchase lines and watches are keyed by
 * (product_id, id), so "every open watch, product by product" is a range scan that reads its
 * rows in key order. SQLite stores both WITHOUT ROWID, which clusters the rows in that order
 * (a rowid table would scatter them by insertion time); PostgreSQL keeps the same keys as
 * ordinary b-tree indexes. `id` stays unique on its own, so foreign keys point at it.
 */
function clustered<T extends string, C extends string>(table: CreateTableBuilder<T, C>, engine: Engine): CreateTableBuilder<T, C> {
  return engine === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}

export const watch: AtelierMigration = {
  name: '0002_watch',
  async up(db: Kysely<unknown>, engine) {
    const observationId = engine === 'sqlite' ? 'integer' : 'bigint';

    // price_observations_once (product_id, observed_at, price_minor) already serves every lookup
    // by product and time; the second index only doubled the cost of storing a feed.
    await db.schema.dropIndex('price_observations_product_time').execute();

    await clustered(
      db.schema
        .createTable('purchase_lines')
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('customer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
        .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('restrict'))
        .addColumn('retailer_id', 'text', (c) => c.notNull().references('retailers.id').onDelete('restrict'))
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity >= 1`))
        .addColumn('unit_price_minor', 'integer', (c) => c.notNull().check(sql`unit_price_minor > 0`))
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('purchased_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .addColumn('order_ref', 'text', (c) => c.notNull())
        .addColumn('final_sale', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('purchase_lines_pk', ['product_id', 'id'])
        // The same purchases file imported twice records each line once.
        .addUniqueConstraint('purchase_lines_once', ['customer_id', 'retailer_id', 'order_ref', 'product_id']),
      engine,
    ).execute();
    await db.schema.createIndex('purchase_lines_customer').on('purchase_lines').columns(['customer_id', 'purchased_at']).execute();
    await db.schema.createIndex('purchase_lines_project').on('purchase_lines').column('project_id').execute();
    // A new price can only matter to lines that paid more: this finds them without reading the rest.
    await db.schema.createIndex('purchase_lines_product_price').on('purchase_lines').columns(['product_id', 'unit_price_minor']).execute();

    await clustered(
      db.schema
        .createTable('watches')
        .addColumn('line_id', 'text', (c) => c.notNull().unique().references('purchase_lines.id').onDelete('cascade'))
        .addColumn('product_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
        .addColumn('closed_reason', 'text', (c) => c.check(sql`closed_reason in ('final-sale-excluded', 'adjustment-used', 'window-ended')`))
        .addColumn('closed_at', 'text')
        // The window as core/watch computes it from the line and its retailer's policy; null while
        // a delivery-based line awaits delivery, or when the line is not covered at all.
        .addColumn('window_start', 'text')
        .addColumn('window_end', 'text')
        .addPrimaryKeyConstraint('watches_pk', ['product_id', 'line_id']),
      engine,
    ).execute();
    // Open watches only: closing one removes its entry instead of moving it to a "closed" part.
    // Queries must say status = 'open' as a literal for SQLite to use it.
    await db.schema.createIndex('watches_open').on('watches').columns(['product_id', 'line_id']).where(sql.ref('status'), '=', sql.lit('open')).execute();

    await db.schema
      .createTable('claims')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('line_id', 'text', (c) => c.notNull().references('purchase_lines.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence >= 1`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('detected', 'filed', 'refunded', 'denied', 'expired')`))
      .addColumn('reference_unit_minor', 'integer', (c) => c.notNull())
      .addColumn('amount_minor', 'integer', (c) => c.notNull().check(sql`amount_minor >= 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('evidence_observation_id', observationId, (c) => c.notNull().references('price_observations.id').onDelete('restrict'))
      // The evidence's price and time, copied so a claim reads whole without a join.
      .addColumn('evidence_unit_minor', 'integer', (c) => c.notNull())
      .addColumn('evidence_observed_at', 'text', (c) => c.notNull())
      .addColumn('first_drop_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      // Two sweeps racing cannot both open claim n of a line.
      .addUniqueConstraint('claims_line_sequence', ['line_id', 'sequence'])
      .execute();
    // At most one open (detected) claim per line, whoever writes it.
    await db.schema
      .createIndex('claims_one_open_per_line')
      .on('claims')
      .column('line_id')
      .unique()
      .where(sql.ref('status'), '=', 'detected')
      .execute();
    await db.schema.createIndex('claims_product').on('claims').column('product_id').execute();
    await db.schema.createIndex('claims_status').on('claims').columns(['status', 'created_at']).execute();

    await db.schema
      .createTable('feed_rejects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('feed', 'text', (c) => c.notNull().check(sql`feed in ('prices', 'purchases')`))
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('raw', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      // sha-256 of feed, source, line and raw: the same bad row imported again is kept once.
      .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('feed_rejects_created').on('feed_rejects').column('created_at').execute();

    await db.schema
      .createTable('price_feeds')
      .addColumn('retailer_id', 'text', (c) => c.primaryKey().references('retailers.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'json')`))
      .addColumn('interval_minutes', 'integer', (c) => c.notNull().check(sql`interval_minutes >= 1`))
      .addColumn('last_polled_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_poll_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('timeline_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
      .addColumn('subject_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_events_project').on('timeline_events').columns(['project_id', 'at']).execute();
    await db.schema.createIndex('timeline_events_subject').on('timeline_events').columns(['subject_user_id', 'at']).execute();
  },
};
