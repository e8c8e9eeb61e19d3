/**
 * A design option as a live Yjs document — one `Y.Doc` per option. This is what Hocuspocus
 * syncs between the customer and the designer, what offline edits merge into, and what undo
 * operates on. Layout:
 *
 *   meta      Y.Map   schemaVersion
 *   items     Y.Map   item id → Y.Map of the item's aspects (below)
 *   finishes  Y.Map   'floor' | 'walls' → Finish (absent: the room's own)
 *
 * An item's Y.Map holds one key per *aspect* a person edits as a whole — what it is, where it
 * stands, its rotation, elevation, quantity, note — so concurrent edits to different aspects
 * merge and concurrent edits to one aspect resolve to one person's whole value (item-fields.ts).
 *
 * Every edit below runs in ONE `doc.transact(…, origin)`: it is atomic for collaborators and
 * one step for a `Y.UndoManager` whose `trackedOrigins` holds the local user's origin — so
 * Ctrl+Z never reaches a collaborator's edit. An edit that cannot apply (the piece was
 * removed by someone else, a value out of range) returns a typed refusal and changes nothing.
 *
 * Create the content once (the server, when the option is created or first loaded); clients
 * start from an empty `Y.Doc` and sync. Two clients seeding the same option independently
 * would create two rival copies of every item.
 */
import * as Y from 'yjs';
import { FinishSchema } from '../api/schemas.ts';
import type { Finish, PlacedItem } from '../room.ts';
import {
  decodeItem,
  fieldsFor,
  normalised,
  sameJson,
  unvalidatedItem,
  validationProblem,
  writeChangedAspects,
  type ItemFields,
  type OwnPiece,
  type Position,
} from './item-fields.ts';
import { byId, NO_FINISHES, OPTION_SCHEMA_VERSION, type FinishSurface, type OptionFinishes, type OptionSnapshot } from './snapshot.ts';

export type ItemsMap = Y.Map<ItemFields>;

export type EditRefusal =
  | { readonly ok: false; readonly reason: 'item-missing'; readonly itemId: string; readonly message: string }
  | { readonly ok: false; readonly reason: 'item-exists'; readonly itemId: string; readonly message: string }
  | { readonly ok: false; readonly reason: 'invalid'; readonly itemId: string; readonly message: string };
export type EditResult<T> = { readonly ok: true; readonly value: T } | EditRefusal;

/** What an option is created from. */
export interface OptionContent {
  readonly items: readonly PlacedItem[];
  readonly finishes?: OptionFinishes;
}

export interface ItemProblem {
  readonly itemId: string;
  readonly message: string;
}

export function optionItems(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemFields>('items');
}

export function optionFinishes(doc: Y.Doc): Y.Map<Finish> {
  return doc.getMap<Finish>('finishes');
}

function optionMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>('meta');
}

/**
 * Defines the option's root maps on a doc (idempotent). Until a root is defined by name, Yjs
 * holds received content under an untyped placeholder that `doc.toJSON()` shows as undefined —
 * so a server or client that only receives updates should call this before reading JSON.
 */
export function defineOptionRoots(doc: Y.Doc): Y.Doc {
  optionMeta(doc);
  optionItems(doc);
  optionFinishes(doc);
  return doc;
}

/** The schema version the document was written with; null while an empty client doc waits for its first sync. */
export function optionSchemaVersion(doc: Y.Doc): number | null {
  const version = optionMeta(doc).get('schemaVersion');
  return typeof version === 'number' ? version : null;
}

/** Writes the initial content into an empty doc (for example the one Hocuspocus hands the server). Throws on invalid content. */
export function initialiseOptionDoc(doc: Y.Doc, initial: OptionContent, origin: unknown = null): void {
  if (optionSchemaVersion(doc) !== null) throw new Error('This option document is already initialised');
  const ids = new Set<string>();
  for (const item of initial.items) {
    const problem = validationProblem(item);
    if (problem) throw new RangeError(`Item ${item.id}: ${problem}`);
    if (ids.has(item.id)) throw new RangeError(`Item id ${item.id} appears twice`);
    ids.add(item.id);
  }
  doc.transact(() => {
    optionMeta(doc).set('schemaVersion', OPTION_SCHEMA_VERSION);
    const items = optionItems(doc);
    for (const item of initial.items) items.set(item.id, fieldsFor(item));
    const finishes = initial.finishes ?? NO_FINISHES;
    for (const surface of ['floor', 'walls'] as const) {
      const finish = finishes[surface];
      if (finish) optionFinishes(doc).set(surface, { ...finish });
    }
  }, origin);
}

export function createOptionDoc(initial: OptionContent = { items: [] }): Y.Doc {
  const doc = new Y.Doc();
  initialiseOptionDoc(doc, initial);
  return doc;
}

/** The option's valid items, sorted by id. Entries that fail validation are left out; see `inspectItems`. */
export function readItems(doc: Y.Doc): PlacedItem[] {
  return inspectItems(doc).items;
}

export function readItem(doc: Y.Doc, itemId: string): PlacedItem | undefined {
  const fields = optionItems(doc).get(itemId);
  if (!fields) return undefined;
  const decoded = decodeItem(itemId, fields);
  return 'problem' in decoded ? undefined : decoded;
}

/** Valid items sorted by id, and what is wrong with the others (written by a faulty or hostile client). */
export function inspectItems(doc: Y.Doc): { items: PlacedItem[]; problems: ItemProblem[] } {
  const items: PlacedItem[] = [];
  const problems: ItemProblem[] = [];
  for (const [itemId, fields] of optionItems(doc).entries()) {
    const decoded = decodeItem(itemId, fields);
    if ('problem' in decoded) problems.push({ itemId, message: decoded.problem });
    else items.push(decoded);
  }
  return { items: items.sort(byId), problems: problems.sort((a, b) => byId({ id: a.itemId }, { id: b.itemId })) };
}

export function readFinishes(doc: Y.Doc): OptionFinishes {
  const finishes = optionFinishes(doc);
  const valid = (surface: FinishSurface): Finish | null => {
    const parsed = FinishSchema.safeParse(finishes.get(surface));
    return parsed.success ? parsed.data : null;
  };
  return { floor: valid('floor'), walls: valid('walls') };
}

/** Plain JSON for publishing an immutable version (see snapshot.ts). */
export function toSnapshot(doc: Y.Doc): OptionSnapshot {
  return { schemaVersion: OPTION_SCHEMA_VERSION, items: readItems(doc), finishes: readFinishes(doc) };
}

/** An undo manager for the local user's edits only: a collaborator's change is never undone. */
export function createLocalUndoManager(doc: Y.Doc, localOrigin: unknown, captureTimeoutMs = 500): Y.UndoManager {
  return new Y.UndoManager([optionItems(doc), optionFinishes(doc)], { trackedOrigins: new Set([localOrigin]), captureTimeout: captureTimeoutMs });
}

// ── Edits ────────────────────────────────────────────────────────────────────────────────

export function addItem(doc: Y.Doc, item: PlacedItem, origin: unknown): EditResult<PlacedItem> {
  const problem = validationProblem(item);
  if (problem) return refuse('invalid', item.id, problem);
  return doc.transact((): EditResult<PlacedItem> => {
    const items = optionItems(doc);
    if (items.has(item.id)) return refuse('item-exists', item.id, 'A piece with this id is already in the option');
    items.set(item.id, fieldsFor(item));
    return { ok: true, value: normalised(item) };
  }, origin);
}

export function moveItem(doc: Y.Doc, itemId: string, to: Position, origin: unknown): EditResult<PlacedItem> {
  return updateItem(doc, itemId, origin, (item) => ({ ...item, xMm: to.xMm, yMm: to.yMm }));
}

/** Sets the rotation (degrees, counter-clockwise from above), normalised to [0, 360). */
export function rotateItem(doc: Y.Doc, itemId: string, rotationDeg: number, origin: unknown): EditResult<PlacedItem> {
  return updateItem(doc, itemId, origin, (item) => ({ ...item, rotationDeg }));
}

export interface SwapOptions {
  /** The new product's colour variant; the old one's never carries over. */
  readonly colour?: string;
  /** For a swap to the customer's own piece: what it is. */
  readonly ownPiece?: OwnPiece;
  /** Where the new piece was nudged to fit; applied in the same step as the swap. */
  readonly nudgeTo?: Position;
}

/**
 * Replaces the piece's product in place, keeping position, rotation, elevation, quantity and
 * note. Returns the previous product id. Refuses with `item-missing` when a collaborator
 * removed the piece first.
 */
export function swapItem(doc: Y.Doc, itemId: string, productId: string | null, origin: unknown, options: SwapOptions = {}): EditResult<{ previousProductId: string | null; item: PlacedItem }> {
  let previousProductId: string | null = null;
  const result = updateItem(doc, itemId, origin, (item) => {
    previousProductId = item.productId;
    const { colour: _colour, ownPiece: _ownPiece, ...kept } = item;
    return {
      ...kept,
      productId,
      ...(options.colour !== undefined ? { colour: options.colour } : {}),
      ...(productId === null && options.ownPiece ? { ownPiece: options.ownPiece } : {}),
      ...(options.nudgeTo ? { xMm: options.nudgeTo.xMm, yMm: options.nudgeTo.yMm } : {}),
    };
  });
  return result.ok ? { ok: true, value: { previousProductId, item: result.value } } : result;
}

/** Removes the piece and returns it as it was (null if the entry was damaged beyond reading). */
export function removeItem(doc: Y.Doc, itemId: string, origin: unknown): EditResult<PlacedItem | null> {
  return doc.transact((): EditResult<PlacedItem | null> => {
    const items = optionItems(doc);
    const fields = items.get(itemId);
    if (!fields) return missing(itemId);
    const decoded = decodeItem(itemId, fields);
    items.delete(itemId);
    return { ok: true, value: 'problem' in decoded ? null : decoded };
  }, origin);
}

/** Copies the piece under `newId`, shifted by the offset. */
export function duplicateItem(doc: Y.Doc, itemId: string, newId: string, offset: { readonly dxMm: number; readonly dyMm: number }, origin: unknown): EditResult<PlacedItem> {
  return doc.transact((): EditResult<PlacedItem> => {
    const items = optionItems(doc);
    const fields = items.get(itemId);
    if (!fields) return missing(itemId);
    if (items.has(newId)) return refuse('item-exists', newId, 'A piece with this id is already in the option');
    const source = decodeItem(itemId, fields);
    if ('problem' in source) return refuse('invalid', itemId, source.problem);
    const copy: PlacedItem = { ...source, id: newId, xMm: source.xMm + offset.dxMm, yMm: source.yMm + offset.dyMm };
    const problem = validationProblem(copy);
    if (problem) return refuse('invalid', newId, problem);
    items.set(newId, fieldsFor(copy));
    return { ok: true, value: copy };
  }, origin);
}

export function setQuantity(doc: Y.Doc, itemId: string, quantity: number, origin: unknown): EditResult<PlacedItem> {
  return updateItem(doc, itemId, origin, (item) => ({ ...item, quantity }));
}

/** Sets the piece's note; an empty or null note removes it. */
export function setNote(doc: Y.Doc, itemId: string, note: string | null, origin: unknown): EditResult<PlacedItem> {
  return updateItem(doc, itemId, origin, (item) => {
    const { note: _old, ...rest } = item;
    return note === null || note.trim() === '' ? rest : { ...rest, note };
  });
}

/** Proposes a finish for the floor or the walls; null goes back to the room's own. Returns the previous one. */
export function setFinish(doc: Y.Doc, surface: FinishSurface, finish: Finish | null, origin: unknown): EditResult<Finish | null> {
  if (finish !== null) {
    const parsed = FinishSchema.safeParse(finish);
    if (!parsed.success) return refuse('invalid', surface, parsed.error.issues[0]?.message ?? 'invalid finish');
  }
  return doc.transact((): EditResult<Finish | null> => {
    const previous = readFinishes(doc)[surface];
    if (finish === null) optionFinishes(doc).delete(surface);
    else if (!sameJson(previous, finish)) optionFinishes(doc).set(surface, { colour: finish.colour, material: finish.material });
    return { ok: true, value: previous };
  }, origin);
}

/**
 * Reads the item, applies `change`, validates the result, and writes only the aspects that
 * differ — all in one transaction, so a refused change leaves the document untouched.
 */
function updateItem(doc: Y.Doc, itemId: string, origin: unknown, change: (item: PlacedItem) => PlacedItem): EditResult<PlacedItem> {
  return doc.transact((): EditResult<PlacedItem> => {
    const fields = optionItems(doc).get(itemId);
    if (!fields) return missing(itemId);
    if (!(fields instanceof Y.Map)) return refuse('invalid', itemId, 'is not an item map');
    // Validating the result is enough: a damaged entry yields an invalid result and is refused,
    // unless this very edit repairs the damaged field.
    const current = unvalidatedItem(itemId, fields);
    const next = change(current);
    const problem = validationProblem(next);
    if (problem) return refuse('invalid', itemId, problem);
    writeChangedAspects(fields, current, next);
    return { ok: true, value: normalised(next) };
  }, origin);
}

function refuse(reason: EditRefusal['reason'], itemId: string, message: string): EditRefusal {
  return { ok: false, reason, itemId, message };
}

function missing(itemId: string): EditRefusal {
  return refuse('item-missing', itemId, 'The piece was removed by someone else');
}
