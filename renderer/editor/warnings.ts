/**
 * The room's warnings as the editor shows them: a severity per piece for the outline in 3D and
 * on the plan (red: overlapping or outside the room; amber: walkway, door swing, doorway), the
 * list beside the view, and doorway fit per piece for the piece list and the add flow.
 */
import { doorwayFits, FLAT_CATEGORIES, openingLabel, roomWarnings, type DoorwayFit, type RoomPiece, type RoomWarning, type RoomWarningKind } from '../../core/geometry/index.ts';
import type { RoomShape } from '../../core/room.ts';
import type { UnitSystem } from '../../core/units.ts';

export type Severity = 'error' | 'warning';

export const SEVERITY: Readonly<Record<RoomWarningKind, Severity>> = {
  overlap: 'error',
  'outside-room': 'error',
  'narrow-walkway': 'warning',
  'door-swing-blocked': 'warning',
  'doorway-fit': 'warning',
};

/** The worst severity per piece (an error outranks a warning). */
export function severityByItem(warnings: readonly RoomWarning[]): ReadonlyMap<string, Severity> {
  const map = new Map<string, Severity>();
  for (const warning of warnings) {
    const severity = SEVERITY[warning.kind];
    for (const id of warning.itemIds) {
      if (map.get(id) !== 'error') map.set(id, severity);
    }
  }
  return map;
}

/** Errors first, then warnings, each in the order core found them. */
export function sortedWarnings(warnings: readonly RoomWarning[]): RoomWarning[] {
  return [...warnings].sort((a, b) => (SEVERITY[a.kind] === SEVERITY[b.kind] ? 0 : SEVERITY[a.kind] === 'error' ? -1 : 1));
}

export interface WarningSettings {
  readonly minWalkwayMm: number;
  readonly units: UnitSystem;
  readonly locale?: string;
}

export function editorWarnings(shape: RoomShape, pieces: readonly RoomPiece[], settings: WarningSettings): RoomWarning[] {
  return sortedWarnings(roomWarnings(shape, pieces, { minWalkwayMm: settings.minWalkwayMm, units: settings.units, ...(settings.locale ? { locale: settings.locale } : {}) }));
}

/** A stable key for a warning (kind and pieces), for React lists and tests. */
export function warningKey(warning: RoomWarning): string {
  return `${warning.kind}:${warning.itemIds.join('+')}:${'openingId' in warning ? warning.openingId : ''}`;
}

export interface DoorFit {
  readonly openingId: string;
  readonly label: string;
  readonly fit: DoorwayFit;
}

export interface PieceDoorwayFit {
  /** Whether it goes through every door (true also when the room has no doors). */
  readonly fitsAll: boolean;
  /** Through at least one door. */
  readonly fitsAny: boolean;
  readonly doors: readonly DoorFit[];
}

/** Whether a piece of this size passes through each of the room's doors (rugs roll up: always). */
export function doorwayFitOf(shape: Pick<RoomShape, 'openings'>, piece: { readonly category: string; readonly widthMm: number; readonly depthMm: number; readonly heightMm: number }): PieceDoorwayFit {
  const doors = shape.openings.flatMap((opening, index) =>
    opening.kind === 'door' ? [{ openingId: opening.id, label: openingLabel(shape.openings, index), fit: doorwayFits(piece, opening) }] : [],
  );
  if (FLAT_CATEGORIES.includes(piece.category)) return { fitsAll: true, fitsAny: true, doors: [] };
  return { fitsAll: doors.every((door) => door.fit.fits), fitsAny: doors.length === 0 || doors.some((door) => door.fit.fits), doors };
}
