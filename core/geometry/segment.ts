/**
 * Segments: closest points, distances and crossings. Crossing tests use exact orientation
 * signs, so for whole-millimetre inputs "touching" and "crossing" are decided without rounding.
 */
import type { PlanPoint } from '../room.ts';
import { orient } from './vector.ts';

export interface ClosestOnSegment {
  readonly point: PlanPoint;
  /** 0 at the segment's start, 1 at its end. */
  readonly t: number;
  readonly distanceMm: number;
}

export function closestPointOnSegment(p: PlanPoint, a: PlanPoint, b: PlanPoint): ClosestOnSegment {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const raw = len2 === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  const t = raw < 0 ? 0 : raw > 1 ? 1 : raw;
  const point = { x: a.x + t * dx, y: a.y + t * dy };
  return { point, t, distanceMm: Math.hypot(p.x - point.x, p.y - point.y) };
}

export function pointSegmentDistance(p: PlanPoint, a: PlanPoint, b: PlanPoint): number {
  return closestPointOnSegment(p, a, b).distanceMm;
}

/** Whether p lies on the segment a–b exactly (collinear and within its extent). */
export function onSegment(p: PlanPoint, a: PlanPoint, b: PlanPoint): boolean {
  return orient(a, b, p) === 0 && Math.min(a.x, b.x) <= p.x && p.x <= Math.max(a.x, b.x) && Math.min(a.y, b.y) <= p.y && p.y <= Math.max(a.y, b.y);
}

/** Whether the closed segments a–b and c–d share at least one point (touching counts). */
export function segmentsIntersect(a: PlanPoint, b: PlanPoint, c: PlanPoint, d: PlanPoint): boolean {
  const o1 = Math.sign(orient(a, b, c));
  const o2 = Math.sign(orient(a, b, d));
  const o3 = Math.sign(orient(c, d, a));
  const o4 = Math.sign(orient(c, d, b));
  // Each segment's ends on different sides of (or one on) the other's line: they cross.
  if (o1 !== o2 && o3 !== o4) return true;
  // Otherwise they meet only if an end of one lies on the other (collinear overlaps included).
  if (o1 === 0 && onSegment(c, a, b)) return true;
  if (o2 === 0 && onSegment(d, a, b)) return true;
  if (o3 === 0 && onSegment(a, c, d)) return true;
  if (o4 === 0 && onSegment(b, c, d)) return true;
  return false;
}

export interface SegmentGap {
  readonly distanceMm: number;
  /** The closest point on the first segment. */
  readonly from: PlanPoint;
  /** The closest point on the second segment. */
  readonly to: PlanPoint;
}

/** The shortest distance between two segments, with the points that realise it. */
export function segmentGap(a: PlanPoint, b: PlanPoint, c: PlanPoint, d: PlanPoint): SegmentGap {
  if (segmentsIntersect(a, b, c, d)) {
    const at = lineIntersection(a, b, c, d) ?? (onSegment(c, a, b) ? c : onSegment(d, a, b) ? d : onSegment(a, c, d) ? a : b);
    return { distanceMm: 0, from: at, to: at };
  }
  // Apart, the closest pair always has an endpoint of one of the two segments in it.
  let best: SegmentGap = { distanceMm: Infinity, from: a, to: c };
  const consider = (from: PlanPoint, to: PlanPoint, distance: number) => {
    if (distance < best.distanceMm) best = { distanceMm: distance, from, to };
  };
  for (const p of [a, b]) {
    const q = closestPointOnSegment(p, c, d);
    consider(p, q.point, q.distanceMm);
  }
  for (const p of [c, d]) {
    const q = closestPointOnSegment(p, a, b);
    consider(q.point, p, q.distanceMm);
  }
  return best;
}

/** Where the lines through a–b and c–d meet; null when they are parallel. */
export function lineIntersection(a: PlanPoint, b: PlanPoint, c: PlanPoint, d: PlanPoint): PlanPoint | null {
  const rX = b.x - a.x;
  const rY = b.y - a.y;
  const sX = d.x - c.x;
  const sY = d.y - c.y;
  const denom = rX * sY - rY * sX;
  if (denom === 0) return null;
  const t = ((c.x - a.x) * sY - (c.y - a.y) * sX) / denom;
  return { x: a.x + t * rX, y: a.y + t * rY };
}
