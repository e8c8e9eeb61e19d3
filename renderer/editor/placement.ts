/**
 * Where a piece goes while the designer drags, drops, turns or nudges it. Pure plan math over
 * core/geometry (snap, clamp, footprints): no React, no three.js, so every rule is unit-tested.
 * Floor pieces snap to walls and neighbours; wall-hung pieces (mirror, wall art, shelf) hang on
 * the nearest wall, back to it, at their elevation.
 */
import { WALL_HUNG_CATEGORIES } from '../../core/catalog.ts';
import {
  backToWallRotation,
  clampIntoRoom,
  closestPointOnOutline,
  footprintInsideRoom,
  footprintOf,
  pointInPolygon,
  snapPlacement,
  snapRotation,
  wallsOf,
  type FootprintSize,
  type Neighbour,
  type Placement,
} from '../../core/geometry/index.ts';
import type { PlanPoint } from '../../core/room.ts';

export const NUDGE_MM = 10;
export const NUDGE_LARGE_MM = 100;
/** A duplicate lands this far from its source, down and to the right on the plan (+x, +y). */
export const DUPLICATE_OFFSET_MM = 200;

export function isWallHung(category: string): boolean {
  return (WALL_HUNG_CATEGORIES as readonly string[]).includes(category);
}

/** Where a wall-hung piece's base sits when it is first hung (eye-level for mirrors and art). */
export function defaultElevationMm(category: string, heightMm: number): number {
  if (!isWallHung(category)) return 0;
  const centre = category === 'shelf' ? 1200 : 1500;
  return Math.max(0, Math.round(centre - heightMm / 2));
}

export interface PieceShape extends FootprintSize {
  readonly category: string;
}

export interface DragInput {
  readonly outline: readonly PlanPoint[];
  readonly piece: PieceShape;
  /** Where the pointer puts the piece's centre, with the rotation it has. */
  readonly proposed: Placement;
  readonly neighbours: readonly Neighbour[];
  /** Alt or Shift held: keep the rotation as it is. */
  readonly freeRotation?: boolean;
}

export interface DragResult {
  readonly placement: Placement;
  /** The wall the piece is against (hung on, for wall-hung pieces), if any. */
  readonly wallIndex: number | null;
  readonly inside: boolean;
}

/** One pointermove of a drag: the snapped placement. Cheap enough for every move at 300 pieces. */
export function dragPlacement(input: DragInput): DragResult {
  if (isWallHung(input.piece.category)) return hangOnWall(input.outline, input.piece, { x: input.proposed.xMm, y: input.proposed.yMm });
  const snapped = snapPlacement(input.outline, input.piece, input.proposed, input.neighbours, { freeRotation: input.freeRotation ?? false });
  return { placement: snapped.placement, wallIndex: snapped.wallIndex, inside: snapped.inside };
}

/**
 * Hangs a piece on the wall nearest the point: back flat to the wall, facing into the room,
 * slid along the wall so it stays within the wall's length.
 */
export function hangOnWall(outline: readonly PlanPoint[], size: FootprintSize, point: PlanPoint): DragResult {
  const nearest = closestPointOnOutline(point, outline);
  const wall = wallsOf(outline)[nearest.wallIndex]!;
  const half = size.widthMm / 2;
  const along = wall.lengthMm >= size.widthMm ? Math.min(Math.max(nearest.alongMm, half), wall.lengthMm - half) : wall.lengthMm / 2;
  const centre = {
    x: wall.start.x + wall.direction.x * along + (wall.inward.x * size.depthMm) / 2,
    y: wall.start.y + wall.direction.y * along + (wall.inward.y * size.depthMm) / 2,
  };
  const placement = { xMm: Math.round(centre.x) + 0, yMm: Math.round(centre.y) + 0, rotationDeg: backToWallRotation(wall) };
  return { placement, wallIndex: wall.index, inside: footprintInsideRoom(footprintOf(size, placement), outline) };
}

export type DropResult =
  | { readonly ok: true; readonly placement: Placement; readonly wallIndex: number | null; readonly clamped: boolean }
  | { readonly ok: false; readonly reason: 'does-not-fit' };

/**
 * Where a dropped piece lands: snapped as in a drag; if that leaves it outside the room, clamped
 * to the nearest spot inside (at its rotation, then turned a quarter); refused when it cannot fit.
 */
export function dropPlacement(input: DragInput): DropResult {
  const dragged = dragPlacement(input);
  // Snapping pulls a piece dropped just past a wall back in silently; a drop whose centre is
  // outside the room is worth saying so.
  const outside = !pointInPolygon({ x: input.proposed.xMm, y: input.proposed.yMm }, input.outline);
  if (dragged.inside) return { ok: true, placement: dragged.placement, wallIndex: dragged.wallIndex, clamped: outside };
  if (isWallHung(input.piece.category)) return { ok: false, reason: 'does-not-fit' };
  for (const turn of [0, 90]) {
    const at = { ...dragged.placement, rotationDeg: snapRotation(dragged.placement.rotationDeg + turn, input.freeRotation ?? false) };
    const clamped = clampIntoRoom(input.outline, input.piece, at);
    if (clamped.inside) return { ok: true, placement: clamped.placement, wallIndex: null, clamped: true };
  }
  return { ok: false, reason: 'does-not-fit' };
}

export type ArrowKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isArrowKey(key: string): key is ArrowKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/**
 * An arrow key's move in the plan: 10 mm, 100 mm with Shift. The plan is drawn with +y down
 * the page (as the default 3D camera sees the room), so Up is −y.
 */
export function nudgeDelta(key: ArrowKey, large: boolean): { readonly dxMm: number; readonly dyMm: number } {
  const step = large ? NUDGE_LARGE_MM : NUDGE_MM;
  switch (key) {
    case 'ArrowLeft':
      return { dxMm: -step, dyMm: 0 };
    case 'ArrowRight':
      return { dxMm: step, dyMm: 0 };
    case 'ArrowUp':
      return { dxMm: 0, dyMm: -step };
    case 'ArrowDown':
      return { dxMm: 0, dyMm: step };
  }
}

/** A nudge moves exactly by the step (no snapping), but never takes a piece that was inside out of the room. */
export function nudgePlacement(outline: readonly PlanPoint[], size: FootprintSize, from: Placement, delta: { readonly dxMm: number; readonly dyMm: number }): Placement | null {
  const to = { ...from, xMm: from.xMm + delta.dxMm, yMm: from.yMm + delta.dyMm };
  const wasInside = footprintInsideRoom(footprintOf(size, from), outline);
  if (!wasInside || footprintInsideRoom(footprintOf(size, to), outline)) return to;
  return null;
}

/** A turn by `deltaDeg`: quarter turns stay on the 90° grid unless free, and a wall-hung piece never turns. */
export function turnedRotation(currentDeg: number, deltaDeg: number, free: boolean): number {
  return snapRotation(currentDeg + deltaDeg, free, free ? 1 : 90);
}

/** A fresh item id, unique enough across collaborators (random, not sequential). */
export function newItemId(random: () => string = () => crypto.randomUUID()): string {
  return `item-${random()}`;
}
