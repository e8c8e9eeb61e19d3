/**
 * Whether an outline is a simple polygon: no wall crosses or touches another except where
 * neighbours meet at their shared corner. O(n²) over wall pairs; an outline has at most 64 walls.
 */
import type { PlanPoint } from '../room.ts';
import { segmentsIntersect } from './segment.ts';
import { orient } from './vector.ts';

export interface WallCrossing {
  /** The lower wall index of the pair. */
  readonly wallA: number;
  readonly wallB: number;
}

/**
 * Every pair of walls that cross. Two walls that are not neighbours may not share any point
 * (a corner resting on another wall counts); neighbours may only share their common corner,
 * so a wall that folds back along the previous one is a crossing too.
 * Zero-length walls (a repeated point) are the caller's to report; they are skipped here.
 */
export function wallCrossings(outline: readonly PlanPoint[]): WallCrossing[] {
  const n = outline.length;
  const found: WallCrossing[] = [];
  if (n < 3) return found;
  const start = (i: number) => outline[i]!;
  const end = (i: number) => outline[(i + 1) % n]!;
  const degenerate = (i: number) => start(i).x === end(i).x && start(i).y === end(i).y;
  for (let i = 0; i < n; i++) {
    if (degenerate(i)) continue;
    for (let j = i + 1; j < n; j++) {
      if (degenerate(j)) continue;
      const crosses =
        j === i + 1
          ? foldsBack(start(i), end(i), end(j))
          : i === 0 && j === n - 1
            ? foldsBack(start(j), end(j), end(i))
            : segmentsIntersect(start(i), end(i), start(j), end(j));
      if (crosses) found.push({ wallA: i, wallB: j });
    }
  }
  return found;
}

/** Walls a→b then b→c overlap when c lies back along a→b's line. */
function foldsBack(a: PlanPoint, b: PlanPoint, c: PlanPoint): boolean {
  if (orient(a, b, c) !== 0) return false;
  return (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0;
}

export function isSimplePolygon(outline: readonly PlanPoint[]): boolean {
  if (outline.length < 3) return false;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    if (a.x === b.x && a.y === b.y) return false;
  }
  return wallCrossings(outline).length === 0;
}
