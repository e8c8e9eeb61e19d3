/**
 * The plain-JSON form of a design option: what a published (immutable) version stores, what
 * the `design_options.document` column holds, and what an option is seeded from.
 *
 * Every snapshot carries `schemaVersion`. Old snapshots are migrated forward one step at a
 * time and then validated against the current schema, so an option saved by any earlier
 * release opens after an upgrade; a snapshot from a *newer* release is refused rather than
 * guessed at. Versions:
 *
 *   0  the prototype's document: `{ items }` with no `schemaVersion`; items may lack
 *      `elevationMm` (they stood on the floor) and `quantity` (one of each)
 *   1  `{ schemaVersion: 1, items }` — the foundation's format (server demo seed)
 *   2  adds `finishes: { floor, walls }`, each a Finish or null for "the room's own"
 *
 * Each step is a pure function of the previous version's JSON; never edit a step once
 * released — add the next one. `snapshot.test.ts` loads a fixture of every old version.
 */
import { z } from 'zod';
import { FinishSchema, PlacedItemSchema } from '../api/schemas.ts';
import type { Finish, PlacedItem } from '../room.ts';

export const OPTION_SCHEMA_VERSION = 2;

export type FinishSurface = 'floor' | 'walls';

/** The finishes an option proposes; null keeps the room's own. */
export interface OptionFinishes {
  readonly floor: Finish | null;
  readonly walls: Finish | null;
}

export interface OptionSnapshot {
  readonly schemaVersion: typeof OPTION_SCHEMA_VERSION;
  /** Sorted by id; ids unique. */
  readonly items: readonly PlacedItem[];
  readonly finishes: OptionFinishes;
}

export const NO_FINISHES: OptionFinishes = { floor: null, walls: null };

export const OptionSnapshotSchema = z.object({
  schemaVersion: z.literal(OPTION_SCHEMA_VERSION),
  items: z
    .array(PlacedItemSchema)
    .max(5_000)
    .refine((items) => new Set(items.map((item) => item.id)).size === items.length, 'item ids must be unique'),
  finishes: z.object({ floor: FinishSchema.nullable(), walls: FinishSchema.nullable() }),
});

export type SnapshotMigrationResult =
  | { readonly ok: true; readonly snapshot: OptionSnapshot; readonly fromVersion: number }
  | { readonly ok: false; readonly reason: 'newer-version' | 'invalid'; readonly message: string };

type Json = Record<string, unknown>;

/** Step n takes a version-n snapshot to version n + 1. */
const MIGRATIONS: readonly ((snapshot: Json) => Json)[] = [
  // 0 → 1: the envelope gains its version; items gain the fields the prototype left implicit.
  (snapshot) => ({
    schemaVersion: 1,
    items: mapArray(snapshot['items'], (item) => (isRecord(item) ? { elevationMm: 0, quantity: 1, ...item } : item)),
  }),
  // 1 → 2: options propose finishes; an old option proposed none, so it keeps the room's own.
  (snapshot) => ({ ...snapshot, schemaVersion: 2, finishes: { floor: null, walls: null } }),
];

/** Brings a snapshot of any released version to the current one, validated. Never throws. */
export function migrateOptionSnapshot(input: unknown): SnapshotMigrationResult {
  if (!isRecord(input)) return { ok: false, reason: 'invalid', message: 'An option document must be a JSON object' };
  const declared = input['schemaVersion'];
  const fromVersion = declared === undefined ? 0 : declared;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, reason: 'invalid', message: `Unknown option schema version ${JSON.stringify(declared)}` };
  }
  if (fromVersion > OPTION_SCHEMA_VERSION) {
    return { ok: false, reason: 'newer-version', message: `This option was saved by a newer Atelier (schema ${fromVersion}); update the app to open it` };
  }
  let current: Json = input;
  for (let version = fromVersion; version < OPTION_SCHEMA_VERSION; version++) current = MIGRATIONS[version]!(current);
  const parsed = OptionSnapshotSchema.safeParse(current);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: 'invalid', message: `The option document is damaged: ${issue ? `${issue.path.join('.') || 'document'} ${issue.message}` : 'invalid'}` };
  }
  const items = [...(parsed.data.items as PlacedItem[])].sort(byId);
  return { ok: true, snapshot: { schemaVersion: OPTION_SCHEMA_VERSION, items, finishes: parsed.data.finishes }, fromVersion };
}

export function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps an array; leaves anything else as it is, for validation to reject. */
function mapArray(value: unknown, map: (element: unknown) => unknown): unknown {
  return Array.isArray(value) ? value.map(map) : value;
}
