/**
 * A piece's footprint: the rectangle it covers on the floor, from the product's width and depth,
 * its position (the rectangle's centre) and rotation. In the piece's own frame the width runs
 * along `across` and the depth along `forward`, which points out of the piece's front; at
 * rotation 0 the front faces +y (into a room whose near wall is y = 0) and the back faces −y.
 */
import type { PlanPoint } from '../room.ts';
import { boundsOf, pointInPolygon, type Bounds } from './polygon.ts';
import { segmentGap, type SegmentGap } from './segment.ts';
import { cosSinDeg, dot } from './vector.ts';

export interface Placement {
  readonly xMm: number;
  readonly yMm: number;
  /** Degrees, counter-clockwise seen from above. */
  readonly rotationDeg: number;
}

export interface FootprintSize {
  readonly widthMm: number;
  readonly depthMm: number;
}

export interface Footprint {
  readonly centre: PlanPoint;
  readonly rotationDeg: number;
  readonly halfWidthMm: number;
  readonly halfDepthMm: number;
  /** Unit vector along the width. */
  readonly across: PlanPoint;
  /** Unit vector from the back to the front. */
  readonly forward: PlanPoint;
  /** Counter-clockwise from the back corner at −across: back, back, front, front. */
  readonly corners: readonly [PlanPoint, PlanPoint, PlanPoint, PlanPoint];
  readonly bounds: Bounds;
}

/** Pieces that touch, or overlap by less than this (rounding to whole mm), do not collide. */
export const TOUCH_TOLERANCE_MM = 1;

export function footprintOf(size: FootprintSize, placement: Placement): Footprint {
  const [c, s] = cosSinDeg(placement.rotationDeg);
  const hw = size.widthMm / 2;
  const hd = size.depthMm / 2;
  const across = { x: c, y: s };
  const forward = { x: -s + 0, y: c };
  const cx = placement.xMm;
  const cy = placement.yMm;
  const corner = (u: number, v: number): PlanPoint => ({ x: cx + u * hw * c - v * hd * s, y: cy + u * hw * s + v * hd * c });
  const corners = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)] as const;
  return { centre: { x: cx, y: cy }, rotationDeg: placement.rotationDeg, halfWidthMm: hw, halfDepthMm: hd, across, forward, corners, bounds: boundsOf(corners) };
}

/** Half the footprint's extent along a unit direction. */
export function extentAlong(fp: Footprint, direction: PlanPoint): number {
  return fp.halfWidthMm * Math.abs(dot(fp.across, direction)) + fp.halfDepthMm * Math.abs(dot(fp.forward, direction));
}

/**
 * How deep two footprints overlap: the smallest overlap over the four separating axes, negative
 * when some axis separates them. Symmetric: the same axes and sums whichever comes first.
 */
export function overlapDepthMm(a: Footprint, b: Footprint): number {
  const dx = b.centre.x - a.centre.x;
  const dy = b.centre.y - a.centre.y;
  let depth = Infinity;
  for (const axis of [a.across, a.forward, b.across, b.forward]) {
    const d = extentAlong(a, axis) + extentAlong(b, axis) - Math.abs(dx * axis.x + dy * axis.y);
    if (d < depth) depth = d;
  }
  return depth;
}

/** Whether two pieces overlap by more than `toleranceMm` (pieces that touch do not). */
export function footprintsOverlap(a: Footprint, b: Footprint, toleranceMm = TOUCH_TOLERANCE_MM): boolean {
  if (a.bounds.maxX <= b.bounds.minX + toleranceMm || b.bounds.maxX <= a.bounds.minX + toleranceMm) return false;
  if (a.bounds.maxY <= b.bounds.minY + toleranceMm || b.bounds.maxY <= a.bounds.minY + toleranceMm) return false;
  return overlapDepthMm(a, b) > toleranceMm;
}

export interface Gap {
  readonly gapMm: number;
  /** The closest point on the first shape. */
  readonly from: PlanPoint;
  /** The closest point on the second shape. */
  readonly to: PlanPoint;
}

/** The clear distance between two footprints; 0 when they touch or overlap. */
export function footprintGap(a: Footprint, b: Footprint): Gap {
  if (overlapDepthMm(a, b) >= 0) {
    const at = { x: (Math.max(a.bounds.minX, b.bounds.minX) + Math.min(a.bounds.maxX, b.bounds.maxX)) / 2, y: (Math.max(a.bounds.minY, b.bounds.minY) + Math.min(a.bounds.maxY, b.bounds.maxY)) / 2 };
    return { gapMm: 0, from: at, to: at };
  }
  // Apart, two convex shapes are closest at a corner of one against an edge of the other.
  // Runs for every nearby pair on every edit, so it tracks the best without allocating.
  let best = Infinity;
  let cornerOfA = true;
  let corner = 0;
  let edge = 0;
  let bestT = 0;
  for (let side = 0; side < 2; side++) {
    const from = side === 0 ? a : b;
    const to = side === 0 ? b : a;
    for (let i = 0; i < 4; i++) {
      const p = from.corners[i]!;
      for (let j = 0; j < 4; j++) {
        const s = to.corners[j]!;
        const e = to.corners[(j + 1) & 3]!;
        const dx = e.x - s.x;
        const dy = e.y - s.y;
        const len2 = dx * dx + dy * dy;
        let t = len2 === 0 ? 0 : ((p.x - s.x) * dx + (p.y - s.y) * dy) / len2;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const qx = s.x + t * dx - p.x;
        const qy = s.y + t * dy - p.y;
        const d2 = qx * qx + qy * qy;
        if (d2 < best) {
          best = d2;
          cornerOfA = side === 0;
          corner = i;
          edge = j;
          bestT = t;
        }
      }
    }
  }
  const from = cornerOfA ? a : b;
  const to = cornerOfA ? b : a;
  const p = from.corners[corner]!;
  const s = to.corners[edge]!;
  const e = to.corners[(edge + 1) & 3]!;
  const gapMm = Math.sqrt(best);
  const facing = facingMiddle(a, b, gapMm);
  if (facing) return { gapMm, ...facing };
  const q = { x: s.x + bestT * (e.x - s.x), y: s.y + bestT * (e.y - s.y) };
  return cornerOfA ? { gapMm, from: p, to: q } : { gapMm, from: q, to: p };
}

/**
 * When two pieces stand side by side, edge facing edge, the gap is the same all along their
 * shared stretch: use its middle, so a warning is drawn across the passage, not at one end.
 */
function facingMiddle(a: Footprint, b: Footprint, gapMm: number): { from: PlanPoint; to: PlanPoint } | null {
  for (let j = 0; j < 4; j++) {
    const s = b.corners[j]!;
    const e = b.corners[(j + 1) & 3]!;
    const len = Math.hypot(e.x - s.x, e.y - s.y);
    if (len === 0) continue;
    const dx = (e.x - s.x) / len;
    const dy = (e.y - s.y) / len;
    for (let i = 0; i < 4; i++) {
      const p = a.corners[i]!;
      const q = a.corners[(i + 1) & 3]!;
      // Parallel, and exactly the gap apart.
      if (Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx) > 1e-9 * len) continue;
      const offset = (p.x - s.x) * -dy + (p.y - s.y) * dx;
      if (Math.abs(Math.abs(offset) - gapMm) > 1e-6 * Math.max(1, gapMm)) continue;
      const alongP = (p.x - s.x) * dx + (p.y - s.y) * dy;
      const alongQ = (q.x - s.x) * dx + (q.y - s.y) * dy;
      const lo = Math.max(0, Math.min(alongP, alongQ));
      const hi = Math.min(len, Math.max(alongP, alongQ));
      if (hi < lo) continue;
      const m = (lo + hi) / 2;
      const to = { x: s.x + m * dx, y: s.y + m * dy };
      // Within a hair of parallel, the stretch's ends differ by less than a micron: keep the gap exact.
      const across = Math.sign(offset) * gapMm;
      return { from: { x: to.x - dy * across, y: to.y + dx * across }, to };
    }
  }
  return null;
}

/** The clear distance from a footprint to a wall segment; 0 when the wall touches or enters it. */
export function footprintWallGap(fp: Footprint, wallStart: PlanPoint, wallEnd: PlanPoint): Gap {
  if (containsPoint(fp, wallStart)) return { gapMm: 0, from: wallStart, to: wallStart };
  let best: SegmentGap = { distanceMm: Infinity, from: fp.centre, to: wallStart };
  for (let i = 0; i < 4; i++) {
    const g = segmentGap(fp.corners[i]!, fp.corners[(i + 1) % 4]!, wallStart, wallEnd);
    if (g.distanceMm < best.distanceMm) best = g;
  }
  return { gapMm: best.distanceMm, from: best.from, to: best.to };
}

/** Whether p is in the footprint shrunk by `insetMm` on every side (its edge counts when 0). */
export function containsPoint(fp: Footprint, p: PlanPoint, insetMm = 0): boolean {
  const dx = p.x - fp.centre.x;
  const dy = p.y - fp.centre.y;
  return Math.abs(dx * fp.across.x + dy * fp.across.y) <= fp.halfWidthMm - insetMm && Math.abs(dx * fp.forward.x + dy * fp.forward.y) <= fp.halfDepthMm - insetMm;
}

/**
 * Whether the segment a–b passes through the footprint's inside, shrunk by `insetMm` on every
 * side (Liang–Barsky clipping in the piece's own frame).
 */
export function segmentEntersFootprint(fp: Footprint, a: PlanPoint, b: PlanPoint, insetMm = 0): boolean {
  const hw = fp.halfWidthMm - insetMm;
  const hd = fp.halfDepthMm - insetMm;
  if (hw <= 0 || hd <= 0) return false;
  const ax = (a.x - fp.centre.x) * fp.across.x + (a.y - fp.centre.y) * fp.across.y;
  const ay = (a.x - fp.centre.x) * fp.forward.x + (a.y - fp.centre.y) * fp.forward.y;
  const bx = (b.x - fp.centre.x) * fp.across.x + (b.y - fp.centre.y) * fp.across.y;
  const by = (b.x - fp.centre.x) * fp.forward.x + (b.y - fp.centre.y) * fp.forward.y;
  let t0 = 0;
  let t1 = 1;
  const dx = bx - ax;
  const dy = by - ay;
  // Each pair is (p, q) for one side: the segment is inside that side where p·t ≤ q.
  const sides: [number, number][] = [
    [-dx, ax + hw],
    [dx, hw - ax],
    [-dy, ay + hd],
    [dy, hd - ay],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return false;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return false;
      if (r < t1) t1 = r;
    }
  }
  // Only a stretch of positive length counts: a wall grazing a corner does not enter.
  return t1 - t0 > 1e-9;
}

/** A piece may sit this far into a wall and still be "in the room" (whole-mm rounding). */
export const INSIDE_TOLERANCE_MM = 1;

/**
 * Whether the footprint lies inside the room: every corner inside the outline (on a wall
 * counts) and no wall passing through the piece, which catches a room's inner corner poking
 * into a piece whose four corners are all inside an L-shaped room.
 */
export function footprintInsideRoom(fp: Footprint, outline: readonly PlanPoint[], toleranceMm = INSIDE_TOLERANCE_MM, roomBounds: Bounds = boundsOf(outline)): boolean {
  const b = fp.bounds;
  if (b.minX < roomBounds.minX - toleranceMm || b.maxX > roomBounds.maxX + toleranceMm || b.minY < roomBounds.minY - toleranceMm || b.maxY > roomBounds.maxY + toleranceMm) return false;
  for (const corner of fp.corners) if (!pointInPolygon(corner, outline, toleranceMm)) return false;
  for (let i = 0; i < outline.length; i++) {
    if (segmentEntersFootprint(fp, outline[i]!, outline[(i + 1) % outline.length]!, toleranceMm)) return false;
  }
  return true;
}
