import { sql, type Kysely } from 'kysely';
import { binaryType, type AtelierMigration } from './types.ts';

/**
 * [Intake]/[Room] Uploaded files live in the store itself (a BLOB on SQLite, bytea on
 * PostgreSQL) so a project's photos share its transactions, its backups, the customer's export
 * and deletion: deleting a project or an account cascades to them in the same transaction.
 * `owner_id` is the person whose data a file is (the project's customer, the inspiration's
 * author); the bytes (`file_contents`) are sniffed before they are stored, `media_type` is what
 * the sniffing found.
 */
export const files: AtelierMigration = {
  name: '0007_files',
  async up(db: Kysely<unknown>, engine) {
    await db.schema
      .createTable('files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
      .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('cascade'))
      .addColumn('room_id', 'text', (c) => c.references('rooms.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('room-photo', 'inspiration', 'piece-photo', 'request-example', 'video-note')`))
      .addColumn('shot_key', 'text')
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('thumbnail_type', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The bytes live apart from the description: SQLite reads a row's columns in order, so a
    // column stored after a 12 MB BLOB would make every listing walk the BLOB's overflow pages.
    await db.schema
      .createTable('file_contents')
      .addColumn('file_id', 'text', (c) => c.primaryKey().references('files.id').onDelete('cascade'))
      .addColumn('content', binaryType(engine), (c) => c.notNull())
      .addColumn('thumbnail', binaryType(engine))
      .execute();
    await db.schema.createIndex('files_room').on('files').columns(['room_id', 'created_at']).execute();
    await db.schema.createIndex('files_owner').on('files').columns(['owner_id', 'purpose']).execute();
    await db.schema.createIndex('files_project').on('files').column('project_id').execute();

    await db.schema
      .createTable('room_features')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('room_features_room').on('room_features').column('room_id').execute();

    await db.schema
      .createTable('photo_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id').onDelete('cascade'))
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('requested_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('example_file_id', 'text', (c) => c.references('files.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'fulfilled')`))
      .addColumn('fulfilled_file_id', 'text', (c) => c.references('files.id').onDelete('set null'))
      .addColumn('fulfilled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('fulfilled_at', 'text')
      .execute();
    await db.schema.createIndex('photo_requests_room').on('photo_requests').columns(['room_id', 'created_at']).execute();
    await db.schema.createIndex('photo_requests_project').on('photo_requests').columns(['project_id', 'status']).execute();

    await db.schema
      .createTable('room_pins')
      .addColumn('room_id', 'text', (c) => c.primaryKey().references('rooms.id').onDelete('cascade'))
      .addColumn('file_id', 'text', (c) => c.notNull().references('files.id').onDelete('cascade'))
      .addColumn('pinned_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('pinned_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('notification_settings')
      .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
