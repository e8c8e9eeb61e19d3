import type { Kysely } from 'kysely';
import { serialType, type AtelierMigration } from './types.ts';

/**
 * [Watch] The claim-news outbox: a feed batch writes what its claims mean for their customers
 * (one row per batch, the facts as JSON) in the same transaction as the claims, and a delivery
 * step turns each row into notifications and timeline events and deletes it, in one transaction
 * (server/watch/news.ts). No foreign key and no index besides the key: the row is written on the
 * batch's critical path and read only in key order.
 */
export const claimNews: AtelierMigration = {
  name: '0009_claim_news',
  async up(db: Kysely<unknown>, engine) {
    await db.schema
      .createTable('claim_news_outbox')
      .addColumn('id', serialType(engine), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('news', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
