/**
 * Walkway clearance: every passage between two floor pieces, or a piece and a wall, that is open
 * (the gap is more than touching) but narrower than a person needs. Pairs are found by a sweep
 * over the pieces' bounds widened by the minimum walkway, so only pieces that could be closer
 * than that are measured: O(n log n + k) for k nearby pairs, well under a millisecond at 300.
 */
import type { PlanPoint } from '../room.ts';
import { footprintGap, footprintWallGap, overlapDepthMm, TOUCH_TOLERANCE_MM, type Footprint } from './footprint.ts';
import { boundsOf, boundsOverlap, type Bounds } from './polygon.ts';
import { midpoint } from './vector.ts';

export const MIN_WALKWAY_MM = 600;
/**
 * A piece this close to a wall stands against it (skirting, a radiator pipe, a plug behind it):
 * nobody can pass through 250 mm, so it is not a walkway that is too narrow.
 */
export const AGAINST_WALL_MM = 250;

export interface ClearanceOptions {
  /** Passages narrower than this are reported (default 600 mm). */
  readonly minWalkwayMm?: number;
  /** Gaps up to this are pieces touching, not passages (default 1 mm). */
  readonly touchToleranceMm?: number;
  /** A piece up to this far from a wall stands against it, not beside a passage (default 250 mm). */
  readonly againstWallMm?: number;
}

export interface ClearancePiece {
  readonly id: string;
  readonly footprint: Footprint;
}

interface PassageBase {
  readonly gapMm: number;
  /** The closest points across the passage, for drawing a dimension line over it. */
  readonly from: PlanPoint;
  readonly to: PlanPoint;
  /** The middle of the passage. */
  readonly at: PlanPoint;
}

export type NarrowPassage =
  | (PassageBase & { readonly between: 'pieces'; readonly pieceIds: readonly [string, string] })
  | (PassageBase & { readonly between: 'piece-and-wall'; readonly pieceIds: readonly [string]; readonly wallIndex: number });

/**
 * Index pairs (i < j) whose bounds, widened by marginMm, overlap: a sweep along x over bounds
 * sorted by their left edge.
 */
export function nearbyPairs(bounds: readonly Bounds[], marginMm: number): [number, number][] {
  const order = bounds.map((_, i) => i).sort((a, b) => bounds[a]!.minX - bounds[b]!.minX);
  const pairs: [number, number][] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const a = bounds[i]!;
    for (let m = k + 1; m < order.length; m++) {
      const j = order[m]!;
      const b = bounds[j]!;
      if (b.minX > a.maxX + marginMm) break;
      if (b.minY <= a.maxY + marginMm && a.minY <= b.maxY + marginMm) pairs.push(i < j ? [i, j] : [j, i]);
    }
  }
  return pairs;
}

export function narrowPassages(outline: readonly PlanPoint[], pieces: readonly ClearancePiece[], options: ClearanceOptions = {}): NarrowPassage[] {
  const min = options.minWalkwayMm ?? MIN_WALKWAY_MM;
  const touch = options.touchToleranceMm ?? TOUCH_TOLERANCE_MM;
  const narrow = (gap: number) => gap > touch && gap < min;
  const againstWall = Math.max(touch, Math.min(options.againstWallMm ?? AGAINST_WALL_MM, min));
  const found: NarrowPassage[] = [];

  for (const [i, j] of nearbyPairs(pieces.map((p) => p.footprint.bounds), min)) {
    const a = pieces[i]!;
    const b = pieces[j]!;
    // Separated along some axis by the minimum already: the gap can only be wider.
    if (-overlapDepthMm(a.footprint, b.footprint) >= min) continue;
    const gap = footprintGap(a.footprint, b.footprint);
    if (narrow(gap.gapMm)) found.push({ between: 'pieces', pieceIds: [a.id, b.id], gapMm: gap.gapMm, from: gap.from, to: gap.to, at: midpoint(gap.from, gap.to) });
  }

  const n = outline.length;
  const wallBounds = outline.map((p, w) => boundsOf([p, outline[(w + 1) % n]!]));
  for (const piece of pieces) {
    const corners: PlanPoint[] = [];
    for (let w = 0; w < n; w++) {
      if (!boundsOverlap(piece.footprint.bounds, wallBounds[w]!, min)) continue;
      const gap = footprintWallGap(piece.footprint, outline[w]!, outline[(w + 1) % n]!);
      if (gap.gapMm <= againstWall || !narrow(gap.gapMm)) continue;
      // At an inner corner both walls are closest at the shared corner: one passage, not two.
      if (corners.some((c) => Math.hypot(c.x - gap.to.x, c.y - gap.to.y) < touch)) continue;
      corners.push(gap.to);
      found.push({ between: 'piece-and-wall', pieceIds: [piece.id], wallIndex: w, gapMm: gap.gapMm, from: gap.from, to: gap.to, at: midpoint(gap.from, gap.to) });
    }
  }
  return found;
}
