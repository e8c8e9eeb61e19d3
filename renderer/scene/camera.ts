/**
 * Where the camera starts: above the room's front edge (plan +y), a little to the right,
 * looking down at about 40° so the floor, the furniture and the far walls are all in view.
 */
import type { PlanPoint } from '../../core/room.ts';
import { mmToMetres, planBounds } from './plan.ts';

export interface CameraView {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

const DIRECTION = (() => {
  const raw = [0.32, 0.86, 1] as const;
  const length = Math.hypot(...raw);
  return raw.map((value) => value / length) as unknown as readonly [number, number, number];
})();

export function initialView(outline: readonly PlanPoint[], fovDeg = 40, aspect = 1.6): CameraView {
  const bounds = planBounds(outline);
  const width = mmToMetres(bounds.width);
  const depth = mmToMetres(bounds.depth);
  const target = [mmToMetres(bounds.centreX), 0.45, mmToMetres(bounds.centreY)] as const;
  // Fit the larger of the room's footprint across the view, allowing for a narrow window.
  const halfFov = (fovDeg * Math.PI) / 360;
  const span = Math.max(width / Math.min(aspect, 1.8), depth, 2);
  const distance = (span * 0.62) / Math.tan(halfFov) + 0.8;
  return {
    position: [target[0] + DIRECTION[0] * distance, target[1] + DIRECTION[1] * distance, target[2] + DIRECTION[2] * distance],
    target,
  };
}

/** How far the person may zoom out: a few room-lengths, never lost in space. */
export function maxDistanceFor(outline: readonly PlanPoint[]): number {
  const bounds = planBounds(outline);
  return Math.max(mmToMetres(Math.max(bounds.width, bounds.depth)) * 4, 12);
}
