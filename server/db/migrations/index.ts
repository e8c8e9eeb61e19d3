import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './0001_foundation.ts';
import { watch } from './0002_watch.ts';
import { desk } from './0003_desk.ts';
import { collab } from './0004_collab.ts';
import { options } from './0005_options.ts';
import { intake } from './0006_intake.ts';
import { files } from './0007_files.ts';
import { chat } from './0008_chat.ts';
import { claimNews } from './0009_claim_news.ts';
import type { AtelierMigration, Engine } from './types.ts';

/** Every migration, in order. A feature adds its file here; names sort in the order they run. */
export const MIGRATIONS: readonly AtelierMigration[] = [foundation, watch, desk, collab, options, intake, files, chat, claimNews];

export function migrationProvider(engine: Engine): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const migration of MIGRATIONS) {
        out[migration.name] = { up: (db) => migration.up(db, engine) };
      }
      return out;
    },
  };
}
