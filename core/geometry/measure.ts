/**
 * Measuring: the measure tool's two-point distance, and the dimension lines the plan draws
 * along walls and beside a selected piece. All in plan millimetres; angles are plan angles
 * (counter-clockwise from +x), and label angles are turned to read left-to-right.
 */
import type { PlanPoint } from '../room.ts';
import type { Footprint } from './footprint.ts';
import { wallsOf } from './polygon.ts';
import { add, distanceMm, midpoint, normaliseDeg, scale } from './vector.ts';

export { distanceMm };

export interface Measurement {
  readonly distanceMm: number;
  readonly midpoint: PlanPoint;
  /** Direction from the first point to the second. */
  readonly angleDeg: number;
}

export function measureDistance(a: PlanPoint, b: PlanPoint): Measurement {
  return { distanceMm: distanceMm(a, b), midpoint: midpoint(a, b), angleDeg: normaliseDeg((Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI) };
}

export interface DimensionLine {
  readonly from: PlanPoint;
  readonly to: PlanPoint;
  readonly lengthMm: number;
  /** Where the label goes: the line's middle, a little further out. */
  readonly labelAt: PlanPoint;
  /** The line's angle turned into (−90°, 90°] so its label never reads upside down. */
  readonly labelAngleDeg: number;
}

function dimensionLine(from: PlanPoint, to: PlanPoint, outward: PlanPoint, labelGapMm: number): DimensionLine {
  const angle = normaliseDeg((Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI);
  const labelAngleDeg = angle > 90 && angle <= 270 ? angle - 180 : angle > 270 ? angle - 360 : angle;
  return { from, to, lengthMm: distanceMm(from, to), labelAt: add(midpoint(from, to), scale(outward, labelGapMm)), labelAngleDeg };
}

/** One dimension line per wall, drawn outside the room `offsetMm` from the wall's face. */
export function wallDimensionLines(outline: readonly PlanPoint[], offsetMm = 300, labelGapMm = 80): (DimensionLine & { readonly wallIndex: number })[] {
  return wallsOf(outline).map((wall) => {
    const outward = scale(wall.inward, -1);
    const shift = scale(outward, offsetMm);
    return { wallIndex: wall.index, ...dimensionLine(add(wall.start, shift), add(wall.end, shift), outward, labelGapMm) };
  });
}

/**
 * A selected piece's width (along its front) and depth (along its +across side — the piece's
 * own right, as someone sitting on it sees it), each `offsetMm` clear of the piece.
 */
export function itemDimensionLines(fp: Footprint, offsetMm = 120, labelGapMm = 60): { readonly width: DimensionLine; readonly depth: DimensionLine } {
  const [, backRight, frontRight, frontLeft] = fp.corners;
  const front = scale(fp.forward, offsetMm);
  const side = scale(fp.across, offsetMm);
  return {
    width: dimensionLine(add(frontLeft, front), add(frontRight, front), fp.forward, labelGapMm),
    depth: dimensionLine(add(backRight, side), add(frontRight, side), fp.across, labelGapMm),
  };
}
