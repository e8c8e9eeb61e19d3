/**
 * The toolkit the procedural furniture builders share: the part record, a list that collects
 * parts from ranges, and small layout helpers. Pure data, no three.js.
 *
 * Piece-local frame, metres: x across the width (centred), y up from the piece's base,
 * z from back (−depth/2) to front (+depth/2). The front faces the room at rotation 0.
 */
import type { Category } from '../../../core/catalog.ts';
import type { PiecePalette } from './colours.ts';

export type Vec3 = readonly [number, number, number];

/** `taper` is a truncated cone (top radius 70 % of the bottom): lamp shades and pots. */
export type PartShape = 'box' | 'cylinder' | 'taper' | 'sphere';

/** Surface kinds; each becomes one material, so a room's draw calls stay few. */
export type PartFinish = 'fabric' | 'wood' | 'metal' | 'ceramic' | 'glass' | 'mirror' | 'glow' | 'leaf';

export interface Part {
  readonly shape: PartShape;
  readonly finish: PartFinish;
  readonly colour: string;
  readonly center: Vec3;
  /** Bounding size along the local axes before `rotation`. */
  readonly size: Vec3;
  /** Euler XYZ in radians; only quarter turns, so bounds stay easy to reason about. */
  readonly rotation?: Vec3;
}

export interface PieceSpec {
  readonly category: Category;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
  readonly palette: PiecePalette;
}

export type Range = readonly [number, number];

/**
 * Collects parts; ranges are [from, to] in metres along each local axis. Every part is clipped
 * to the piece's envelope (its true width, depth and height), so whatever a builder computes
 * for an odd size, the drawing never claims more room than the product takes.
 */
export class PartList {
  readonly parts: Part[] = [];
  private readonly envelope: { readonly x: Range; readonly y: Range; readonly z: Range };

  constructor(extents: { hw: number; hd: number; h: number }) {
    this.envelope = { x: [-extents.hw, extents.hw], y: [0, extents.h], z: [-extents.hd, extents.hd] };
  }

  block(colour: string, finish: PartFinish, x: Range, y: Range, z: Range): this {
    const cx = clip(x, this.envelope.x);
    const cy = clip(y, this.envelope.y);
    const cz = clip(z, this.envelope.z);
    if (!cx || !cy || !cz) return this;
    this.parts.push({ shape: 'box', finish, colour, center: [mid(cx), mid(cy), mid(cz)], size: [cx[1] - cx[0], cy[1] - cy[0], cz[1] - cz[0]] });
    return this;
  }

  /** An upright cylinder (or elliptic cylinder when the two diameters differ). */
  cylinder(colour: string, finish: PartFinish, at: readonly [number, number], y: Range, diameterX: number, diameterZ = diameterX): this {
    return this.round('cylinder', colour, finish, at, y, diameterX, diameterZ);
  }

  /** An upright truncated cone, wide at the bottom; `flip` puts the wide end on top. */
  taper(colour: string, finish: PartFinish, at: readonly [number, number], y: Range, diameter: number, flip = false): this {
    this.round('taper', colour, finish, at, y, diameter, diameter, flip ? [Math.PI, 0, 0] : undefined);
    return this;
  }

  sphere(colour: string, finish: PartFinish, center: Vec3, size: Vec3): this {
    const box = this.fit(center, size);
    if (box) this.parts.push({ shape: 'sphere', finish, colour, ...box });
    return this;
  }

  /** A flat disc standing on its edge, facing the front (+z): round mirrors, art. */
  disc(colour: string, finish: PartFinish, center: Vec3, diameter: number, thickness: number): this {
    // Fitted as its upright bounding box (diameter × diameter × thickness), then turned.
    const box = this.fit(center, [diameter, diameter, thickness]);
    if (!box) return this;
    const across = Math.min(box.size[0], box.size[1]);
    this.parts.push({ shape: 'cylinder', finish, colour, center: box.center, size: [across, box.size[2], across], rotation: [Math.PI / 2, 0, 0] });
    return this;
  }

  private round(shape: 'cylinder' | 'taper', colour: string, finish: PartFinish, at: readonly [number, number], y: Range, diameterX: number, diameterZ: number, rotation?: Vec3): this {
    const cy = clip(y, this.envelope.y);
    if (!cy) return this;
    const box = this.fit([at[0], mid(cy), at[1]], [diameterX, cy[1] - cy[0], diameterZ]);
    if (!box) return this;
    this.parts.push({ shape, finish, colour, ...box, ...(rotation ? { rotation } : {}) });
    return this;
  }

  /** Shrinks a centred box to fit the envelope, keeping its centre; null when nothing is left. */
  private fit(center: Vec3, size: Vec3): { center: Vec3; size: Vec3 } | null {
    const axes = [this.envelope.x, this.envelope.y, this.envelope.z] as const;
    const fitted: number[] = [];
    const centre: number[] = [];
    for (let axis = 0; axis < 3; axis++) {
      const [lo, hi] = axes[axis]!;
      const c = Math.min(hi, Math.max(lo, center[axis]!));
      const room = 2 * Math.min(c - lo, hi - c);
      const s = Math.min(size[axis]!, room);
      if (!(s > 0)) return null;
      fitted.push(s);
      centre.push(c);
    }
    return { center: centre as unknown as Vec3, size: fitted as unknown as Vec3 };
  }
}

function clip(range: Range, envelope: Range): Range | null {
  const from = Math.max(range[0], envelope[0]);
  const to = Math.min(range[1], envelope[1]);
  return to > from ? [from, to] : null;
}

const mid = (range: Range) => (range[0] + range[1]) / 2;

/** The piece's half-extents and height in metres, the numbers every builder starts from. */
export interface Extents {
  readonly w: number;
  readonly d: number;
  readonly h: number;
  readonly hw: number;
  readonly hd: number;
}

export function extentsOf(spec: PieceSpec): Extents {
  // A zero or negative dimension would collapse the model; 10 mm keeps it visible and honest.
  const w = Math.max(spec.widthMm, 10) / 1000;
  const d = Math.max(spec.depthMm, 10) / 1000;
  const h = Math.max(spec.heightMm, 10) / 1000;
  return { w, d, h, hw: w / 2, hd: d / 2 };
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Roughly square footprints read better as round tables, mirrors and stools. */
export const isRoundish = (a: number, b: number) => Math.abs(a - b) <= 0.06 * Math.max(a, b);

/** Four legs inset from the corners of a w × d footprint, from the floor to `top`. */
export function fourLegs(list: PartList, colour: string, finish: PartFinish, e: { hw: number; hd: number }, top: number, thickness: number, inset: number, round = true): void {
  const x = Math.max(e.hw - inset - thickness / 2, 0);
  const z = Math.max(e.hd - inset - thickness / 2, 0);
  for (const [sx, sz] of [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const) {
    if (round) list.cylinder(colour, finish, [sx * x, sz * z], [0, top], thickness);
    else list.block(colour, finish, [sx * x - thickness / 2, sx * x + thickness / 2], [0, top], [sz * z - thickness / 2, sz * z + thickness / 2]);
  }
}

/** Splits a span into `count` equal pieces separated by `gap`; used for cushions, doors, drawers. */
export function splitSpan(from: number, to: number, count: number, gap: number): Range[] {
  const n = Math.max(1, Math.floor(count));
  const each = (to - from - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => [from + i * (each + gap), from + i * (each + gap) + each] as const);
}

