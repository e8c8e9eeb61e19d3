import type { Kysely } from 'kysely';
import { binaryType, serialType, type AtelierMigration } from './types.ts';

/**
 * [Collab] The live option document's durable form: `option_states` holds the compacted Yjs
 * state of an option (Y.encodeStateAsUpdate), `option_updates` every update received since, in
 * arrival order. The document is the state with the updates applied on top (Yjs merges them in
 * any order). Compaction (server/collab/store.ts) folds updates into the state and deletes them
 * in one transaction.
 */
export const collab: AtelierMigration = {
  name: '0004_collab',
  async up(db: Kysely<unknown>, engine) {
    await db.schema
      .createTable('option_states')
      .addColumn('option_id', 'text', (c) => c.primaryKey().references('design_options.id').onDelete('cascade'))
      .addColumn('state', binaryType(engine), (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('option_updates')
      .addColumn('id', serialType(engine), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('option_id', 'text', (c) => c.notNull().references('design_options.id').onDelete('cascade'))
      .addColumn('update', binaryType(engine), (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('option_updates_option').on('option_updates').columns(['option_id', 'id']).execute();
  },
};
