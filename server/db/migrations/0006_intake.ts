import { sql, type Kysely } from 'kysely';
import { serialType, type AtelierMigration } from './types.ts';

/**
 * [Intake] What a customer told us once and we never ask again (`customer_profiles`: their
 * currency, address and style answers; `kept_pieces`: their own furniture), what each project
 * was started with (`project_intake`: target date, address; `intake_rooms`: each room's kind,
 * purpose and the kept pieces it holds), and the stage tracker's history (`project_stages`:
 * every change of stage, who made it, their note).
 */
export const intake: AtelierMigration = {
  name: '0006_intake',
  async up(db: Kysely<unknown>, engine) {
    await db.schema
      .createTable('customer_profiles')
      .addColumn('customer_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('style_answers', 'text')
      .addColumn('style_updated_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('kept_pieces')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('customer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('width_mm', 'integer', (c) => c.notNull().check(sql`width_mm > 0`))
      .addColumn('depth_mm', 'integer', (c) => c.notNull().check(sql`depth_mm > 0`))
      .addColumn('height_mm', 'integer', (c) => c.notNull().check(sql`height_mm > 0`))
      // a 'piece-photo' file ([Files], created by a later migration, hence no foreign key)
      .addColumn('photo_file_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('kept_pieces_customer').on('kept_pieces').column('customer_id').execute();

    await db.schema
      .createTable('project_intake')
      .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
      .addColumn('target_date', 'text')
      .addColumn('address', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('intake_rooms')
      .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('intake_rooms_project').on('intake_rooms').column('project_id').execute();

    await db.schema
      .createTable('room_kept_pieces')
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('piece_id', 'text', (c) => c.notNull().references('kept_pieces.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('room_kept_pieces_pk', ['room_id', 'piece_id'])
      .execute();

    await db.schema
      .createTable('project_stages')
      .addColumn('id', serialType(engine), (c) => (engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('entered_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('attachment_id', 'text')
      .addColumn('event_id', 'text')
      .execute();
    await db.schema.createIndex('project_stages_project').on('project_stages').columns(['project_id', 'id']).execute();
  },
};
