/**
 * The dollhouse view: walls between the camera and the room are lowered to stubs, and whatever
 * hangs on them (mirrors, art, shelves) is hidden with them. Pure plan math, in millimetres.
 */
import { WALL_HUNG_CATEGORIES } from '../../core/catalog.ts';
import type { PlanPoint } from '../../core/room.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { wallFrames } from './plan.ts';

/** True when the camera stands outside the wall's line, i.e. the wall is between it and the room. */
export function isWallCut(wall: { start: PlanPoint; end: PlanPoint; outward: { x: number; y: number } }, camera: PlanPoint): boolean {
  const midX = (wall.start.x + wall.end.x) / 2;
  const midY = (wall.start.y + wall.end.y) / 2;
  return (camera.x - midX) * wall.outward.x + (camera.y - midY) * wall.outward.y > 0;
}

function distanceToSegment(p: PlanPoint, a: PlanPoint, b: PlanPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** How far from a wall a hung piece's centre may be and still count as hanging on it. */
const HANG_TOLERANCE_MM = 150;

/**
 * The wall a piece hangs on, or null for pieces standing on the floor. A piece hangs when its
 * category is wall-hung or it is lifted off the floor, and its centre is within half its depth
 * (plus a tolerance) of a wall.
 */
export function hostWallOf(piece: Pick<ResolvedPiece, 'category' | 'xMm' | 'yMm' | 'elevationMm' | 'depthMm'>, outline: readonly PlanPoint[]): number | null {
  if (!WALL_HUNG_CATEGORIES.includes(piece.category) && piece.elevationMm <= 0) return null;
  const centre = { x: piece.xMm, y: piece.yMm };
  let best: { index: number; distance: number } | null = null;
  wallFrames(outline).forEach((wall, index) => {
    const distance = distanceToSegment(centre, wall.start, wall.end);
    if (!best || distance < best.distance) best = { index, distance };
  });
  const nearest = best as { index: number; distance: number } | null;
  return nearest && nearest.distance <= piece.depthMm / 2 + HANG_TOLERANCE_MM ? nearest.index : null;
}

/** Pieces split into those on the floor and those hung on each wall. */
export function groupByHostWall<P extends Pick<ResolvedPiece, 'category' | 'xMm' | 'yMm' | 'elevationMm' | 'depthMm'>>(pieces: readonly P[], outline: readonly PlanPoint[]): { floor: P[]; walls: Map<number, P[]> } {
  const floor: P[] = [];
  const walls = new Map<number, P[]>();
  for (const piece of pieces) {
    const host = hostWallOf(piece, outline);
    if (host === null) floor.push(piece);
    else walls.set(host, [...(walls.get(host) ?? []), piece]);
  }
  return { floor, walls };
}
