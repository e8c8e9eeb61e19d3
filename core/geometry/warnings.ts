/**
 * The room's warnings, shown in place on the plan and in a list: pieces overlapping, pieces
 * outside the room, walkways too narrow, door swings blocked, and pieces that will not go
 * through the doors. Each names the pieces and carries a plan point to draw it at.
 * Built to run on every edit at 300 pieces: every pairwise check is pruned by bounds first.
 */
import { WALL_HUNG_CATEGORIES, type Category } from '../catalog.ts';
import type { PlanPoint, RoomShape } from '../room.ts';
import { formatLength, type UnitSystem } from '../units.ts';
import { MIN_WALKWAY_MM, narrowPassages, nearbyPairs, type ClearanceOptions } from './clearance.ts';
import { doorSwingOf, doorwayFits, swingBlockedBy, DOORWAY_MARGIN_MM, type DoorwayFit } from './doors.ts';
import { footprintInsideRoom, footprintOf, footprintsOverlap, TOUCH_TOLERANCE_MM, type Footprint } from './footprint.ts';
import { openingInPlan, openingLabel } from './openings.ts';
import { boundsOf } from './polygon.ts';

export interface RoomPiece {
  readonly id: string;
  /** What the customer calls it: "Oslo 3-seat sofa". */
  readonly label: string;
  readonly category: Category | string;
  /** Pieces sharing a key share one doorway check: the product id, or the item id for an own piece. */
  readonly productKey: string;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
  readonly xMm: number;
  readonly yMm: number;
  readonly rotationDeg: number;
  readonly elevationMm?: number;
  /** A footprint already worked out for this placement (a drag keeps them), to skip recomputing. */
  readonly footprint?: Footprint;
}

export interface WarningOptions extends ClearanceOptions {
  readonly doorwayMarginMm?: number;
  /**
   * Whether pieces that belong together may stand close or tuck in (default true): a coffee
   * table in front of a sofa, chairs round a table, a lamp beside a chair. See `standCloseByDesign`.
   */
  readonly allowCompanions?: boolean;
  /** Lengths in messages follow the user's preference. */
  readonly units?: UnitSystem;
  readonly locale?: string;
}

interface WarningBase {
  readonly itemIds: readonly string[];
  readonly message: string;
  /** Where on the plan to draw the warning. */
  readonly at: PlanPoint;
}

export type RoomWarning =
  | (WarningBase & { readonly kind: 'overlap' })
  | (WarningBase & { readonly kind: 'outside-room' })
  | (WarningBase & { readonly kind: 'narrow-walkway'; readonly gapMm: number; readonly wallIndex: number | null })
  | (WarningBase & { readonly kind: 'door-swing-blocked'; readonly openingId: string })
  | (WarningBase & { readonly kind: 'doorway-fit'; readonly openingIds: readonly string[]; readonly fit: DoorwayFit });

export type RoomWarningKind = RoomWarning['kind'];

const SEATS: readonly string[] = ['sofa', 'armchair', 'bed'];
const SEAT_TABLES: readonly string[] = ['coffee table', 'side table'];
const CHAIRS: readonly string[] = ['dining chair', 'office chair'];
const CHAIR_TABLES: readonly string[] = ['dining table', 'desk'];
const ACCENTS: readonly string[] = ['lamp', 'plant'];

/**
 * Pieces that are meant to stand closer than a walkway: a coffee or side table by a sofa,
 * armchair or bed; chairs at a table or desk and beside each other; a lamp or plant beside
 * anything (and a lamp or plant near a wall). Nobody walks between them, so their gap is not a
 * narrow passage.
 */
export function standCloseByDesign(a: string, b: string): boolean {
  const pair = (x: readonly string[], y: readonly string[]) => (x.includes(a) && y.includes(b)) || (x.includes(b) && y.includes(a));
  return ACCENTS.includes(a) || ACCENTS.includes(b) || pair(SEATS, SEAT_TABLES) || pair(CHAIRS, CHAIR_TABLES) || pair(CHAIRS, CHAIRS);
}

/** A chair pushed in under its table or desk overlaps it on the plan, as it should. */
export function tucksUnder(a: string, b: string): boolean {
  return (CHAIRS.includes(a) && CHAIR_TABLES.includes(b)) || (CHAIRS.includes(b) && CHAIR_TABLES.includes(a));
}

/** Rugs lie flat: furniture stands on them, doors sweep over them, and they roll up to go through a door. */
export const FLAT_CATEGORIES: readonly string[] = ['rug'];
const WALL_HUNG: readonly string[] = WALL_HUNG_CATEGORIES;

/** What every check needs, worked out once per call. */
interface Context {
  readonly shape: RoomShape;
  readonly pieces: readonly RoomPiece[];
  readonly footprints: readonly Footprint[];
  readonly wallHung: readonly boolean[];
  readonly flat: readonly boolean[];
  readonly companions: boolean;
  readonly options: WarningOptions;
  readonly len: (mm: number) => string;
}

export function roomWarnings(shape: RoomShape, pieces: readonly RoomPiece[], options: WarningOptions = {}): RoomWarning[] {
  const context: Context = {
    shape,
    pieces,
    options,
    footprints: pieces.map((p) => p.footprint ?? footprintOf(p, p)),
    wallHung: pieces.map((p) => WALL_HUNG.includes(p.category)),
    flat: pieces.map((p) => FLAT_CATEGORIES.includes(p.category)),
    companions: options.allowCompanions ?? true,
    len: (mm) => cachedLength(mm, options.units ?? 'metric', options.locale),
  };
  return [...overlapWarnings(context), ...outsideWarnings(context), ...walkwayWarnings(context), ...doorSwingWarnings(context), ...doorwayWarnings(context)];
}

/** Floor pieces with each other; wall-hung pieces only with each other, and only at the same height. */
function overlapWarnings({ pieces, footprints, wallHung, flat, companions }: Context): RoomWarning[] {
  const warnings: RoomWarning[] = [];
  for (const [i, j] of nearbyPairs(footprints.map((f) => f.bounds), 0)) {
    const a = pieces[i]!;
    const b = pieces[j]!;
    if (flat[i] || flat[j] || wallHung[i] !== wallHung[j]) continue;
    if (wallHung[i] && !verticalOverlap(a, b)) continue;
    if (companions && tucksUnder(a.category, b.category)) continue;
    if (!footprintsOverlap(footprints[i]!, footprints[j]!)) continue;
    warnings.push({ kind: 'overlap', itemIds: [a.id, b.id], message: `${a.label} and ${b.label} overlap`, at: overlapBoxCentre(footprints[i]!, footprints[j]!) });
  }
  return warnings;
}

function outsideWarnings({ shape, pieces, footprints }: Context): RoomWarning[] {
  const roomBounds = boundsOf(shape.outline);
  return pieces.flatMap((piece, i): RoomWarning[] =>
    footprintInsideRoom(footprints[i]!, shape.outline, undefined, roomBounds) ? [] : [{ kind: 'outside-room', itemIds: [piece.id], message: `${piece.label} is not inside the room`, at: footprints[i]!.centre }],
  );
}

function walkwayWarnings({ shape, pieces, footprints, wallHung, flat, companions, options, len }: Context): RoomWarning[] {
  const floor = pieces.flatMap((piece, i) => (wallHung[i] || flat[i] ? [] : [{ id: piece.id, label: piece.label, category: piece.category, footprint: footprints[i]! }]));
  const byId = new Map(floor.map((p) => [p.id, p]));
  const minWalkway = options.minWalkwayMm ?? MIN_WALKWAY_MM;
  const warnings: RoomWarning[] = [];
  for (const passage of narrowPassages(shape.outline, floor, options)) {
    const first = byId.get(passage.pieceIds[0])!;
    const second = passage.between === 'pieces' ? byId.get(passage.pieceIds[1])! : null;
    if (companions && (second ? standCloseByDesign(first.category, second.category) : ACCENTS.includes(first.category))) continue;
    // Rounded down to the centimetre past 100 mm, so a 596 mm gap never reads "60 cm".
    const gap = passage.gapMm < 100 ? passage.gapMm : Math.floor(passage.gapMm / 10) * 10;
    warnings.push({
      kind: 'narrow-walkway',
      itemIds: passage.pieceIds,
      gapMm: passage.gapMm,
      wallIndex: passage.between === 'piece-and-wall' ? passage.wallIndex : null,
      message: `only ${len(gap)} between ${first.label} and ${second ? second.label : 'the wall'}; a walkway needs ${len(minWalkway)}`,
      at: passage.at,
    });
  }
  return warnings;
}

function doorSwingWarnings({ shape, pieces, footprints, flat }: Context): RoomWarning[] {
  const warnings: RoomWarning[] = [];
  shape.openings.forEach((opening, index) => {
    const swing = opening.kind === 'door' ? doorSwingOf(shape.outline, opening) : null;
    if (!swing) return;
    // Halfway along the sweep's chord: inside it, where the leaf would meet the piece.
    const at = { x: swing.hinge.x + ((swing.closed.x + swing.open.x) * swing.radiusMm) / 2, y: swing.hinge.y + ((swing.closed.y + swing.open.y) * swing.radiusMm) / 2 };
    const doorTop = opening.sillHeightMm + opening.heightMm;
    pieces.forEach((piece, i) => {
      // Rugs lie under the leaf; a shelf hung above the door is over it.
      if (flat[i] || (piece.elevationMm ?? 0) >= doorTop) return;
      if (!swingBlockedBy(swing, footprints[i]!, TOUCH_TOLERANCE_MM)) return;
      warnings.push({ kind: 'door-swing-blocked', itemIds: [piece.id], openingId: opening.id, message: `${piece.label} blocks ${openingLabel(shape.openings, index)} from opening`, at });
    });
  });
  return warnings;
}

/** One check per distinct product against every door; a warning names the doors it will not pass. */
function doorwayWarnings({ shape, pieces, flat, options, len }: Context): RoomWarning[] {
  const doors = shape.openings.map((opening, index) => ({ opening, index })).filter(({ opening }) => opening.kind === 'door');
  if (doors.length === 0) return [];
  const byProduct = new Map<string, RoomPiece[]>();
  pieces.forEach((piece, i) => {
    if (flat[i] || !(piece.widthMm > 0 && piece.depthMm > 0 && piece.heightMm > 0)) return;
    const list = byProduct.get(piece.productKey);
    if (list) list.push(piece);
    else byProduct.set(piece.productKey, [piece]);
  });
  const margin = options.doorwayMarginMm ?? DOORWAY_MARGIN_MM;
  const warnings: RoomWarning[] = [];
  for (const group of byProduct.values()) {
    const piece = group[0]!;
    const checks = doors.map((door) => ({ ...door, fit: doorwayFits(piece, door.opening, margin) }));
    const blocked = checks.filter((c) => !c.fit.fits);
    if (blocked.length === 0) continue;
    const passes = checks.filter((c) => c.fit.fits);
    const worst = blocked.reduce((a, b) => (b.fit.clearanceMm < a.fit.clearanceMm ? b : a));
    const { acrossMm, upMm } = worst.fit.bestOrientation;
    const names = blocked.map((c) => `${openingLabel(shape.openings, c.index)} (${len(c.opening.widthMm)} × ${len(c.opening.heightMm)})`).join(', ');
    const tight = worst.fit.clearanceMm >= 0 ? ` leaves less than ${len(margin)} to spare` : ` is larger`;
    const also = passes.length > 0 ? `; it fits through ${passes.map((c) => openingLabel(shape.openings, c.index)).join(', ')}` : '';
    warnings.push({
      kind: 'doorway-fit',
      itemIds: group.map((p) => p.id),
      openingIds: blocked.map((c) => c.opening.id),
      fit: worst.fit,
      message: `${piece.label} may not fit through ${names}: its smallest cross-section, ${len(acrossMm)} × ${len(upMm)},${tight}${also}`,
      at: openingInPlan(shape.outline, blocked[0]!.opening)?.centre ?? footprintOf(piece, piece).centre,
    });
  }
  return warnings;
}

/**
 * formatLength builds an Intl.NumberFormat per call, too slow for hundreds of warnings per
 * pointermove; lengths in messages repeat, so each spelling is remembered (a bounded memo).
 */
const spelled = new Map<string, string>();
function cachedLength(mm: number, units: UnitSystem, locale: string | undefined): string {
  const rounded = Math.round(mm);
  const key = `${units}|${locale ?? ''}|${rounded}`;
  let text = spelled.get(key);
  if (text === undefined) {
    if (spelled.size > 2000) spelled.clear();
    text = formatLength(rounded, units, locale);
    spelled.set(key, text);
  }
  return text;
}

function verticalOverlap(a: RoomPiece, b: RoomPiece): boolean {
  const a0 = a.elevationMm ?? 0;
  const b0 = b.elevationMm ?? 0;
  return Math.min(a0 + a.heightMm, b0 + b.heightMm) - Math.max(a0, b0) > TOUCH_TOLERANCE_MM;
}

function overlapBoxCentre(a: Footprint, b: Footprint): PlanPoint {
  return {
    x: (Math.max(a.bounds.minX, b.bounds.minX) + Math.min(a.bounds.maxX, b.bounds.maxX)) / 2,
    y: (Math.max(a.bounds.minY, b.bounds.minY) + Math.min(a.bounds.maxY, b.bounds.maxY)) / 2,
  };
}
