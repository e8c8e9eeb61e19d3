/**
 * Where the camera starts: above the room's front edge (plan +y), a little to the right,
 * looking down at about 40° so the floor, the furniture and the far walls are all in view.
 */
import { pointInPolygon } from '../../core/geometry/polygon.ts';
import { pointSegmentDistance } from '../../core/geometry/segment.ts';
import type { PlanPoint, RoomShape } from '../../core/room.ts';
import { PerspectiveCamera, Vector3 } from 'three';
import { mmToMetres, planBounds, wallFrames } from './plan.ts';

export interface CameraView {
  readonly position: readonly [number, number, number];
  readonly target: readonly [number, number, number];
}

const DIRECTION = (() => {
  const raw = [0.32, 0.86, 1] as const;
  const length = Math.hypot(...raw);
  return raw.map((value) => value / length) as unknown as readonly [number, number, number];
})();

export function initialView(outline: readonly PlanPoint[], fovDeg = 40, aspect = 1.6, ceilingMm = 2600): CameraView {
  const bounds = planBounds(outline);
  const target = [mmToMetres(bounds.centreX), 0.45, mmToMetres(bounds.centreY)] as const;
  const distance = fitDistance(roomPoints(outline, ceilingMm, DIRECTION), target, DIRECTION, fovDeg, aspect);
  return {
    position: [target[0] + DIRECTION[0] * distance, target[1] + DIRECTION[1] * distance, target[2] + DIRECTION[2] * distance],
    target,
  };
}

type Vec3 = readonly [number, number, number];

/**
 * What must be in view from a direction: every floor corner, and the tops of the walls on the
 * far side (the near walls are cut away to stubs).
 */
function roomPoints(outline: readonly PlanPoint[], ceilingMm: number, direction: Vec3): Vector3[] {
  const bounds = planBounds(outline);
  const points: Vector3[] = [];
  for (const corner of outline) {
    const x = mmToMetres(corner.x);
    const z = mmToMetres(corner.y);
    points.push(new Vector3(x, 0, z));
    const far = (x - mmToMetres(bounds.centreX)) * direction[0] + (z - mmToMetres(bounds.centreY)) * direction[2] < 0;
    if (far) points.push(new Vector3(x, mmToMetres(ceilingMm), z));
  }
  return points;
}

/** The least distance along `direction` from `target` at which every point is in the frame (with a margin). */
export function fitDistance(points: readonly Vector3[], target: Vec3, direction: Vec3, fovDeg: number, aspect: number, margin = 0.86): number {
  const camera = new PerspectiveCamera(fovDeg, aspect, 0.05, 500);
  const fits = (distance: number) => {
    camera.position.set(target[0] + direction[0] * distance, target[1] + direction[1] * distance, target[2] + direction[2] * distance);
    camera.lookAt(target[0], target[1], target[2]);
    camera.updateMatrixWorld(true);
    const ndc = new Vector3();
    return points.every((point) => {
      ndc.copy(point).project(camera);
      return ndc.z < 1 && Math.abs(ndc.x) <= margin && Math.abs(ndc.y) <= margin;
    });
  };
  let low = 1;
  let high = 400;
  if (fits(low)) return low;
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (fits(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** How far the person may zoom out: a few room-lengths, never lost in space. */
export function maxDistanceFor(outline: readonly PlanPoint[]): number {
  const bounds = planBounds(outline);
  return Math.max(mmToMetres(Math.max(bounds.width, bounds.depth)) * 4, 12);
}

/** The views the preset switcher offers: the four corners looking in, eye height, and straight down. */
export type PresetId = 'front-left' | 'front-right' | 'back-right' | 'back-left' | 'eye' | 'top';

export const PRESET_IDS: readonly PresetId[] = ['front-left', 'front-right', 'back-right', 'back-left', 'eye', 'top'];

/** A person's eyes, standing. */
export const EYE_HEIGHT_M = 1.6;
/** A wider lens at eye height, as a phone camera held in the room sees it. */
export const EYE_FOV_DEG = 55;
/** At eye height the orbit pivot sits this far ahead of the eye, so orbiting turns the head. */
export const EYE_PIVOT_M = 0.05;

export interface PresetView extends CameraView {
  /** Eye height: orbit turns the view in place (drag the world) and scrolling steps; see CameraPresets. */
  readonly walk?: { readonly minPolar: number; readonly maxPolar: number };
  readonly fov?: number;
}

const toPlan = (x: number, z: number): PlanPoint => ({ x: Math.round(x * 1000), y: Math.round(z * 1000) });

/**
 * Where each preset puts the camera. Corners: beyond the room's bounding-box corner, looking
 * down at the starting view's angle, just far enough back to frame the whole room (the two
 * near walls cut away). Eye height: standing just inside the door (else near the front wall,
 * else the roomiest spot), looking toward the room's centre. Top: straight down.
 */
export function presetView(id: PresetId, room: Pick<RoomShape, 'outline' | 'openings' | 'ceilingHeightMm'>, fovDeg = 40, aspect = 1.6): PresetView {
  const { outline } = room;
  const bounds = planBounds(outline);
  const centre = { x: mmToMetres(bounds.centreX), z: mmToMetres(bounds.centreY) };
  if (id === 'eye') {
    const eye = eyeSpot(room);
    const dx = centre.x - eye.x;
    const dz = centre.z - eye.z;
    const length = Math.hypot(dx, dz) || 1;
    return {
      position: [eye.x, EYE_HEIGHT_M, eye.z],
      // Looking 8° down, as people do entering a room; the view may tilt 20° down or 12° up.
      target: [eye.x + (dx / length) * EYE_PIVOT_M * Math.cos(0.14), EYE_HEIGHT_M - EYE_PIVOT_M * Math.sin(0.14), eye.z + (dz / length) * EYE_PIVOT_M * Math.cos(0.14)],
      fov: EYE_FOV_DEG,
      walk: { minPolar: Math.PI / 2 - 0.35, maxPolar: Math.PI / 2 + 0.21 },
    };
  }
  const target = [centre.x, id === 'top' ? 0 : 0.45, centre.z] as const;
  let direction: Vec3;
  if (id === 'top') {
    // A hair off vertical keeps the orbit's up vector defined; plan +y stays at the bottom of the screen.
    direction = [0, 1, 0.002];
  } else {
    const corner = { 'front-left': [bounds.minX, bounds.maxY], 'front-right': [bounds.maxX, bounds.maxY], 'back-right': [bounds.maxX, bounds.minY], 'back-left': [bounds.minX, bounds.minY] }[id] as [number, number];
    const dx = mmToMetres(corner[0]) - centre.x;
    const dz = mmToMetres(corner[1]) - centre.z;
    const flat = Math.hypot(dx, dz) || 1;
    direction = [(dx / flat) * Math.cos(ELEVATION), Math.sin(ELEVATION), (dz / flat) * Math.cos(ELEVATION)];
  }
  const distance = fitDistance(roomPoints(outline, room.ceilingHeightMm, direction), target, direction, fovDeg, aspect);
  return { position: [target[0] + direction[0] * distance, target[1] + direction[1] * distance, target[2] + direction[2] * distance], target };
}

const ELEVATION = Math.asin(DIRECTION[1]);

/** Where a person would stand to see the room: in the doorway, else by the front wall, else its roomiest spot. */
function eyeSpot(room: Pick<RoomShape, 'outline' | 'openings'>): { x: number; z: number } {
  const { outline } = room;
  const frames = wallFrames(outline);
  const inside = (x: number, z: number) => pointInPolygon(toPlan(x, z), outline) && Math.min(...outline.map((a, k) => pointSegmentDistance(toPlan(x, z), a, outline[(k + 1) % outline.length]!))) >= 300;
  for (const door of room.openings.filter((opening) => opening.kind === 'door')) {
    const wall = frames[door.wallIndex];
    if (!wall) continue;
    const along = door.offsetMm + door.widthMm / 2;
    const x = mmToMetres(wall.start.x + wall.direction.x * along - wall.outward.x * 600);
    const z = mmToMetres(wall.start.y + wall.direction.y * along - wall.outward.y * 600);
    if (inside(x, z)) return { x, z };
  }
  const bounds = planBounds(outline);
  const front = { x: mmToMetres(bounds.centreX + bounds.width * 0.15), z: mmToMetres(bounds.maxY - 600) };
  if (inside(front.x, front.z)) return front;
  return roomiestSpot(outline);
}

/** The point inside the outline farthest from every wall (metres), by a coarse grid search. */
function roomiestSpot(outline: readonly PlanPoint[]): { x: number; z: number } {
  const bounds = planBounds(outline);
  let best = { x: mmToMetres(bounds.centreX), z: mmToMetres(bounds.centreY), clearance: -1 };
  const steps = 24;
  for (let i = 1; i < steps; i++) {
    for (let j = 1; j < steps; j++) {
      const p = { x: bounds.minX + (bounds.width * i) / steps, y: bounds.minY + (bounds.depth * j) / steps };
      if (!pointInPolygon(p, outline)) continue;
      const clearance = Math.min(...outline.map((a, k) => pointSegmentDistance(p, a, outline[(k + 1) % outline.length]!)));
      if (clearance > best.clearance) best = { x: mmToMetres(p.x), z: mmToMetres(p.y), clearance };
    }
  }
  return { x: best.x, z: best.z };
}

/** At eye height a scroll steps forward or back: the new eye position, or null when it would leave the room. */
export function stepInside(eye: { x: number; z: number }, heading: { x: number; z: number }, metres: number, outline: readonly PlanPoint[]): { x: number; z: number } | null {
  const length = Math.hypot(heading.x, heading.z) || 1;
  const next = { x: eye.x + (heading.x / length) * metres, z: eye.z + (heading.z / length) * metres };
  const plan = toPlan(next.x, next.z);
  if (!pointInPolygon(plan, outline)) return null;
  const clearance = Math.min(...outline.map((a, k) => pointSegmentDistance(plan, a, outline[(k + 1) % outline.length]!)));
  return clearance >= 250 ? next : null;
}

/** Pans stop at the room's edge (plus a margin), so the view never drifts off into empty space. */
export function clampTarget(target: { x: number; y: number; z: number }, outline: readonly PlanPoint[], ceilingMm: number): boolean {
  const bounds = planBounds(outline);
  const margin = 1;
  const x = Math.min(Math.max(target.x, mmToMetres(bounds.minX) - margin), mmToMetres(bounds.maxX) + margin);
  const y = Math.min(Math.max(target.y, 0), mmToMetres(ceilingMm));
  const z = Math.min(Math.max(target.z, mmToMetres(bounds.minY) - margin), mmToMetres(bounds.maxY) + margin);
  const changed = x !== target.x || y !== target.y || z !== target.z;
  target.x = x;
  target.y = y;
  target.z = z;
  return changed;
}
