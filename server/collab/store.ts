import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { defineOptionRoots, initialiseOptionDoc, migrateOptionSnapshot } from '../../core/options/index.ts';
import type { Database } from '../db/schema.ts';

/**
 * The durable form of a live option document (tables in migrations/0004_collab.ts): a compacted
 * state plus the updates appended since. An update is appended (writer.ts) before it is applied
 * to the in-memory document (see server.ts), so an update the server acknowledged is on disk;
 * compaction (writer.ts) replaces the updates with the live document's state.
 */
/**
 * Updates stored for an option before they are folded into its state (server.ts). A compaction
 * rewrites the whole state and JSON snapshot; ~1,000 updates amortise that, and loading an
 * option replays at most about as many.
 */
export const COMPACT_AFTER_UPDATES = 1000;

export async function optionExists(db: Kysely<Database>, optionId: string): Promise<boolean> {
  return (await db.selectFrom('design_options').select('id').where('id', '=', optionId).executeTakeFirst()) !== undefined;
}

/** Applies the stored state and updates to `doc`; seeds it from the JSON snapshot (and stores that seed) when nothing is stored yet. */
export async function loadOptionInto(db: Kysely<Database>, optionId: string, doc: Y.Doc): Promise<void> {
  const state = await db.selectFrom('option_states').select('state').where('option_id', '=', optionId).executeTakeFirst();
  const updates = await db.selectFrom('option_updates').select('update').where('option_id', '=', optionId).orderBy('id').execute();
  defineOptionRoots(doc);
  if (!state && updates.length === 0) {
    const row = await db.selectFrom('design_options').select('document').where('id', '=', optionId).executeTakeFirst();
    if (!row) throw new Error(`Design option ${optionId} does not exist`);
    const migrated = migrateOptionSnapshot(JSON.parse(row.document));
    if (!migrated.ok) throw new Error(migrated.message);
    const seed = new Y.Doc();
    initialiseOptionDoc(seed, { items: migrated.snapshot.items, finishes: migrated.snapshot.finishes });
    const encoded = Y.encodeStateAsUpdate(seed);
    // Stored at once: seeding twice would create two rival copies of every item.
    await db
      .insertInto('option_states')
      .values({ option_id: optionId, state: encoded, updated_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('option_id').doNothing())
      .execute();
    const stored = await db.selectFrom('option_states').select('state').where('option_id', '=', optionId).executeTakeFirstOrThrow();
    Y.applyUpdate(doc, toBytes(stored.state));
    return;
  }
  if (state) Y.applyUpdate(doc, toBytes(state.state));
  for (const row of updates) Y.applyUpdate(doc, toBytes(row.update));
}

export async function appendUpdate(db: Kysely<Database>, optionId: string, update: Uint8Array): Promise<void> {
  await db.insertInto('option_updates').values({ option_id: optionId, update, created_at: new Date().toISOString() }).execute();
}

export async function pendingUpdateCount(db: Kysely<Database>, optionId: string): Promise<number> {
  const row = await db.selectFrom('option_updates').select((eb) => eb.fn.countAll<number>().as('n')).where('option_id', '=', optionId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

function toBytes(value: Uint8Array): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(value as ArrayLike<number>);
}
