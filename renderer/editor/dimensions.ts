/**
 * What a selected piece shows in the room: its width and depth as dimension lines beside it
 * (core's itemDimensionLines) and its clear distance to the nearest wall on each side, measured
 * straight out from the middle of each side of the footprint to the first wall it meets.
 */
import { itemDimensionLines, lineIntersection, measureDistance, type DimensionLine, type Footprint } from '../../core/geometry/index.ts';
import type { PlanPoint } from '../../core/room.ts';

export interface WallDistance extends DimensionLine {
  /** Which side of the piece: its back, front, left or right. */
  readonly side: 'back' | 'front' | 'left' | 'right';
}

function rayToOutline(from: PlanPoint, direction: PlanPoint, outline: readonly PlanPoint[]): PlanPoint | null {
  let best: { point: PlanPoint; t: number } | null = null;
  const far = { x: from.x + direction.x, y: from.y + direction.y };
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const hit = lineIntersection(from, far, a, b);
    if (!hit) continue;
    const t = (hit.x - from.x) * direction.x + (hit.y - from.y) * direction.y;
    if (t < -1e-6) continue;
    // On the wall segment itself (with a hair of slack for corners).
    const along = (hit.x - a.x) * (b.x - a.x) + (hit.y - a.y) * (b.y - a.y);
    const len2 = (b.x - a.x) ** 2 + (b.y - a.y) ** 2;
    if (along < -1e-6 * len2 || along > len2 * (1 + 1e-6)) continue;
    if (!best || t < best.t) best = { point: hit, t };
  }
  return best?.point ?? null;
}

function line(from: PlanPoint, to: PlanPoint, side: WallDistance['side']): WallDistance {
  const m = measureDistance(from, to);
  const labelAngle = m.angleDeg > 90 && m.angleDeg <= 270 ? m.angleDeg - 180 : m.angleDeg > 270 ? m.angleDeg - 360 : m.angleDeg;
  return { from, to, lengthMm: m.distanceMm, labelAt: m.midpoint, labelAngleDeg: labelAngle, side };
}

/**
 * The clear distance from each side of the footprint to the wall in front of it. Only the
 * nearer of back/front and of left/right are returned: the two numbers a designer reads.
 */
export function wallDistances(fp: Footprint, outline: readonly PlanPoint[]): WallDistance[] {
  const sides: { side: WallDistance['side']; direction: PlanPoint; half: number }[] = [
    { side: 'front', direction: fp.forward, half: fp.halfDepthMm },
    { side: 'back', direction: { x: -fp.forward.x, y: -fp.forward.y }, half: fp.halfDepthMm },
    { side: 'right', direction: fp.across, half: fp.halfWidthMm },
    { side: 'left', direction: { x: -fp.across.x, y: -fp.across.y }, half: fp.halfWidthMm },
  ];
  const lines = sides.map(({ side, direction, half }) => {
    const from = { x: fp.centre.x + direction.x * half, y: fp.centre.y + direction.y * half };
    const to = rayToOutline(from, direction, outline);
    return to ? line(from, to, side) : null;
  });
  const nearer = (a: WallDistance | null, b: WallDistance | null) => (a && b ? (a.lengthMm <= b.lengthMm ? a : b) : (a ?? b));
  return [nearer(lines[0]!, lines[1]!), nearer(lines[2]!, lines[3]!)].filter((l): l is WallDistance => l !== null);
}

export interface SelectionDimensions {
  readonly width: DimensionLine;
  readonly depth: DimensionLine;
  readonly walls: readonly WallDistance[];
}

export function selectionDimensions(fp: Footprint, outline: readonly PlanPoint[]): SelectionDimensions {
  const { width, depth } = itemDimensionLines(fp);
  return { width, depth, walls: wallDistances(fp, outline) };
}
