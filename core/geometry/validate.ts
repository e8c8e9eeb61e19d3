/**
 * Room validation: every problem that makes a room unbuildable, each naming what is wrong and
 * where (`path` points into the RoomShape, e.g. "openings[1].widthMm"). An empty list means
 * the room is sound. The editor refuses to save a room with problems, so nothing is saved
 * half-way.
 */
import type { Opening, RoomShape } from '../room.ts';
import { openingLabel, wallLabel } from './openings.ts';
import { boundsOf, signedAreaMm2, wallsOf } from './polygon.ts';
import { wallCrossings } from './simple.ts';

export type RoomProblemCode =
  | 'too-few-points'
  | 'not-a-number'
  | 'repeated-point'
  | 'self-intersecting'
  | 'no-area'
  | 'not-positive'
  | 'negative'
  | 'too-large'
  | 'ceiling-height-absurd'
  | 'wall-thickness-absurd'
  | 'opening-wall-missing'
  | 'opening-wider-than-wall'
  | 'opening-past-wall-end'
  | 'openings-overlap'
  | 'opening-above-ceiling';

export interface RoomProblem {
  readonly code: RoomProblemCode;
  readonly message: string;
  /** Where in the RoomShape: "outline", "outline[3]", "ceilingHeightMm", "openings[1].widthMm"… */
  readonly path: string;
}

/** Nothing in a home is longer than this; anything bigger is a typing slip. */
export const MAX_DIMENSION_MM = 30_000;
export const CEILING_MIN_MM = 1_500;
export const CEILING_MAX_MM = 10_000;
export const WALL_THICKNESS_MAX_MM = 1_000;
/** Diagonal walls have fractional lengths; an opening may end this close past the corner. */
const WALL_END_SLACK_MM = 0.5;

const mm = (n: number) => `${Math.round(n * 10) / 10} mm`;

export function validateRoom(shape: RoomShape): RoomProblem[] {
  const problems: RoomProblem[] = [];
  const add = (code: RoomProblemCode, path: string, message: string) => problems.push({ code, path, message });
  const { outline, openings } = shape;

  const outlineUsable = validateOutline(shape, add);

  const ceilingOk = positiveAndSane(shape.ceilingHeightMm, 'ceilingHeightMm', 'the ceiling height', add);
  if (ceilingOk && (shape.ceilingHeightMm < CEILING_MIN_MM || shape.ceilingHeightMm > CEILING_MAX_MM)) {
    add('ceiling-height-absurd', 'ceilingHeightMm', `the ceiling height ${mm(shape.ceilingHeightMm)} is not a room's (expected ${mm(CEILING_MIN_MM)} to ${mm(CEILING_MAX_MM)})`);
  }
  const thicknessOk = positiveAndSane(shape.wallThicknessMm, 'wallThicknessMm', 'the wall thickness', add);
  if (thicknessOk && shape.wallThicknessMm > WALL_THICKNESS_MAX_MM) {
    add('wall-thickness-absurd', 'wallThicknessMm', `the wall thickness ${mm(shape.wallThicknessMm)} is more than ${mm(WALL_THICKNESS_MAX_MM)}`);
  }

  const walls = outlineUsable ? wallsOf(outline) : [];
  const sane: { index: number; opening: Opening }[] = [];
  openings.forEach((opening, index) => {
    const label = openingLabel(openings, index);
    const at = (field: string) => `openings[${index}].${field}`;
    let ok = positiveAndSane(opening.widthMm, at('widthMm'), `${label}'s width`, add);
    ok = positiveAndSane(opening.heightMm, at('heightMm'), `${label}'s height`, add) && ok;
    ok = notNegative(opening.offsetMm, at('offsetMm'), `${label}'s distance from the wall's start`, add) && ok;
    ok = notNegative(opening.sillHeightMm, at('sillHeightMm'), `${label}'s sill height`, add) && ok;
    if (ok && ceilingOk && opening.sillHeightMm + opening.heightMm > shape.ceilingHeightMm) {
      add('opening-above-ceiling', at('heightMm'), `${label} reaches ${mm(opening.sillHeightMm + opening.heightMm)} (sill ${mm(opening.sillHeightMm)} + height ${mm(opening.heightMm)}), above the ${mm(shape.ceilingHeightMm)} ceiling`);
    }
    if (!outlineUsable) return;
    const wall = walls[opening.wallIndex];
    if (!wall || !Number.isInteger(opening.wallIndex)) {
      add('opening-wall-missing', at('wallIndex'), `${label} is on ${wallLabel(opening.wallIndex)}, but the room has ${walls.length} walls`);
      return;
    }
    if (!ok) return;
    if (opening.widthMm > wall.lengthMm) {
      add('opening-wider-than-wall', at('widthMm'), `${wallLabel(wall.index)} (${mm(wall.lengthMm)}) is shorter than ${label} on it (${mm(opening.widthMm)} wide)`);
    } else if (opening.offsetMm + opening.widthMm > wall.lengthMm + WALL_END_SLACK_MM) {
      add('opening-past-wall-end', at('offsetMm'), `${label} runs past the end of ${wallLabel(wall.index)}: it ends ${mm(opening.offsetMm + opening.widthMm)} along a ${mm(wall.lengthMm)} wall`);
    } else {
      sane.push({ index, opening });
    }
  });

  for (let i = 0; i < sane.length; i++) {
    for (let j = i + 1; j < sane.length; j++) {
      const a = sane[i]!;
      const b = sane[j]!;
      if (a.opening.wallIndex !== b.opening.wallIndex) continue;
      const overlap = Math.min(a.opening.offsetMm + a.opening.widthMm, b.opening.offsetMm + b.opening.widthMm) - Math.max(a.opening.offsetMm, b.opening.offsetMm);
      if (overlap > 0) {
        add('openings-overlap', `openings[${b.index}].offsetMm`, `${openingLabel(openings, b.index)} overlaps ${openingLabel(openings, a.index)} on ${wallLabel(a.opening.wallIndex)} by ${mm(overlap)}`);
      }
    }
  }
  return problems;
}

type Report = (code: RoomProblemCode, path: string, message: string) => void;

/** Reports outline problems; true when the walls can be measured (openings can be checked). */
function validateOutline(shape: RoomShape, add: Report): boolean {
  const { outline } = shape;
  if (outline.length < 3) {
    add('too-few-points', 'outline', `a room needs at least 3 corners (got ${outline.length})`);
    return false;
  }
  let finite = true;
  outline.forEach((p, i) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      add('not-a-number', `outline[${i}]`, `corner ${i + 1} is not a point (${p.x}, ${p.y})`);
      finite = false;
    }
  });
  if (!finite) return false;

  let repeated = false;
  outline.forEach((p, i) => {
    const next = outline[(i + 1) % outline.length]!;
    if (p.x === next.x && p.y === next.y) {
      add('repeated-point', `outline[${(i + 1) % outline.length}]`, `${wallLabel(i)} has no length: corner ${((i + 1) % outline.length) + 1} repeats corner ${i + 1}`);
      repeated = true;
    }
  });

  const box = boundsOf(outline);
  const span = Math.max(box.maxX - box.minX, box.maxY - box.minY);
  let tooLarge = span > MAX_DIMENSION_MM;
  // One "too large" is enough: a wall over 30 m usually means the whole outline is off.
  if (tooLarge) add('too-large', 'outline', `the room spans ${mm(span)}, more than ${mm(MAX_DIMENSION_MM)}`);
  for (const wall of wallsOf(outline)) {
    if (!tooLarge && wall.lengthMm > MAX_DIMENSION_MM) {
      add('too-large', `outline[${wall.index}]`, `${wallLabel(wall.index)} is ${mm(wall.lengthMm)} long, more than ${mm(MAX_DIMENSION_MM)}`);
      tooLarge = true;
    }
  }
  if (repeated) return false;

  const crossings = wallCrossings(outline);
  for (const { wallA, wallB } of crossings) {
    add('self-intersecting', 'outline', `${wallLabel(wallA)} crosses ${wallLabel(wallB)}`);
  }
  if (crossings.length === 0 && signedAreaMm2(outline) === 0) add('no-area', 'outline', 'the outline encloses no floor');
  return crossings.length === 0;
}

function positiveAndSane(value: number, path: string, what: string, add: Report): boolean {
  if (!Number.isFinite(value) || value <= 0) {
    add('not-positive', path, `${what} must be greater than zero (got ${value})`);
    return false;
  }
  if (value > MAX_DIMENSION_MM) {
    add('too-large', path, `${what} is ${mm(value)}, more than ${mm(MAX_DIMENSION_MM)}`);
    return false;
  }
  return true;
}

function notNegative(value: number, path: string, what: string, add: Report): boolean {
  if (!Number.isFinite(value) || value < 0) {
    add('negative', path, `${what} must not be negative (got ${value})`);
    return false;
  }
  if (value > MAX_DIMENSION_MM) {
    add('too-large', path, `${what} is ${mm(value)}, more than ${mm(MAX_DIMENSION_MM)}`);
    return false;
  }
  return true;
}
