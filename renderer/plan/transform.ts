/**
 * Plan millimetres → SVG pixels. The plan is drawn as the 3D view sees the room from above with
 * its default camera (which stands at the room's +y side, see scene/camera.ts): plan x to the
 * right, plan +y down the page. Drawing y upwards instead would show the room mirrored against
 * the 3D view, because plan (x, y) becomes world (x, z) with world y up.
 * One uniform scale, so a right angle stays square and a circle stays round; a plan angle
 * (degrees from +x towards +y) is the same number as an SVG rotation.
 */
import { boundsOf } from '../../core/geometry/polygon.ts';
import type { PlanPoint } from '../../core/room.ts';

export interface PlanBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export interface PlanTransform {
  /** Pixels per millimetre. */
  readonly scale: number;
  /** Pixel position of plan (0, 0). */
  readonly originX: number;
  readonly originY: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface Px {
  readonly x: number;
  readonly y: number;
}

/**
 * The transform that fits `box` into a widthPx × heightPx viewport with `marginPx` clear on every
 * side, centred. An empty or degenerate box is treated as a 1 m square around its centre.
 */
export function fitTransform(box: PlanBox, widthPx: number, heightPx: number, marginPx = 24): PlanTransform {
  const finite = [box.minX, box.minY, box.maxX, box.maxY].every(Number.isFinite);
  const spanX = finite ? Math.max(box.maxX - box.minX, 0) : 0;
  const spanY = finite ? Math.max(box.maxY - box.minY, 0) : 0;
  const cx = finite ? (box.minX + box.maxX) / 2 : 0;
  const cy = finite ? (box.minY + box.maxY) / 2 : 0;
  const w = spanX > 0 ? spanX : 1000;
  const h = spanY > 0 ? spanY : 1000;
  const usableW = Math.max(widthPx - 2 * marginPx, 1);
  const usableH = Math.max(heightPx - 2 * marginPx, 1);
  const scale = Math.min(usableW / w, usableH / h);
  return { scale, originX: widthPx / 2 - cx * scale, originY: heightPx / 2 - cy * scale, widthPx, heightPx };
}

export function toPx(t: PlanTransform, p: PlanPoint): Px {
  return { x: t.originX + p.x * t.scale, y: t.originY + p.y * t.scale };
}

/** The plan point under a pixel (not rounded: snapping decides how). */
export function toPlan(t: PlanTransform, px: Px): PlanPoint {
  return { x: (px.x - t.originX) / t.scale, y: (px.y - t.originY) / t.scale };
}

export function lengthPx(t: PlanTransform, mm: number): number {
  return mm * t.scale;
}

/** An SVG path through the points, closed when asked. Rounded to 0.01 px to keep the markup short. */
export function pathOf(t: PlanTransform, points: readonly PlanPoint[], closed = true): string {
  if (points.length === 0) return '';
  const parts = points.map((p, i) => {
    const q = toPx(t, p);
    return `${i === 0 ? 'M' : 'L'}${round2(q.x)} ${round2(q.y)}`;
  });
  return parts.join(' ') + (closed ? ' Z' : '');
}

export function boxAround(points: readonly PlanPoint[], paddingMm = 0): PlanBox {
  const { minX, minY, maxX, maxY } = boundsOf(points);
  return { minX: minX - paddingMm, minY: minY - paddingMm, maxX: maxX + paddingMm, maxY: maxY + paddingMm };
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
