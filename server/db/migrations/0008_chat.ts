import type { Kysely } from 'kysely';
import type { AtelierMigration } from './types.ts';

/**
 * [Collab] The project conversation: `chat_messages` (time-ordered ids, so "after this id" is
 * "newer"; `client_key` makes a retried post idempotent) and `chat_reads`, one read mark per
 * person and project.
 */
export const chat: AtelierMigration = {
  name: '0008_chat',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('chat_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('client_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('chat_messages_project').on('chat_messages').columns(['project_id', 'id']).execute();
    await db.schema.createIndex('chat_messages_client_key').unique().on('chat_messages').columns(['project_id', 'author_id', 'client_key']).execute();
    await db.schema
      .createTable('chat_reads')
      .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('last_read_id', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('chat_reads_pk', ['project_id', 'user_id'])
      .execute();
  },
};
