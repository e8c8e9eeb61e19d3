/**
 * Snapping a dragged piece: rotation to quarter turns, its back against the nearest wall (and
 * into a corner when a second wall is close), and its edges to nearby pieces' edges. Cheap
 * enough to run on every pointermove: a pass over the walls and a bounds test per neighbour.
 * A snap never takes a piece that was inside the room outside it.
 */
import type { PlanPoint } from '../room.ts';
import { clampIntoRoom } from './clamp.ts';
import { extentAlong, footprintInsideRoom, footprintOf, type Footprint, type FootprintSize, type Placement } from './footprint.ts';
import { boundsOf, boundsOverlap, wallsOf, type Wall } from './polygon.ts';
import { angleBetweenDeg, dot, normaliseDeg } from './vector.ts';

export const WALL_SNAP_MM = 150;
export const NEIGHBOUR_SNAP_MM = 100;
/** Within this many degrees of a quarter turn, two things count as square to each other. */
const SQUARE_DEG = 0.5;

/** Rotation rounded to the nearest step (a quarter turn by default), unless free; in [0, 360). */
export function snapRotation(rotationDeg: number, free = false, stepDeg = 90): number {
  return normaliseDeg(free ? rotationDeg : Math.round(rotationDeg / stepDeg) * stepDeg);
}

/** The rotation that puts a piece's back flat against the wall, its front facing into the room. */
export function backToWallRotation(wall: Wall): number {
  // The piece's forward vector (−sin θ, cos θ) must equal the wall's inward normal.
  return normaliseDeg(Math.round((Math.atan2(-wall.inward.x, wall.inward.y) * 180) / Math.PI * 1e6) / 1e6);
}

export interface WallSnap {
  readonly placement: Placement;
  readonly wallIndex: number;
  /** A second wall the piece was slid into, making a corner. */
  readonly cornerWallIndex: number | null;
}

export interface WallSnapOptions {
  readonly thresholdMm?: number;
  /**
   * 'back' turns the piece's back to the wall; 'nearest' turns whichever side is nearest the
   * wall to it; 'keep' never turns the piece, and snaps it only to walls it is already square to.
   */
  readonly side?: 'back' | 'nearest' | 'keep';
}

/**
 * Pushes the piece flat against the nearest wall whose face is within the threshold (in front
 * of it or poking through it), turned to the wall as `side` says, then slides it into a corner
 * if another wall is that close too. Null when no wall is near enough.
 */
export function snapToWall(outline: readonly PlanPoint[], size: FootprintSize, placement: Placement, options: WallSnapOptions = {}): WallSnap | null {
  const threshold = options.thresholdMm ?? WALL_SNAP_MM;
  const walls = wallsOf(outline);
  const centre = { x: placement.xMm, y: placement.yMm };
  let best: { wall: Wall; rotationDeg: number; gap: number } | null = null;
  for (const wall of walls) {
    if (wall.lengthMm === 0) continue;
    const along = dot({ x: centre.x - wall.start.x, y: centre.y - wall.start.y }, wall.direction);
    if (along < 0 || along > wall.lengthMm) continue;
    const aligned = nearestAligned(backToWallRotation(wall), placement.rotationDeg);
    if (options.side === 'keep' && Math.abs(angleBetweenDeg(aligned, placement.rotationDeg)) > SQUARE_DEG) continue;
    const rotationDeg = options.side === 'keep' ? placement.rotationDeg : options.side === 'nearest' ? aligned : backToWallRotation(wall);
    const fp = footprintOf(size, { ...placement, rotationDeg });
    const gap = dot({ x: centre.x - wall.start.x, y: centre.y - wall.start.y }, wall.inward) - extentAlong(fp, wall.inward);
    // A centre behind the wall is outside the room: not this wall's piece to snap.
    if (gap + extentAlong(fp, wall.inward) < 0) continue;
    if (Math.abs(gap) <= threshold && (!best || Math.abs(gap) < Math.abs(best.gap))) best = { wall, rotationDeg, gap };
  }
  if (!best) return null;
  const { wall, rotationDeg, gap } = best;
  const flush = { x: centre.x - wall.inward.x * gap, y: centre.y - wall.inward.y * gap };
  const fp = footprintOf(size, { xMm: flush.x, yMm: flush.y, rotationDeg });

  // Into a corner: slide along the wall until the piece meets a nearby crossing wall.
  let corner: { wall: Wall; shift: number } | null = null;
  for (const other of walls) {
    if (other === wall || other.lengthMm === 0) continue;
    const slide = dot(wall.direction, other.inward);
    if (Math.abs(slide) < 0.1) continue;
    const otherGap = dot({ x: flush.x - other.start.x, y: flush.y - other.start.y }, other.inward) - extentAlong(fp, other.inward);
    if (Math.abs(otherGap) > threshold) continue;
    const shifted = { x: flush.x - (wall.direction.x * otherGap) / slide, y: flush.y - (wall.direction.y * otherGap) / slide };
    // The crossing wall must actually be beside the piece, not somewhere along its line.
    const along = dot({ x: shifted.x - other.start.x, y: shifted.y - other.start.y }, other.direction);
    const reach = extentAlong(fp, other.direction);
    if (along < -reach || along > other.lengthMm + reach) continue;
    const shift = -otherGap / slide;
    if (!corner || Math.abs(shift) < Math.abs(corner.shift)) corner = { wall: other, shift };
  }
  const finalCentre = corner ? { x: flush.x + wall.direction.x * corner.shift, y: flush.y + wall.direction.y * corner.shift } : flush;
  return { placement: { xMm: Math.round(finalCentre.x) + 0, yMm: Math.round(finalCentre.y) + 0, rotationDeg }, wallIndex: wall.index, cornerWallIndex: corner ? corner.wall.index : null };
}

function nearestAligned(alignedDeg: number, currentDeg: number): number {
  return normaliseDeg(alignedDeg + Math.round(angleBetweenDeg(alignedDeg, currentDeg) / 90) * 90);
}

export interface Neighbour {
  readonly id: string;
  readonly footprint: Footprint;
}

export interface NeighbourSnap {
  readonly placement: Placement;
  readonly neighbourIds: string[];
}

/**
 * Moves the piece, along its own two axes, so an edge meets or lines up with an edge of a nearby
 * piece standing square to it — side by side, back to front, flush fronts — or so the two are
 * centred on each other (a sofa behind its coffee table). Each axis takes the
 * smallest such move within the threshold. `lockedAxis` keeps one axis still (the one across a
 * wall the piece is already snapped to).
 */
export function snapToNeighbours(size: FootprintSize, placement: Placement, neighbours: readonly Neighbour[], thresholdMm = NEIGHBOUR_SNAP_MM, lockedAxis: 'across' | 'forward' | null = null): NeighbourSnap {
  const fp = footprintOf(size, placement);
  const axes = [
    { name: 'across' as const, u: fp.across, v: fp.forward, best: null as { delta: number; id: string } | null },
    { name: 'forward' as const, u: fp.forward, v: fp.across, best: null as { delta: number; id: string } | null },
  ];
  for (const neighbour of neighbours) {
    const other = neighbour.footprint;
    if (!boundsOverlap(fp.bounds, other.bounds, thresholdMm)) continue;
    // Only pieces square to this one have edges to line up with.
    const turn = Math.abs(angleBetweenDeg(fp.rotationDeg, other.rotationDeg)) % 90;
    if (Math.min(turn, 90 - turn) > SQUARE_DEG) continue;
    for (const axis of axes) {
      if (axis.name === lockedAxis) continue;
      const mine = span(fp, axis.u);
      const theirs = span(other, axis.u);
      const mineAcross = span(fp, axis.v);
      const theirsAcross = span(other, axis.v);
      const sideBySide = Math.min(mineAcross.max, theirsAcross.max) - Math.max(mineAcross.min, theirsAcross.min) > 0;
      const moves = [theirs.min - mine.min, theirs.max - mine.max, (theirs.min + theirs.max - mine.min - mine.max) / 2];
      if (sideBySide) moves.push(theirs.max - mine.min, theirs.min - mine.max);
      for (const delta of moves) {
        if (Math.abs(delta) <= thresholdMm && (!axis.best || Math.abs(delta) < Math.abs(axis.best.delta))) axis.best = { delta, id: neighbour.id };
      }
    }
  }
  let x = placement.xMm;
  let y = placement.yMm;
  const ids: string[] = [];
  for (const axis of axes) {
    if (!axis.best) continue;
    x += axis.u.x * axis.best.delta;
    y += axis.u.y * axis.best.delta;
    if (!ids.includes(axis.best.id)) ids.push(axis.best.id);
  }
  if (ids.length === 0) return { placement, neighbourIds: [] };
  return { placement: { ...placement, xMm: Math.round(x) + 0, yMm: Math.round(y) + 0 }, neighbourIds: ids };
}

function span(fp: Footprint, u: PlanPoint): { min: number; max: number } {
  const c = dot(fp.centre, u);
  const e = extentAlong(fp, u);
  return { min: c - e, max: c + e };
}

export interface SnapOptions {
  readonly wallThresholdMm?: number;
  readonly neighbourThresholdMm?: number;
  /** The modifier key is held: keep the rotation as it is, even against a wall. */
  readonly freeRotation?: boolean;
  /** How a wall snap turns the piece when rotation is not free (default 'back'). */
  readonly wallSide?: 'back' | 'nearest';
}

export interface SnapResult {
  readonly placement: Placement;
  readonly wallIndex: number | null;
  readonly cornerWallIndex: number | null;
  readonly neighbourIds: string[];
  /** Whether the returned placement is inside the room. */
  readonly inside: boolean;
}

/**
 * One drag step: rotation snap, then wall snap, then neighbour snap along the wall. If a snap
 * would leave the piece outside the room, the next-simpler one is used, and if even the
 * rotation snap would, the piece is clamped or left as it was dragged.
 */
export function snapPlacement(outline: readonly PlanPoint[], size: FootprintSize, proposed: Placement, neighbours: readonly Neighbour[], options: SnapOptions = {}): SnapResult {
  const roomBounds = boundsOf(outline);
  const inside = (p: Placement) => footprintInsideRoom(footprintOf(size, p), outline, undefined, roomBounds);
  const turned = { ...proposed, rotationDeg: snapRotation(proposed.rotationDeg, options.freeRotation) };
  const wall = snapToWall(outline, size, turned, { thresholdMm: options.wallThresholdMm ?? WALL_SNAP_MM, side: options.freeRotation ? 'keep' : (options.wallSide ?? 'back') });
  const base = wall?.placement ?? turned;
  let locked: 'across' | 'forward' | null = null;
  if (wall) {
    const fp = footprintOf(size, base);
    const w = wallsOf(outline)[wall.wallIndex]!;
    locked = Math.abs(dot(fp.forward, w.inward)) > 0.5 ? 'forward' : 'across';
  }
  const near = snapToNeighbours(size, base, neighbours, options.neighbourThresholdMm ?? NEIGHBOUR_SNAP_MM, locked);
  const result = (placement: Placement, withWall: boolean, ids: string[]): SnapResult => ({
    placement,
    wallIndex: withWall && wall ? wall.wallIndex : null,
    cornerWallIndex: withWall && wall ? wall.cornerWallIndex : null,
    neighbourIds: ids,
    inside: true,
  });
  if (near.neighbourIds.length > 0 && inside(near.placement)) return result(near.placement, true, near.neighbourIds);
  if (wall && inside(wall.placement)) return result(wall.placement, true, []);
  if (inside(turned)) return result(turned, false, []);
  const clamped = clampIntoRoom(outline, size, turned);
  if (clamped.inside && inside(clamped.placement)) return result(clamped.placement, false, []);
  return { placement: proposed, wallIndex: null, cornerWallIndex: null, neighbourIds: [], inside: inside(proposed) };
}
