/**
 * The room outline as a polygon: area, perimeter, winding, containment, nearest wall.
 * Wall i runs from outline[i] to outline[(i + 1) % n], as in `core/room.ts`. Functions here
 * never reorder the outline, because openings refer to walls by index.
 */
import type { PlanPoint } from '../room.ts';
import { closestPointOnSegment, onSegment } from './segment.ts';
import { cross, orient, sub } from './vector.ts';

export interface Bounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function boundsOf(points: readonly PlanPoint[]): Bounds {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    if (p.x < minX) minX = p.x;
    if (p.x > maxX) maxX = p.x;
    if (p.y < minY) minY = p.y;
    if (p.y > maxY) maxY = p.y;
  }
  return { minX, minY, maxX, maxY };
}

export function boundsOverlap(a: Bounds, b: Bounds, marginMm = 0): boolean {
  return a.minX <= b.maxX + marginMm && b.minX <= a.maxX + marginMm && a.minY <= b.maxY + marginMm && b.minY <= a.maxY + marginMm;
}

/** Positive when the outline runs counter-clockwise seen from above, negative when clockwise. */
export function signedAreaMm2(outline: readonly PlanPoint[]): number {
  let twice = 0;
  for (let i = 0; i < outline.length; i++) {
    twice += cross(outline[i]!, outline[(i + 1) % outline.length]!);
  }
  return twice / 2;
}

export function perimeterMm(outline: readonly PlanPoint[]): number {
  let sum = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    sum += Math.hypot(b.x - a.x, b.y - a.y);
  }
  return sum;
}

export function isCounterClockwise(outline: readonly PlanPoint[]): boolean {
  return signedAreaMm2(outline) > 0;
}

/**
 * The same outline running counter-clockwise. Reversing renumbers the walls; use
 * `counterClockwiseRoom` (openings.ts) when openings must follow.
 */
export function counterClockwise(outline: readonly PlanPoint[]): PlanPoint[] {
  if (signedAreaMm2(outline) >= 0) return [...outline];
  // Keep the first point first, so a preset's origin corner stays where it was.
  return outline.length === 0 ? [] : [outline[0]!, ...outline.slice(1).reverse()];
}

export function isConvex(outline: readonly PlanPoint[]): boolean {
  let sign = 0;
  const n = outline.length;
  for (let i = 0; i < n; i++) {
    const turn = Math.sign(orient(outline[i]!, outline[(i + 1) % n]!, outline[(i + 2) % n]!));
    if (turn === 0) continue;
    if (sign === 0) sign = turn;
    else if (turn !== sign) return false;
  }
  return true;
}

/**
 * Whether p is in the room. A point on a wall (or within `toleranceMm` of one) counts as inside:
 * a piece pushed flat against a wall is in the room, not outside it.
 */
export function pointInPolygon(p: PlanPoint, outline: readonly PlanPoint[], toleranceMm = 0): boolean {
  const n = outline.length;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = outline[j]!;
    const b = outline[i]!;
    // Half-open rule on y so a ray through a corner is counted once.
    if (a.y > p.y !== b.y > p.y) {
      const xCross = a.x + ((p.y - a.y) * (b.x - a.x)) / (b.y - a.y);
      if (p.x < xCross) inside = !inside;
    }
  }
  if (inside) return true;
  // The ray test may put a point on a wall either side; the boundary is inside by definition.
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = outline[j]!;
    const b = outline[i]!;
    if (toleranceMm > 0 ? closestPointOnSegment(p, a, b).distanceMm <= toleranceMm : onSegment(p, a, b)) return true;
  }
  return false;
}

export interface ClosestOnOutline {
  readonly point: PlanPoint;
  readonly wallIndex: number;
  /** Distance from the wall's start along it, in mm. */
  readonly alongMm: number;
  readonly distanceMm: number;
}

export function closestPointOnOutline(p: PlanPoint, outline: readonly PlanPoint[]): ClosestOnOutline {
  let best: ClosestOnOutline = { point: outline[0] ?? p, wallIndex: 0, alongMm: 0, distanceMm: Infinity };
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const c = closestPointOnSegment(p, a, b);
    if (c.distanceMm < best.distanceMm) {
      best = { point: c.point, wallIndex: i, alongMm: c.t * Math.hypot(b.x - a.x, b.y - a.y), distanceMm: c.distanceMm };
    }
  }
  return best;
}

/** How far p is from the nearest wall (whether p is inside the room or not). */
export function distanceToWallsMm(p: PlanPoint, outline: readonly PlanPoint[]): number {
  return closestPointOnOutline(p, outline).distanceMm;
}

export interface Wall {
  readonly index: number;
  readonly start: PlanPoint;
  readonly end: PlanPoint;
  readonly lengthMm: number;
  /** Unit vector from start to end. */
  readonly direction: PlanPoint;
  /** Unit normal pointing into the room, whichever way the outline winds. */
  readonly inward: PlanPoint;
}

/** Every wall with its direction and the normal that points into the room. */
export function wallsOf(outline: readonly PlanPoint[]): Wall[] {
  const ccw = signedAreaMm2(outline) >= 0;
  return outline.map((start, index) => {
    const end = outline[(index + 1) % outline.length]!;
    const d = sub(end, start);
    const lengthMm = Math.hypot(d.x, d.y);
    const direction = lengthMm === 0 ? { x: 0, y: 0 } : { x: d.x / lengthMm, y: d.y / lengthMm };
    // Inside is on the left of each wall for a counter-clockwise outline, on the right otherwise.
    const inward = ccw ? { x: -direction.y + 0, y: direction.x + 0 } : { x: direction.y + 0, y: -direction.x + 0 };
    return { index, start, end, lengthMm, direction, inward };
  });
}
