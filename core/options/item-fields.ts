/**
 * How one placed item is laid out in its Y.Map: one key per *aspect* a person edits as a whole.
 *
 *   piece        { productId, colour?, ownPiece? }   what it is (a swap, a recolour)
 *   position     { xMm, yMm }                        where it stands (a drag)
 *   rotationDeg, elevationMm, quantity, note         one key each
 *
 * Why aspects and not one key per PlacedItem field: concurrent edits to *different* aspects
 * merge (one person drags the sofa while the other swaps it for another sofa: both happen),
 * while concurrent edits to the *same* aspect resolve to one person's whole value. With x and
 * y as separate keys, two simultaneous drags could leave the sofa at the first person's x and
 * the second person's y — a place nobody chose; with colour apart from productId, a swap racing
 * a recolour could pair the new product with the old product's colour variant.
 */
import * as Y from 'yjs';
import { PlacedItemSchema } from '../api/schemas.ts';
import type { PlacedItem } from '../room.ts';

export type OwnPiece = NonNullable<PlacedItem['ownPiece']>;
interface Piece {
  readonly productId: string | null;
  readonly colour?: string;
  readonly ownPiece?: OwnPiece;
}
export interface Position {
  readonly xMm: number;
  readonly yMm: number;
}

/** An item's Y.Map, aspect → value. */
export type ItemFields = Y.Map<unknown>;

const ASPECTS = ['piece', 'position', 'rotationDeg', 'elevationMm', 'quantity', 'note'] as const;
type Aspect = (typeof ASPECTS)[number];

function aspectsOf(item: PlacedItem): Record<Aspect, unknown> {
  const piece: Piece = {
    productId: item.productId,
    ...(item.colour !== undefined ? { colour: item.colour } : {}),
    ...(item.ownPiece !== undefined ? { ownPiece: item.ownPiece } : {}),
  };
  return {
    piece,
    position: { xMm: item.xMm, yMm: item.yMm } satisfies Position,
    rotationDeg: normaliseDegrees(item.rotationDeg),
    elevationMm: item.elevationMm,
    quantity: item.quantity,
    note: item.note,
  };
}

export function fieldsFor(item: PlacedItem): ItemFields {
  const fields = new Y.Map<unknown>();
  for (const [aspect, value] of Object.entries(aspectsOf(item))) if (value !== undefined) fields.set(aspect, value);
  return fields;
}

/** Writes only the aspects that differ between `current` and `next`, so an edit sends (and undo records) no more than it changed. */
export function writeChangedAspects(fields: ItemFields, current: PlacedItem, next: PlacedItem): void {
  const before = aspectsOf(current);
  const after = aspectsOf(next);
  for (const aspect of ASPECTS) {
    if (sameJson(before[aspect], after[aspect])) continue;
    if (after[aspect] === undefined) fields.delete(aspect);
    else fields.set(aspect, after[aspect]);
  }
}

/** The stored item, validated — or what is wrong with it (a faulty or hostile client wrote it). */
export function decodeItem(itemId: string, fields: unknown): PlacedItem | { problem: string } {
  if (!(fields instanceof Y.Map)) return { problem: 'is not an item map' };
  const parsed = PlacedItemSchema.safeParse(unvalidatedItem(itemId, fields));
  if (!parsed.success) return { problem: describeIssue(parsed.error.issues[0]) };
  return withoutUndefined(parsed.data) as PlacedItem;
}

/** The item as stored, not yet validated: edits validate the item they are about to write instead. */
export function unvalidatedItem(itemId: string, fields: ItemFields): PlacedItem {
  const piece = fields.get('piece') as Partial<Piece> | undefined;
  const position = fields.get('position') as Partial<Position> | undefined;
  return withoutUndefined({
    id: itemId,
    productId: piece?.productId,
    xMm: position?.xMm,
    yMm: position?.yMm,
    rotationDeg: fields.get('rotationDeg'),
    elevationMm: fields.get('elevationMm'),
    quantity: fields.get('quantity'),
    colour: piece?.colour,
    note: fields.get('note'),
    ownPiece: piece?.ownPiece,
  }) as PlacedItem;
}

export function validationProblem(item: PlacedItem): string | null {
  const parsed = PlacedItemSchema.safeParse({ ...item, rotationDeg: normaliseDegrees(item.rotationDeg) });
  return parsed.success ? null : describeIssue(parsed.error.issues[0]);
}

export function normalised(item: PlacedItem): PlacedItem {
  return { ...item, rotationDeg: normaliseDegrees(item.rotationDeg) };
}

/** Degrees into [0, 360); non-finite values pass through for validation to reject. */
export function normaliseDegrees(degrees: number): number {
  if (!Number.isFinite(degrees)) return degrees;
  const turned = ((degrees % 360) + 360) % 360;
  return turned === 360 || Object.is(turned, -0) ? 0 : turned;
}

export function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Aspect values are small plain JSON, written by `aspectsOf` with a fixed key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
