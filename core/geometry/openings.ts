/**
 * Doors and windows on the outline: where each one sits in the plan, how people name it, and
 * how openings follow their walls when the outline's winding is normalised.
 */
import type { Opening, PlanPoint, RoomShape } from '../room.ts';
import { signedAreaMm2, wallsOf, type Wall } from './polygon.ts';
import { add, scale } from './vector.ts';

/** Walls are numbered from 1 for people; index 0 is "wall 1". */
export function wallLabel(wallIndex: number): string {
  return `wall ${wallIndex + 1}`;
}

/** "door 2" is the second door in the list, "window 1" the first window. */
export function openingLabel(openings: readonly Pick<Opening, 'kind'>[], index: number): string {
  const kind = openings[index]?.kind ?? 'opening';
  let ordinal = 0;
  for (let i = 0; i <= index && i < openings.length; i++) if (openings[i]!.kind === kind) ordinal++;
  return `${kind} ${ordinal}`;
}

export interface OpeningInPlan {
  readonly wall: Wall;
  /** The jamb nearer the wall's start. */
  readonly start: PlanPoint;
  readonly end: PlanPoint;
  readonly centre: PlanPoint;
}

/** Where an opening sits in the plan; null when its wall does not exist. */
export function openingInPlan(outline: readonly PlanPoint[], opening: Pick<Opening, 'wallIndex' | 'offsetMm' | 'widthMm'>, walls: readonly Wall[] = wallsOf(outline)): OpeningInPlan | null {
  const wall = walls[opening.wallIndex];
  if (!wall || !Number.isInteger(opening.wallIndex)) return null;
  const at = (mm: number) => add(wall.start, scale(wall.direction, mm));
  return { wall, start: at(opening.offsetMm), end: at(opening.offsetMm + opening.widthMm), centre: at(opening.offsetMm + opening.widthMm / 2) };
}

/**
 * The same room with its outline running counter-clockwise. Reversing renumbers the walls and
 * measures each wall from its other end, so openings are moved to match; a door's swing side is
 * seen from inside the room and does not change.
 */
export function counterClockwiseRoom<T extends RoomShape>(shape: T): T {
  const n = shape.outline.length;
  if (signedAreaMm2(shape.outline) >= 0 || n === 0) return shape;
  const outline = [shape.outline[0]!, ...shape.outline.slice(1).reverse()];
  const walls = wallsOf(shape.outline);
  const openings = shape.openings.map((opening) => {
    const wall = walls[opening.wallIndex];
    if (!wall) return opening;
    // Reversed wall k runs along old wall n - 1 - k, backwards.
    return { ...opening, wallIndex: n - 1 - opening.wallIndex, offsetMm: Math.round(wall.lengthMm) - opening.offsetMm - opening.widthMm };
  });
  return { ...shape, outline, openings };
}
