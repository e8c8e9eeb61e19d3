/**
 * Plan vectors: the few operations every other geometry file leans on. Points are
 * millimetres in the plan (x to the right, y away from the viewer). Inputs are usually whole
 * millimetres, so cross products of them are exact in a double (|x| ≤ 30 000 keeps every
 * product far below 2^53); anything derived from a rotation is a float.
 */
import type { PlanPoint } from '../room.ts';

export const add = (a: PlanPoint, b: PlanPoint): PlanPoint => ({ x: a.x + b.x, y: a.y + b.y });
export const sub = (a: PlanPoint, b: PlanPoint): PlanPoint => ({ x: a.x - b.x, y: a.y - b.y });
export const scale = (a: PlanPoint, k: number): PlanPoint => ({ x: a.x * k, y: a.y * k });
export const dot = (a: PlanPoint, b: PlanPoint): number => a.x * b.x + a.y * b.y;
/** z of the 3D cross product: positive when b is counter-clockwise from a. */
export const cross = (a: PlanPoint, b: PlanPoint): number => a.x * b.y - a.y * b.x;
export const midpoint = (a: PlanPoint, b: PlanPoint): PlanPoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
/** A quarter turn counter-clockwise. */
export const perpendicular = (a: PlanPoint): PlanPoint => ({ x: -a.y, y: a.x });

export function distanceMm(a: PlanPoint, b: PlanPoint): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** Which side of the line a→b the point p lies: > 0 left, < 0 right, 0 on it. */
export function orient(a: PlanPoint, b: PlanPoint, p: PlanPoint): number {
  return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

const DEG = Math.PI / 180;

/** Degrees into [0, 360). */
export function normaliseDeg(deg: number): number {
  const r = deg % 360;
  const n = r < 0 ? r + 360 : r;
  // -0 and 360 - ε rounding both land on a clean 0.
  return n === 0 || n > 360 - 1e-9 ? 0 : n;
}

/** The smallest turn from a to b, in (-180, 180]. */
export function angleBetweenDeg(a: number, b: number): number {
  const d = normaliseDeg(b - a);
  return d > 180 ? d - 360 : d;
}

/** cos and sin of an angle in degrees, exact for quarter turns so aligned pieces stay aligned. */
export function cosSinDeg(deg: number): [number, number] {
  const n = normaliseDeg(deg);
  if (n === 0) return [1, 0];
  if (n === 90) return [0, 1];
  if (n === 180) return [-1, 0];
  if (n === 270) return [0, -1];
  return [Math.cos(n * DEG), Math.sin(n * DEG)];
}

export function roundPoint(p: PlanPoint): PlanPoint {
  // `+ 0` turns a -0 into 0 so rounded points compare equal with deepEqual.
  return { x: Math.round(p.x) + 0, y: Math.round(p.y) + 0 };
}
