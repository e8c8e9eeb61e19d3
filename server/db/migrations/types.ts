import type { Kysely } from 'kysely';

export type Engine = 'sqlite' | 'postgres';

/** A schema migration. `engine` lets a migration pick the few types that differ. */
export interface AtelierMigration {
  readonly name: string;
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

/** Auto-incrementing integer key, spelled per engine. */
export function serialType(engine: Engine): 'integer' | 'bigserial' {
  return engine === 'sqlite' ? 'integer' : 'bigserial';
}

export function binaryType(engine: Engine): 'blob' | 'bytea' {
  return engine === 'sqlite' ? 'blob' : 'bytea';
}
