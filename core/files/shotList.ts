/**
 * A room's shot list: the photos a designer needs to rebuild it. Every corner and every wall of
 * the outline, every window on it, any feature the customer adds (radiator, fireplace…), and any
 * extra photo the designer asks for. Progress counts shots with at least one photo.
 */
import type { RoomShape } from '../room.ts';

export type ShotKind = 'corner' | 'wall' | 'window' | 'feature' | 'request';

export interface Shot {
  /** Stable within the room: `corner:1`, `wall:2`, `window:<openingId>`, `feature:<id>`, `request:<id>`. */
  readonly key: string;
  readonly kind: ShotKind;
  /** 1-based number of the corner, wall, or the window's wall. */
  readonly number: number | null;
  /** The customer's words for a feature, the designer's for a request. */
  readonly label: string | null;
}

export interface ExtraShot {
  readonly id: string;
  readonly label: string;
}

export const SHOT_KEY = /^(corner|wall):[1-9][0-9]?$|^(window|feature|request):[A-Za-z0-9_-]{1,64}$/;

export function shotList(shape: Pick<RoomShape, 'outline' | 'openings'>, features: readonly ExtraShot[] = [], requests: readonly ExtraShot[] = []): Shot[] {
  const n = shape.outline.length;
  const shots: Shot[] = [];
  for (let i = 1; i <= n; i++) shots.push({ key: `corner:${i}`, kind: 'corner', number: i, label: null });
  for (let i = 1; i <= n; i++) shots.push({ key: `wall:${i}`, kind: 'wall', number: i, label: null });
  for (const opening of shape.openings) {
    if (opening.kind === 'window') shots.push({ key: `window:${opening.id}`, kind: 'window', number: opening.wallIndex + 1, label: null });
  }
  for (const feature of features) shots.push({ key: `feature:${feature.id}`, kind: 'feature', number: null, label: feature.label });
  for (const request of requests) shots.push({ key: `request:${request.id}`, kind: 'request', number: null, label: request.label });
  return shots;
}

export interface ShotProgress {
  readonly done: number;
  readonly total: number;
  readonly missing: readonly string[];
}

/** "5 of 9": how many shots have a photo; photos for keys no longer on the list do not count. */
export function shotProgress(shots: readonly Shot[], photoShotKeys: Iterable<string | null>): ShotProgress {
  const taken = new Set<string>();
  for (const key of photoShotKeys) if (key) taken.add(key);
  const missing = shots.filter((s) => !taken.has(s.key)).map((s) => s.key);
  return { done: shots.length - missing.length, total: shots.length, missing };
}
