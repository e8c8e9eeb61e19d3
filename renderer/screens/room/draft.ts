/**
 * The room shell editor's model apart from React: the draft being edited, the edits the screen
 * makes to it (outline, corners, openings), snapping while drawing, and the validation problems
 * sorted by where they show (a field, a wall, an opening). Pure and immutable: every edit
 * returns a new shape, so memoised plan layers redraw only what changed.
 */
import { MAX_DIMENSION_MM, validateRoom, type RoomProblem } from '../../../core/geometry/validate.ts';
import { wallsOf } from '../../../core/geometry/polygon.ts';
import type { Opening, OpeningKind, PlanPoint, RoomShape } from '../../../core/room.ts';

export const GRID_SNAP_MM = 10;
/** A drawn wall within this many degrees of the horizontal or vertical is straightened. */
export const RIGHT_ANGLE_SNAP_DEG = 6;

export const FLOOR_MATERIALS = ['wood', 'tile', 'carpet', 'concrete'] as const;
export const WALL_MATERIALS = ['paint', 'plaster', 'wallpaper'] as const;
export const FLOOR_SWATCHES = ['#c8a27a', '#a0764f', '#6e4b32', '#d9cfc1', '#b9b4ab', '#8c8f91', '#5d6b73', '#e6dfd3'] as const;
export const WALL_SWATCHES = ['#f1ece4', '#ffffff', '#e8e1d5', '#d7dfd8', '#cfd8e0', '#e9d9cf', '#bfb4a6', '#8a9a8e'] as const;

export const DOOR_DEFAULTS = { widthMm: 900, heightMm: 2050, sillHeightMm: 0 } as const;
export const WINDOW_DEFAULTS = { widthMm: 1200, heightMm: 1200, sillHeightMm: 900 } as const;

export interface RoomDraft {
  readonly name: string;
  readonly shape: RoomShape;
}

export const snap = (mm: number, step = GRID_SNAP_MM) => Math.round(mm / step) * step + 0;

export function snapPoint(p: PlanPoint, step = GRID_SNAP_MM): PlanPoint {
  return { x: snap(p.x, step), y: snap(p.y, step) };
}

/**
 * A corner being drawn after `previous`: on the 10 mm grid, and straightened to a right angle
 * when the wall to it is within a few degrees of horizontal or vertical.
 */
export function snapCorner(p: PlanPoint, previous: PlanPoint | null, step = GRID_SNAP_MM): PlanPoint {
  const snapped = snapPoint(p, step);
  if (!previous) return snapped;
  const dx = snapped.x - previous.x;
  const dy = snapped.y - previous.y;
  if (dx === 0 && dy === 0) return snapped;
  const angle = (Math.abs(Math.atan2(dy, dx)) * 180) / Math.PI;
  const offHorizontal = Math.min(angle, 180 - angle);
  if (offHorizontal <= RIGHT_ANGLE_SNAP_DEG) return { x: snapped.x, y: previous.y };
  if (Math.abs(90 - angle) <= RIGHT_ANGLE_SNAP_DEG) return { x: previous.x, y: snapped.y };
  return snapped;
}

/** A dragged corner, on the grid and lined up with its neighbours when it nearly is. */
export function snapDraggedCorner(outline: readonly PlanPoint[], index: number, p: PlanPoint, toleranceMm: number): PlanPoint {
  const n = outline.length;
  let { x, y } = snapPoint(p);
  for (const neighbour of [outline[(index - 1 + n) % n]!, outline[(index + 1) % n]!]) {
    if (Math.abs(neighbour.x - x) <= toleranceMm) x = neighbour.x;
    if (Math.abs(neighbour.y - y) <= toleranceMm) y = neighbour.y;
  }
  return { x, y };
}

export function moveCorner(shape: RoomShape, index: number, p: PlanPoint): RoomShape {
  const current = shape.outline[index];
  if (!current || (current.x === p.x && current.y === p.y)) return shape;
  return { ...shape, outline: shape.outline.map((corner, i) => (i === index ? p : corner)) };
}

/**
 * A new outline. Openings keep their walls by index; on a wall that no longer exists or is now
 * too short, validation says so next to the opening and the designer moves or removes it.
 */
export function withOutline(shape: RoomShape, outline: readonly PlanPoint[]): RoomShape {
  return { ...shape, outline };
}

function nextOpeningId(openings: readonly Opening[], kind: OpeningKind): string {
  const taken = new Set(openings.map((o) => o.id));
  for (let n = 1; ; n++) if (!taken.has(`${kind}-${n}`)) return `${kind}-${n}`;
}

/** A door or window of the usual size, centred on the wall (or at its start when the wall is short). */
export function addOpening(shape: RoomShape, kind: OpeningKind, wallIndex: number): { shape: RoomShape; id: string } {
  const defaults = kind === 'door' ? DOOR_DEFAULTS : WINDOW_DEFAULTS;
  const wall = wallsOf(shape.outline)[wallIndex];
  const length = wall ? Math.floor(wall.lengthMm) : 0;
  const offsetMm = Math.max(0, snap((length - defaults.widthMm) / 2, GRID_SNAP_MM));
  const id = nextOpeningId(shape.openings, kind);
  const opening: Opening = { id, kind, wallIndex, offsetMm, ...defaults, ...(kind === 'door' ? { swing: 'left' as const } : {}) };
  return { shape: { ...shape, openings: [...shape.openings, opening] }, id };
}

export function updateOpening(shape: RoomShape, id: string, patch: Partial<Omit<Opening, 'id'>>): RoomShape {
  return {
    ...shape,
    openings: shape.openings.map((o) => {
      if (o.id !== id) return o;
      const next: Opening = { ...o, ...patch };
      if (next.kind === 'window') {
        const { swing: _swing, ...rest } = next;
        return rest;
      }
      return next.swing ? next : { ...next, swing: 'left' };
    }),
  };
}

export function removeOpening(shape: RoomShape, id: string): RoomShape {
  return { ...shape, openings: shape.openings.filter((o) => o.id !== id) };
}

/** Where an opening dragged to `alongMm` (its near edge, from the wall's start) lands: on the grid, inside its wall. */
export function slideOffset(shape: RoomShape, id: string, alongMm: number): number {
  const opening = shape.openings.find((o) => o.id === id);
  const wall = opening ? wallsOf(shape.outline)[opening.wallIndex] : undefined;
  if (!opening || !wall) return opening?.offsetMm ?? 0;
  const max = Math.max(0, Math.floor(wall.lengthMm) - opening.widthMm);
  return Math.min(Math.max(snap(alongMm), 0), max);
}

export interface SortedProblems {
  readonly all: readonly RoomProblem[];
  /** Problems of a RoomShape field or of the name, by path ("ceilingHeightMm", "openings[1].widthMm", "name"). */
  readonly byPath: ReadonlyMap<string, string>;
  /** Outline problems: shown beside the plan. */
  readonly outline: readonly string[];
  readonly walls: ReadonlySet<number>;
  /** What is wrong at each wall at fault, for the marker drawn on it. */
  readonly wallMessages: ReadonlyMap<number, readonly string[]>;
  readonly openings: ReadonlySet<string>;
}

/** The problems of a draft (core/geometry's, plus a missing name), sorted by where they show. */
export function problemsOf(draft: RoomDraft, nameRequired: string): SortedProblems {
  const all = validateRoom(draft.shape);
  const byPath = new Map<string, string>();
  const outline: string[] = [];
  const walls = new Set<number>();
  const wallMessages = new Map<number, string[]>();
  const atWall = (index: number, message: string) => {
    walls.add(index);
    wallMessages.set(index, [...(wallMessages.get(index) ?? []), message]);
  };
  const openings = new Set<string>();
  if (draft.name.trim() === '') byPath.set('name', nameRequired);
  for (const problem of all) {
    if (problem.path === 'outline' || problem.path.startsWith('outline[')) {
      outline.push(problem.message);
      for (const match of problem.message.matchAll(/wall (\d+)/g)) atWall(Number(match[1]) - 1, problem.message);
      continue;
    }
    const opening = /^openings\[(\d+)\]/.exec(problem.path);
    if (opening) {
      const o = draft.shape.openings[Number(opening[1])];
      if (o) {
        openings.add(o.id);
        if (problem.code === 'opening-wider-than-wall') atWall(o.wallIndex, problem.message);
      }
    }
    const previous = byPath.get(problem.path);
    byPath.set(problem.path, previous ? `${previous}; ${problem.message}` : problem.message);
  }
  return { all, byPath, outline, walls, wallMessages, openings };
}

/** The message for any field of one opening ("openings[2].…"), joined. */
export function openingProblems(problems: SortedProblems, index: number): string[] {
  const prefix = `openings[${index}].`;
  return [...problems.byPath].filter(([path]) => path.startsWith(prefix)).map(([, message]) => message);
}

export function isValid(problems: SortedProblems): boolean {
  return problems.byPath.size === 0 && problems.outline.length === 0;
}

export const MAX_LENGTH_MM = MAX_DIMENSION_MM;

/** Whether two drafts would save the same room. */
export function sameDraft(a: RoomDraft, b: RoomDraft): boolean {
  return a.name === b.name && JSON.stringify(a.shape) === JSON.stringify(b.shape);
}

/** The shape part of a room record, fields in one order (so drafts compare by JSON). */
export function shapeOf(room: RoomShape): RoomShape {
  return {
    outline: room.outline.map((p) => ({ x: p.x, y: p.y })),
    ceilingHeightMm: room.ceilingHeightMm,
    wallThicknessMm: room.wallThicknessMm,
    openings: room.openings.map((o) => ({ id: o.id, kind: o.kind, wallIndex: o.wallIndex, offsetMm: o.offsetMm, widthMm: o.widthMm, heightMm: o.heightMm, sillHeightMm: o.sillHeightMm, ...(o.kind === 'door' ? { swing: o.swing ?? 'left' } : {}) })),
    floor: { colour: room.floor.colour, material: room.floor.material },
    walls: { colour: room.walls.colour, material: room.walls.material },
  };
}
