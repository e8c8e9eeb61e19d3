import { sql, type Kysely } from 'kysely';
import { serialType, type AtelierMigration } from './types.ts';

export const foundation: AtelierMigration = {
  name: '0001_foundation',
  async up(db: Kysely<unknown>, engine) {
    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('customer', 'designer', 'support', 'admin')`))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('preferences', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('projects')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('budget_minor', 'integer', (c) => c.check(sql`budget_minor >= 0`))
      .addColumn('budget_currency', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('project_members')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('project_members_pk', ['project_id', 'user_id'])
      .execute();
    await db.schema.createIndex('project_members_user').on('project_members').column('user_id').execute();

    await db.schema
      .createTable('rooms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('shape', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rooms_project').on('rooms').column('project_id').execute();

    await db.schema
      .createTable('design_options')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('design_options_room').on('design_options').column('room_id').execute();

    await db.schema
      .createTable('retailers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('window_days', 'integer', (c) => c.notNull().check(sql`window_days >= 0`))
      .addColumn('window_from', 'text', (c) => c.notNull().check(sql`window_from in ('purchase', 'delivery')`))
      .addColumn('adjustments', 'text', (c) => c.notNull().check(sql`adjustments in ('one', 'unlimited')`))
      .addColumn('exclude_final_sale', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('retailer_id', 'text', (c) => c.notNull().references('retailers.id').onDelete('restrict'))
      .addColumn('sku', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('width_mm', 'integer', (c) => c.notNull())
      .addColumn('depth_mm', 'integer', (c) => c.notNull())
      .addColumn('height_mm', 'integer', (c) => c.notNull())
      .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor > 0`))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('colours', 'text', (c) => c.notNull())
      .addColumn('style_tags', 'text', (c) => c.notNull())
      .addColumn('materials', 'text', (c) => c.notNull())
      .addColumn('model_url', 'text')
      .addColumn('product_url', 'text')
      .addColumn('image_url', 'text')
      .addColumn('final_sale', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('products_retailer_sku', ['retailer_id', 'sku'])
      .execute();
    await db.schema.createIndex('products_category').on('products').column('category').execute();

    await db.schema
      .createTable('price_observations')
      .addColumn('id', serialType(engine), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
      .addColumn('price_minor', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('observed_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('price_observations_once', ['product_id', 'observed_at', 'price_minor'])
      .execute();
    await db.schema.createIndex('price_observations_product_time').on('price_observations').columns(['product_id', 'observed_at']).execute();
  },
};
