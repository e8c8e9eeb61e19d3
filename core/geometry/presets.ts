/**
 * Ready-made outlines: the rectangle (from `core/room.ts`), the L-shape, and a room typed as
 * a tape-measure walk — wall lengths and the turn at the end of each wall.
 * Every preset starts at (0, 0) with the first wall along +x; the fixed shapes run
 * counter-clockwise, a typed walk runs whichever way it was walked.
 */
import { rectangleOutline, type PlanPoint } from '../room.ts';
import { cosSinDeg, roundPoint } from './vector.ts';

export { rectangleOutline };

/**
 * A widthMm × depthMm rectangle with a cutWidthMm × cutDepthMm notch taken out of its far
 * right corner (largest x and y). Throws a RangeError naming the bad argument otherwise.
 */
export function lShapeOutline(widthMm: number, depthMm: number, cutWidthMm: number, cutDepthMm: number): PlanPoint[] {
  for (const [name, value] of [['width', widthMm], ['depth', depthMm], ['cut width', cutWidthMm], ['cut depth', cutDepthMm]] as const) {
    if (!(value > 0)) throw new RangeError(`L-shape ${name} must be greater than zero (got ${value})`);
  }
  if (cutWidthMm >= widthMm) throw new RangeError(`L-shape cut width ${cutWidthMm} mm must be less than the width ${widthMm} mm`);
  if (cutDepthMm >= depthMm) throw new RangeError(`L-shape cut depth ${cutDepthMm} mm must be less than the depth ${depthMm} mm`);
  return [
    { x: 0, y: 0 },
    { x: widthMm, y: 0 },
    { x: widthMm, y: depthMm - cutDepthMm },
    { x: widthMm - cutWidthMm, y: depthMm - cutDepthMm },
    { x: widthMm - cutWidthMm, y: depthMm },
    { x: 0, y: depthMm },
  ];
}

export interface TypedWall {
  readonly lengthMm: number;
  /**
   * The turn at the end of this wall into the next one (the last wall's turn leads back into
   * the first), counter-clockwise positive: walking a room anticlockwise, each square corner
   * is +90; walking it clockwise, −90.
   */
  readonly turnDeg: number;
}

export type TypedOutline =
  | { readonly ok: true; readonly outline: PlanPoint[]; readonly closingGapMm: number }
  /** closingGapMm is null when the walls were refused before walking them. */
  | { readonly ok: false; readonly message: string; readonly closingGapMm: number | null };

/** How far the walk may end from its start and still be closed (the gap joins the last wall). */
export const CLOSING_TOLERANCE_MM = 10;
const TURN_TOLERANCE_DEG = 1;

/**
 * The outline you get by walking the typed walls from (0, 0) along +x. It is refused, with a
 * message, when the walk does not come back to its start within `toleranceMm` or the turns do
 * not add up to one full turn. Corners are rounded to whole millimetres.
 */
export function outlineFromWalls(walls: readonly TypedWall[], toleranceMm = CLOSING_TOLERANCE_MM): TypedOutline {
  if (walls.length < 3) return { ok: false, message: `a room needs at least 3 walls (got ${walls.length})`, closingGapMm: null };
  for (let i = 0; i < walls.length; i++) {
    const wall = walls[i]!;
    if (!(wall.lengthMm > 0)) return { ok: false, message: `wall ${i + 1} must be longer than zero (got ${wall.lengthMm} mm)`, closingGapMm: null };
    if (!Number.isFinite(wall.turnDeg)) return { ok: false, message: `wall ${i + 1} needs a turn angle`, closingGapMm: null };
  }
  const corners: PlanPoint[] = [];
  let x = 0;
  let y = 0;
  let heading = 0;
  for (const wall of walls) {
    corners.push({ x, y });
    const [cos, sin] = cosSinDeg(heading);
    x += wall.lengthMm * cos;
    y += wall.lengthMm * sin;
    heading += wall.turnDeg;
  }
  // Hundredths of a millimetre: finer is floating-point noise from the angles.
  const closingGapMm = Math.round(Math.hypot(x, y) * 100) / 100;
  if (closingGapMm > toleranceMm) {
    return {
      ok: false,
      message: `the walls do not close: the last wall ends ${Math.round(closingGapMm)} mm from where the first one starts (${Math.round(-x)} mm across, ${Math.round(-y)} mm deep to go); check the lengths and angles`,
      closingGapMm,
    };
  }
  if (Math.abs(Math.abs(heading) - 360) > TURN_TOLERANCE_DEG) {
    return { ok: false, message: `the corners turn ${round1(heading)}° in all; a closed room turns 360° (or −360° walking clockwise)`, closingGapMm };
  }
  return { ok: true, outline: corners.map(roundPoint), closingGapMm };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
