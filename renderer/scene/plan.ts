/**
 * From the plan to the scene. Plan coordinates are integer millimetres with x to the right and
 * y away from the viewer; the scene is in metres (1 unit = 1 m) with y up, so plan (x, y)
 * becomes world (x, z). Plan rotations are counter-clockwise in the plan's own (x, y) frame;
 * the same turn about world y is the negative angle, because world z points where plan y does.
 */
import type { PlanPoint } from '../../core/room.ts';

export const MM_PER_METRE = 1000;

export const mmToMetres = (mm: number) => mm / MM_PER_METRE;

export function planRotationToWorldY(rotationDeg: number): number {
  return (-rotationDeg * Math.PI) / 180;
}

/** Twice the signed area: positive when the outline runs counter-clockwise in plan (x, y). */
export function signedArea2(outline: readonly PlanPoint[]): number {
  let sum = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/**
 * Each wall's unit direction (start → end) and unit outward normal, whatever the outline's
 * winding. Walls are built outward from the outline so the room's inside keeps its true size.
 */
export function wallFrames(outline: readonly PlanPoint[]): { start: PlanPoint; end: PlanPoint; length: number; direction: Vec2; outward: Vec2 }[] {
  const ccw = signedArea2(outline) > 0;
  return outline.map((start, i) => {
    const end = outline[(i + 1) % outline.length]!;
    const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
    const direction = { x: (end.x - start.x) / length, y: (end.y - start.y) / length };
    // For a counter-clockwise outline the interior is on the left, so outward is the right normal.
    const outward = ccw ? { x: direction.y, y: -direction.x } : { x: -direction.y, y: direction.x };
    return { start, end, length, direction, outward };
  });
}

export interface PlanBounds {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  readonly width: number;
  readonly depth: number;
  readonly centreX: number;
  readonly centreY: number;
}

export function planBounds(outline: readonly PlanPoint[]): PlanBounds {
  const xs = outline.map((p) => p.x);
  const ys = outline.map((p) => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  return { minX, minY, maxX, maxY, width: maxX - minX, depth: maxY - minY, centreX: (minX + maxX) / 2, centreY: (minY + maxY) / 2 };
}
