/**
 * Clamping a piece into the room: the nearest position, at the piece's own rotation, where its
 * whole footprint is inside. Exact for any simple outline, convex or not.
 *
 * Why exact: at a fixed rotation, the centres that keep the piece inside form a polygon whose
 * edges lie on two families of lines — each wall pushed inward by the piece's half-extent
 * across it, and, at each inner (reflex) corner, lines where a side of the piece rests on that
 * corner. The nearest point of that region is either the foot of a perpendicular on one of
 * those lines or a meeting point of two of them; we try those candidates nearest-first and keep
 * the first that really fits.
 */
import type { PlanPoint } from '../room.ts';
import { footprintInsideRoom, footprintOf, INSIDE_TOLERANCE_MM, type Footprint, type FootprintSize, type Placement } from './footprint.ts';
import { boundsOf, signedAreaMm2, wallsOf } from './polygon.ts';
import { lineIntersection } from './segment.ts';
import { add, dot, orient, perpendicular, scale, sub } from './vector.ts';

export interface ClampResult {
  readonly placement: Placement;
  /** Whether the piece had to move. */
  readonly moved: boolean;
  /** Whether the returned placement is inside the room (false: the piece is too big to fit here at this rotation). */
  readonly inside: boolean;
  /** How far the piece moved, in mm. */
  readonly distanceMm: number;
}

/** A candidate must fit this strictly, so rounding the result to whole mm keeps it inside. */
const STRICT_MM = 0.01;

interface Line {
  readonly point: PlanPoint;
  readonly direction: PlanPoint;
}

export function clampIntoRoom(outline: readonly PlanPoint[], size: FootprintSize, placement: Placement): ClampResult {
  const roomBounds = boundsOf(outline);
  const at = (p: PlanPoint): Footprint => footprintOf(size, { xMm: p.x, yMm: p.y, rotationDeg: placement.rotationDeg });
  const start = { x: placement.xMm, y: placement.yMm };
  if (footprintInsideRoom(at(start), outline, INSIDE_TOLERANCE_MM, roomBounds)) return { placement, moved: false, inside: true, distanceMm: 0 };

  const lines = constraintLines(outline, at(start));
  const candidates: PlanPoint[] = [];
  for (const line of lines) {
    candidates.push(add(line.point, scale(line.direction, dot(sub(start, line.point), line.direction))));
  }
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      const p = lineIntersection(a.point, add(a.point, a.direction), b.point, add(b.point, b.direction));
      if (p) candidates.push(p);
    }
  }
  const ranked = candidates.map((p) => ({ p, d: Math.hypot(p.x - start.x, p.y - start.y) })).sort((a, b) => a.d - b.d);
  for (const { p } of ranked) {
    if (!footprintInsideRoom(at(p), outline, STRICT_MM, roomBounds)) continue;
    const rounded = bestRounding(p, start, (q) => footprintInsideRoom(at(q), outline, STRICT_MM, roomBounds));
    const distanceMm = Math.hypot(rounded.x - start.x, rounded.y - start.y);
    return { placement: { ...placement, xMm: rounded.x, yMm: rounded.y }, moved: distanceMm > 0, inside: true, distanceMm };
  }
  return { placement, moved: false, inside: false, distanceMm: 0 };
}

/** Whole-mm neighbours of p, nearest the start first, preferring one that fits strictly. */
function bestRounding(p: PlanPoint, start: PlanPoint, fits: (q: PlanPoint) => boolean): PlanPoint {
  const xs = [Math.floor(p.x), Math.ceil(p.x)];
  const ys = [Math.floor(p.y), Math.ceil(p.y)];
  const options = xs.flatMap((x) => ys.map((y) => ({ x: x + 0, y: y + 0 }))).sort((a, b) => Math.hypot(a.x - p.x, a.y - p.y) - Math.hypot(b.x - p.x, b.y - p.y) || Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y));
  // The nearest rounding is at most 0.71 mm off the fitting point, inside INSIDE_TOLERANCE_MM.
  return options.find(fits) ?? options[0]!;
}

function constraintLines(outline: readonly PlanPoint[], fp: Footprint): Line[] {
  const lines: Line[] = [];
  for (const wall of wallsOf(outline)) {
    if (wall.lengthMm === 0) continue;
    const reach = fp.halfWidthMm * Math.abs(dot(fp.across, wall.inward)) + fp.halfDepthMm * Math.abs(dot(fp.forward, wall.inward));
    lines.push({ point: add(wall.start, scale(wall.inward, reach)), direction: wall.direction });
  }
  const ccw = signedAreaMm2(outline) >= 0;
  const n = outline.length;
  for (let i = 0; i < n; i++) {
    const prev = outline[(i + n - 1) % n]!;
    const corner = outline[i]!;
    const next = outline[(i + 1) % n]!;
    const turn = orient(prev, corner, next);
    const reflex = ccw ? turn < 0 : turn > 0;
    if (!reflex) continue;
    for (const [axis, half] of [[fp.across, fp.halfWidthMm], [fp.forward, fp.halfDepthMm]] as const) {
      for (const side of [-1, 1]) {
        lines.push({ point: add(corner, scale(axis, side * half)), direction: perpendicular(axis) });
      }
    }
  }
  return lines;
}
