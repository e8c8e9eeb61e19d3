/**
 * What the plan draws, in plan millimetres: wall bands (mitred at the corners, cut at every door
 * and window), door and window symbols, wall dimension lines with their extension lines, and a
 * grid. Pure, so the editor and the project page draw the same room the same way; the SVG
 * components map these to pixels with a PlanTransform.
 */
import { doorSwingOf } from '../../core/geometry/doors.ts';
import { wallDimensionLines, type DimensionLine } from '../../core/geometry/measure.ts';
import { wallsOf, type Wall } from '../../core/geometry/polygon.ts';
import type { Opening, PlanPoint, RoomShape } from '../../core/room.ts';
import { boxAround, type PlanBox } from './transform.ts';

export type Quad = readonly [PlanPoint, PlanPoint, PlanPoint, PlanPoint];
export type Segment = readonly [PlanPoint, PlanPoint];

type WallGeometry = Pick<RoomShape, 'outline' | 'wallThicknessMm' | 'openings'>;

/** A thickness the plan can draw: a half-typed, NaN or negative one draws as a bare line. */
export const drawableThickness = (mm: number) => (Number.isFinite(mm) && mm > 0 ? mm : 0);

const along = (wall: Wall, s: number, out = 0): PlanPoint => ({
  x: wall.start.x + wall.direction.x * s - wall.inward.x * out,
  y: wall.start.y + wall.direction.y * s - wall.inward.y * out,
});

/**
 * Where the outer faces of neighbouring walls meet, one per corner. Walls stand outside the
 * outline (the room keeps its measured inside). A corner that nearly folds back on itself
 * would send the mitre far away, so it is squared off instead.
 */
export function outerCorners(walls: readonly Wall[], thicknessMm: number): PlanPoint[] {
  return walls.map((wall, i) => {
    const previous = walls[(i - 1 + walls.length) % walls.length]!;
    const a = { x: -previous.inward.x, y: -previous.inward.y };
    const b = { x: -wall.inward.x, y: -wall.inward.y };
    const denominator = 1 + a.x * b.x + a.y * b.y;
    if (denominator < 0.1) return along(wall, 0, thicknessMm);
    return { x: wall.start.x + ((a.x + b.x) / denominator) * thicknessMm, y: wall.start.y + ((a.y + b.y) / denominator) * thicknessMm };
  });
}

export interface WallBand {
  readonly wallIndex: number;
  /** The whole wall from corner to corner: the hit target and the selection outline. */
  readonly band: Quad;
  /** The solid parts between openings, drawn filled. */
  readonly solid: readonly Quad[];
}

/** Along-wall stretches left solid once every opening's width is taken out. */
export function solidStretches(lengthMm: number, openings: readonly Pick<Opening, 'offsetMm' | 'widthMm'>[]): { from: number; to: number }[] {
  const gaps = openings.map((o) => ({ from: Math.max(0, o.offsetMm), to: Math.min(lengthMm, o.offsetMm + o.widthMm) })).filter((g) => g.to > g.from);
  gaps.sort((a, b) => a.from - b.from);
  const stretches: { from: number; to: number }[] = [];
  let cursor = 0;
  for (const gap of gaps) {
    if (gap.from > cursor) stretches.push({ from: cursor, to: gap.from });
    cursor = Math.max(cursor, gap.to);
  }
  if (cursor < lengthMm) stretches.push({ from: cursor, to: lengthMm });
  return stretches;
}

export function wallBands(shape: WallGeometry): WallBand[] {
  const walls = wallsOf(shape.outline);
  const t = drawableThickness(shape.wallThicknessMm);
  const corners = outerCorners(walls, t);
  return walls.map((wall, i) => {
    const outerAt = (s: number) => (s <= 0 ? corners[i]! : s >= wall.lengthMm ? corners[(i + 1) % walls.length]! : along(wall, s, t));
    const quad = (from: number, to: number): Quad => [along(wall, from), along(wall, to), outerAt(to), outerAt(from)];
    const openings = shape.openings.filter((o) => o.wallIndex === i);
    return { wallIndex: i, band: quad(0, wall.lengthMm), solid: solidStretches(wall.lengthMm, openings).map((s) => quad(s.from, s.to)) };
  });
}

export interface DoorLeaf {
  readonly hinge: PlanPoint;
  /** The leaf opened 90°, from the hinge. */
  readonly leafEnd: PlanPoint;
  /** The swing arc from the closed leaf's tip to the open leaf's tip. */
  readonly arcFrom: PlanPoint;
  readonly arcTo: PlanPoint;
  readonly radiusMm: number;
  /** Whether the arc turns from +x towards +y (SVG's sweep-flag 1, since both y axes point down). */
  readonly sweepPositive: boolean;
}

export interface OpeningSymbol {
  readonly id: string;
  readonly index: number;
  readonly kind: Opening['kind'];
  readonly wallIndex: number;
  /** The opening through the wall: inner start, inner end, outer end, outer start. */
  readonly span: Quad;
  /** Windows: two thin lines along the wall inside the opening. */
  readonly glazing: readonly Segment[];
  readonly door: DoorLeaf | null;
}

/** Door and window symbols; openings on a wall that does not exist (or half-typed) are left out. */
export function openingSymbols(shape: WallGeometry): OpeningSymbol[] {
  const walls = wallsOf(shape.outline);
  const t = drawableThickness(shape.wallThicknessMm);
  const symbols: OpeningSymbol[] = [];
  shape.openings.forEach((opening, index) => {
    const wall = walls[opening.wallIndex];
    if (!wall || wall.lengthMm === 0 || !Number.isFinite(opening.offsetMm) || !(opening.widthMm > 0)) return;
    const from = Math.max(0, opening.offsetMm);
    const to = Math.min(wall.lengthMm, opening.offsetMm + opening.widthMm);
    const span: Quad = [along(wall, from), along(wall, to), along(wall, to, t), along(wall, from, t)];
    const glazing: Segment[] = opening.kind === 'window' ? [[along(wall, from, t / 3), along(wall, to, t / 3)], [along(wall, from, (2 * t) / 3), along(wall, to, (2 * t) / 3)]] : [];
    let door: DoorLeaf | null = null;
    if (opening.kind === 'door') {
      const swing = doorSwingOf(shape.outline, opening);
      if (swing) {
        const r = swing.radiusMm;
        const tip = (v: PlanPoint) => ({ x: swing.hinge.x + v.x * r, y: swing.hinge.y + v.y * r });
        door = { hinge: swing.hinge, leafEnd: tip(swing.open), arcFrom: tip(swing.closed), arcTo: tip(swing.open), radiusMm: r, sweepPositive: swing.closed.x * swing.open.y - swing.closed.y * swing.open.x > 0 };
      }
    }
    symbols.push({ id: opening.id, index, kind: opening.kind, wallIndex: opening.wallIndex, span, glazing, door });
  });
  return symbols;
}

export interface WallDimension extends DimensionLine {
  readonly wallIndex: number;
  /** From just off the wall's outer face out past the dimension line, at each end. */
  readonly extensions: readonly [Segment, Segment];
}

/** How far outside the wall's outer face the dimension line runs. */
export const DIMENSION_GAP_MM = 350;

/** One dimension per wall, outside the wall band, its label further out. */
export function wallDimensions(shape: Pick<RoomShape, 'outline' | 'wallThicknessMm'>, gapMm = DIMENSION_GAP_MM): WallDimension[] {
  const walls = wallsOf(shape.outline);
  const thickness = drawableThickness(shape.wallThicknessMm);
  const offset = thickness + gapMm;
  return wallDimensionLines(shape.outline, offset, 120).map((line) => {
    const wall = walls[line.wallIndex]!;
    const outward = { x: -wall.inward.x, y: -wall.inward.y };
    const ext = (p: PlanPoint, base: PlanPoint): Segment => [
      { x: base.x + outward.x * (thickness + 60), y: base.y + outward.y * (thickness + 60) },
      { x: p.x + outward.x * 80, y: p.y + outward.y * 80 },
    ];
    return { ...line, extensions: [ext(line.from, wall.start), ext(line.to, wall.end)] };
  });
}

/** The room's box grown to hold its walls, dimension lines and their labels. */
export function planExtent(shape: Pick<RoomShape, 'outline' | 'wallThicknessMm'>, gapMm = DIMENSION_GAP_MM): PlanBox {
  if (shape.outline.length === 0) return { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
  return boxAround(shape.outline, drawableThickness(shape.wallThicknessMm) + gapMm + 320);
}

/** Grid line positions every `stepMm` inside the box; `major` marks whole metres. */
export function gridLines(box: PlanBox, stepMm: number): { readonly xs: { at: number; major: boolean }[]; readonly ys: { at: number; major: boolean }[] } {
  const lines = (min: number, max: number) => {
    const out: { at: number; major: boolean }[] = [];
    if (!(stepMm > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return out;
    for (let at = Math.ceil(min / stepMm) * stepMm; at <= max && out.length < 2000; at += stepMm) out.push({ at, major: at % 1000 === 0 });
    return out;
  };
  return { xs: lines(box.minX, box.maxX), ys: lines(box.minY, box.maxY) };
}

/** The finest grid step that stays at least `minPx` apart at this scale (px per mm). */
export function gridStepFor(scale: number, minPx = 12): number {
  for (const step of [100, 250, 500, 1000, 2500, 5000]) if (step * scale >= minPx) return step;
  return 10_000;
}
