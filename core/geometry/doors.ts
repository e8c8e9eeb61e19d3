/**
 * Doors: the floor a door leaf sweeps as it opens into the room, and whether a piece can be
 * carried through a doorway at all.
 */
import type { Opening, PlanPoint, RoomShape } from '../room.ts';
import type { ProductDimensions } from '../catalog.ts';
import { containsPoint, type Footprint } from './footprint.ts';
import { openingInPlan } from './openings.ts';
import { segmentsIntersect } from './segment.ts';
import { add, dot, scale, sub } from './vector.ts';

export interface DoorSwing {
  readonly openingId: string;
  readonly hinge: PlanPoint;
  readonly radiusMm: number;
  /** Unit vector from the hinge along the closed leaf (towards the other jamb). */
  readonly closed: PlanPoint;
  /** Unit vector from the hinge along the leaf opened 90° (into the room). */
  readonly open: PlanPoint;
}

/**
 * The quarter circle a door's leaf sweeps: centred on the hinge jamb, as wide as the door,
 * opening into the room. `swing` names the hinge side seen from inside the room looking at the
 * door; a door without one is drawn hinged on the left.
 */
export function doorSwingOf(outline: readonly PlanPoint[], door: Opening): DoorSwing | null {
  const placed = openingInPlan(outline, door);
  if (!placed || door.kind !== 'door' || placed.wall.lengthMm === 0) return null;
  const { wall } = placed;
  // Facing the door from inside means facing outward (−inward); the left hand is a quarter
  // turn counter-clockwise from that.
  const left = { x: wall.inward.y, y: -wall.inward.x };
  const leftIsEnd = dot(left, wall.direction) > 0;
  const hingeAtEnd = (door.swing ?? 'left') === 'left' ? leftIsEnd : !leftIsEnd;
  const hinge = hingeAtEnd ? placed.end : placed.start;
  const closed = hingeAtEnd ? scale(wall.direction, -1) : wall.direction;
  return { openingId: door.id, hinge, radiusMm: door.widthMm, closed, open: wall.inward };
}

export function doorSwings(shape: RoomShape): DoorSwing[] {
  const swings: DoorSwing[] = [];
  for (const opening of shape.openings) {
    const swing = opening.kind === 'door' ? doorSwingOf(shape.outline, opening) : null;
    if (swing) swings.push(swing);
  }
  return swings;
}

function inSwing(swing: DoorSwing, p: PlanPoint): boolean {
  const d = sub(p, swing.hinge);
  return dot(d, swing.closed) >= 0 && dot(d, swing.open) >= 0 && Math.hypot(d.x, d.y) <= swing.radiusMm;
}

/**
 * Whether the piece stands in the door's sweep. Both are convex, so they meet exactly when a
 * corner of one is inside the other or their outlines cross. The piece is shrunk by
 * `toleranceMm` so a piece that only touches the sweep's edge does not block it.
 */
export function swingBlockedBy(swing: DoorSwing, fp: Footprint, toleranceMm = 1): boolean {
  const hw = fp.halfWidthMm - toleranceMm;
  const hd = fp.halfDepthMm - toleranceMm;
  if (hw <= 0 || hd <= 0) return false;
  const r = swing.radiusMm;
  if (fp.bounds.maxX < swing.hinge.x - r || fp.bounds.minX > swing.hinge.x + r || fp.bounds.maxY < swing.hinge.y - r || fp.bounds.minY > swing.hinge.y + r) return false;
  const corner = (u: number, v: number) => add(fp.centre, add(scale(fp.across, u * hw), scale(fp.forward, v * hd)));
  const corners = [corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1)];
  if (corners.some((c) => inSwing(swing, c))) return true;
  if (containsPoint(fp, swing.hinge, toleranceMm)) return true;
  const leafClosed = add(swing.hinge, scale(swing.closed, r));
  const leafOpen = add(swing.hinge, scale(swing.open, r));
  for (let i = 0; i < 4; i++) {
    const a = corners[i]!;
    const b = corners[(i + 1) % 4]!;
    if (segmentsIntersect(a, b, swing.hinge, leafClosed) || segmentsIntersect(a, b, swing.hinge, leafOpen)) return true;
    if (edgeCrossesArc(a, b, swing)) return true;
  }
  return false;
}

/** Whether the segment a–b meets the sweep's arc (the circle's quarter between the two leaves). */
function edgeCrossesArc(a: PlanPoint, b: PlanPoint, swing: DoorSwing): boolean {
  const d = sub(b, a);
  const f = sub(a, swing.hinge);
  const qa = dot(d, d);
  const qb = 2 * dot(f, d);
  const qc = dot(f, f) - swing.radiusMm * swing.radiusMm;
  const disc = qb * qb - 4 * qa * qc;
  if (qa === 0 || disc < 0) return false;
  const root = Math.sqrt(disc);
  for (const t of [(-qb - root) / (2 * qa), (-qb + root) / (2 * qa)]) {
    if (t < 0 || t > 1) continue;
    const q = sub(add(a, scale(d, t)), swing.hinge);
    if (dot(q, swing.closed) >= 0 && dot(q, swing.open) >= 0) return true;
  }
  return false;
}

export interface CarryOrientation {
  /** The piece's side that goes across the doorway. */
  readonly acrossMm: number;
  /** The piece's side that goes up the doorway. */
  readonly upMm: number;
  /** The side carried lengthwise through the door. */
  readonly alongMm: number;
}

export interface DoorwayFit {
  readonly fits: boolean;
  /** How to carry it: upright if that fits, else the way with most room to spare (or the nearest miss). */
  readonly bestOrientation: CarryOrientation;
  /** The smaller of the spare width and spare height in that orientation; negative when it does not fit. */
  readonly clearanceMm: number;
  readonly reason: string;
}

/** Room to spare we insist on: a door's stop and hinges narrow the real opening (and hands need space). */
export const DOORWAY_MARGIN_MM = 20;

/**
 * Whether a piece can be carried through a doorway. The piece is treated as its bounding box
 * and may be turned any way: it passes if two of its sides fit the door's width and height
 * (with `marginMm` to spare on each), the third side carried lengthwise. We deliberately do not
 * credit tilting it diagonally through the frame, turning it in a hallway, taking legs off or
 * squashing cushions — so "fits" is a promise and "does not fit" means "check before buying".
 */
export function doorwayFits(product: ProductDimensions, door: Pick<Opening, 'widthMm' | 'heightMm'>, marginMm = DOORWAY_MARGIN_MM): DoorwayFit {
  const { widthMm: w, depthMm: d, heightMm: h } = product;
  const ways: CarryOrientation[] = [
    { acrossMm: d, upMm: h, alongMm: w },
    { acrossMm: w, upMm: h, alongMm: d },
    { acrossMm: h, upMm: d, alongMm: w },
    { acrossMm: h, upMm: w, alongMm: d },
    { acrossMm: d, upMm: w, alongMm: h },
    { acrossMm: w, upMm: d, alongMm: h },
  ];
  const spare = (way: CarryOrientation) => Math.min(door.widthMm - way.acrossMm, door.heightMm - way.upMm);
  // People carry a piece upright when they can, so an upright way that fits wins; otherwise
  // the way with the most room to spare (or, when none fits, the nearest miss).
  const rank = (way: CarryOrientation) => (spare(way) >= marginMm && way.upMm === h ? 1 : 0);
  let best = ways[0]!;
  for (const way of ways) {
    if (rank(way) > rank(best) || (rank(way) === rank(best) && spare(way) > spare(best))) best = way;
  }
  const bestClearance = spare(best);
  const fits = bestClearance >= marginMm;
  const section = `${best.acrossMm} × ${best.upMm} mm`;
  const doorSize = `${door.widthMm} × ${door.heightMm} mm`;
  const upright = best.upMm === h;
  const reason = fits
    ? `fits through the ${doorSize} door ${upright ? 'upright' : 'tipped over'}, ${section} across × up, ${bestClearance} mm to spare`
    : bestClearance >= 0
      ? `too tight for the ${doorSize} door: its smallest cross-section ${section} leaves ${bestClearance} mm, less than the ${marginMm} mm needed to carry it through`
      : `does not fit through the ${doorSize} door: its smallest cross-section is ${section}`;
  return { fits, bestOrientation: best, clearanceMm: bestClearance, reason };
}
