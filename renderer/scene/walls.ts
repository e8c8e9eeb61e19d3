/**
 * Walls as solid prisms: each wall stands outside the room's outline (so the inside keeps its
 * measured size), corners are mitred, and every door or window cuts the wall into the pieces
 * around it. Pure plan math in millimetres plus a geometry builder; no React.
 */
import { BufferGeometry, Color, Float32BufferAttribute, Vector3 } from 'three';
import type { RoomShape, PlanPoint } from '../../core/room.ts';
import { mmToMetres, wallFrames, type Vec2 } from './plan.ts';

/** A vertical prism: a plan quadrilateral (inner start, inner end, outer end, outer start) between two heights. */
export interface Prism {
  readonly wallIndex: number;
  readonly quad: readonly [PlanPoint, PlanPoint, PlanPoint, PlanPoint];
  readonly bottomMm: number;
  readonly topMm: number;
}

type Frame = ReturnType<typeof wallFrames>[number];

const add = (p: Vec2, v: Vec2, k: number): PlanPoint => ({ x: p.x + v.x * k, y: p.y + v.y * k });

/** Outer corner points: where the outer faces of neighbouring walls meet. */
function mitredCorners(frames: readonly Frame[], thickness: number): PlanPoint[] {
  return frames.map((frame, i) => {
    const previous = frames[(i - 1 + frames.length) % frames.length]!;
    const a = previous.outward;
    const b = frame.outward;
    const denominator = 1 + a.x * b.x + a.y * b.y;
    // Nearly reversed walls (a hairpin) would send the mitre to infinity; square them off instead.
    if (denominator < 0.1) return add(frame.start, b, thickness);
    return { x: frame.start.x + ((a.x + b.x) / denominator) * thickness, y: frame.start.y + ((a.y + b.y) / denominator) * thickness };
  });
}

/** Along-wall spans with their heights: the solid parts of one wall around its openings. */
export function wallSpans(lengthMm: number, heightMm: number, openings: readonly { offsetMm: number; widthMm: number; sillHeightMm: number; heightMm: number }[]): { from: number; to: number; bottom: number; top: number }[] {
  const spans: { from: number; to: number; bottom: number; top: number }[] = [];
  const sorted = [...openings].sort((a, b) => a.offsetMm - b.offsetMm);
  let cursor = 0;
  for (const opening of sorted) {
    const from = Math.max(opening.offsetMm, cursor);
    const to = Math.min(opening.offsetMm + opening.widthMm, lengthMm);
    if (to <= from) continue;
    if (from > cursor) spans.push({ from: cursor, to: from, bottom: 0, top: heightMm });
    const sill = Math.min(opening.sillHeightMm, heightMm);
    const head = opening.sillHeightMm + opening.heightMm;
    if (sill > 0) spans.push({ from, to, bottom: 0, top: sill });
    if (head < heightMm) spans.push({ from, to, bottom: head, top: heightMm });
    cursor = to;
  }
  if (cursor < lengthMm) spans.push({ from: cursor, to: lengthMm, bottom: 0, top: heightMm });
  return spans.filter((span) => span.top > span.bottom && span.to > span.from);
}

/**
 * The wall prisms of a room. `capMm` lowers every wall to that height (the cut-away view shows
 * walls between the camera and the room as low stubs); openings keep their gaps.
 */
export function wallPrisms(room: RoomShape, capMm = room.ceilingHeightMm): Prism[] {
  const frames = wallFrames(room.outline);
  const thickness = room.wallThicknessMm;
  const corners = mitredCorners(frames, thickness);
  const height = Math.min(capMm, room.ceilingHeightMm);
  const prisms: Prism[] = [];
  frames.forEach((frame, wallIndex) => {
    const openings = room.openings.filter((opening) => opening.wallIndex === wallIndex);
    const outerAt = (s: number): PlanPoint => {
      if (s <= 0) return corners[wallIndex]!;
      if (s >= frame.length) return corners[(wallIndex + 1) % frames.length]!;
      return add(add(frame.start, frame.direction, s), frame.outward, thickness);
    };
    for (const span of wallSpans(frame.length, height, openings)) {
      prisms.push({
        wallIndex,
        quad: [add(frame.start, frame.direction, span.from), add(frame.start, frame.direction, span.to), outerAt(span.to), outerAt(span.from)],
        bottomMm: span.bottom,
        topMm: span.top,
      });
    }
  });
  return prisms;
}

/** A rectangle across the wall between depths measured outward from the inner face. */
function slab(frame: Frame, wallIndex: number, from: number, to: number, depthFrom: number, depthTo: number, bottomMm: number, topMm: number): Prism {
  const innerFrom = add(add(frame.start, frame.direction, from), frame.outward, depthFrom);
  const innerTo = add(add(frame.start, frame.direction, to), frame.outward, depthFrom);
  return {
    wallIndex,
    quad: [innerFrom, innerTo, add(innerTo, frame.outward, depthTo - depthFrom), add(innerFrom, frame.outward, depthTo - depthFrom)],
    bottomMm,
    topMm,
  };
}

const TRIM_MM = 45;
const GLASS_MM = 8;

/** Window glass and the white frames around windows and doors, set in the middle of the wall. */
export function openingTrims(room: RoomShape): { frames: Prism[]; glass: Prism[] } {
  const walls = wallFrames(room.outline);
  const thickness = room.wallThicknessMm;
  const frames: Prism[] = [];
  const glass: Prism[] = [];
  for (const opening of room.openings) {
    const wall = walls[opening.wallIndex];
    if (!wall) continue;
    const from = opening.offsetMm;
    const to = Math.min(opening.offsetMm + opening.widthMm, wall.length);
    const bottom = opening.sillHeightMm;
    const top = Math.min(opening.sillHeightMm + opening.heightMm, room.ceilingHeightMm);
    if (to - from <= TRIM_MM * 2 || top - bottom <= TRIM_MM * 2) continue;
    const i = opening.wallIndex;
    if (opening.kind === 'window') {
      const mid = thickness / 2;
      const depth = Math.min(70, thickness);
      frames.push(slab(wall, i, from, from + TRIM_MM, mid - depth / 2, mid + depth / 2, bottom, top));
      frames.push(slab(wall, i, to - TRIM_MM, to, mid - depth / 2, mid + depth / 2, bottom, top));
      frames.push(slab(wall, i, from + TRIM_MM, to - TRIM_MM, mid - depth / 2, mid + depth / 2, bottom, bottom + TRIM_MM));
      frames.push(slab(wall, i, from + TRIM_MM, to - TRIM_MM, mid - depth / 2, mid + depth / 2, top - TRIM_MM, top));
      if (to - from > 1200) {
        const centre = (from + to) / 2;
        frames.push(slab(wall, i, centre - TRIM_MM / 2, centre + TRIM_MM / 2, mid - depth / 2, mid + depth / 2, bottom + TRIM_MM, top - TRIM_MM));
      }
      glass.push(slab(wall, i, from + TRIM_MM, to - TRIM_MM, mid - GLASS_MM / 2, mid + GLASS_MM / 2, bottom + TRIM_MM, top - TRIM_MM));
    } else {
      // Door casings: two jambs and a head lining the opening, slightly proud of the inner face.
      frames.push(slab(wall, i, from, from + TRIM_MM, -10, thickness + 10, bottom, top));
      frames.push(slab(wall, i, to - TRIM_MM, to, -10, thickness + 10, bottom, top));
      frames.push(slab(wall, i, from + TRIM_MM, to - TRIM_MM, -10, thickness + 10, top - TRIM_MM, top));
    }
  }
  return { frames, glass };
}

const SKIRTING_MM = 80;
const SKIRTING_PROUD_MM = 12;

/** Skirting boards along every wall's inner face, broken at doors; windows above the floor keep theirs. */
export function skirtings(room: RoomShape): Prism[] {
  const boards: Prism[] = [];
  wallFrames(room.outline).forEach((frame, wallIndex) => {
    const doors = room.openings.filter((opening) => opening.wallIndex === wallIndex && opening.sillHeightMm < SKIRTING_MM);
    for (const span of wallSpans(frame.length, SKIRTING_MM, doors)) {
      if (span.bottom > 0) continue;
      boards.push(slab(frame, wallIndex, span.from, span.to, -SKIRTING_PROUD_MM, 0, 0, span.top));
    }
  });
  return boards;
}

/** 0.9 at the floor rising to 1 at 2.4 m: a soft, cheap stand-in for ambient occlusion. */
export function floorShade(heightM: number): number {
  return 0.9 + 0.1 * Math.min(Math.max(heightM / 2.4, 0), 1);
}

/**
 * One non-indexed geometry for many prisms, metres, with flat normals and vertex colours:
 * side faces in `sideColour` (a little darker toward the floor), tops (the cut through a wall)
 * in `capColour`. Bottoms are left out: nobody looks at a wall from under the floor.
 */
export function prismGeometry(prisms: readonly Prism[], sideColour: string, capColour = sideColour): BufferGeometry {
  const positions: number[] = [];
  const normals: number[] = [];
  const colours: number[] = [];
  const side = new Color(sideColour);
  const cap = new Color(capColour);

  for (const prism of prisms) {
    const at = (p: PlanPoint, heightMm: number) => new Vector3(mmToMetres(p.x), mmToMetres(heightMm), mmToMetres(p.y));
    const low = prism.quad.map((p) => at(p, prism.bottomMm)) as [Vector3, Vector3, Vector3, Vector3];
    const high = prism.quad.map((p) => at(p, prism.topMm)) as [Vector3, Vector3, Vector3, Vector3];
    const centre = [...low, ...high].reduce((sum, p) => sum.add(p), new Vector3()).divideScalar(8);
    const faces: { corners: [Vector3, Vector3, Vector3, Vector3]; colour: Color }[] = [{ corners: high, colour: cap }];
    for (let k = 0; k < 4; k++) {
      const next = (k + 1) % 4;
      faces.push({ corners: [low[k]!, low[next]!, high[next]!, high[k]!], colour: side });
    }
    for (const { corners, colour } of faces) {
      const [a, b, c, d] = corners;
      const normal = new Vector3().crossVectors(b.clone().sub(a), d.clone().sub(a));
      if (normal.lengthSq() < 1e-24) continue;
      normal.normalize();
      // Wind each face so it is seen from outside the prism, whatever order the quad came in.
      const faceCentre = new Vector3().add(a).add(b).add(c).add(d).divideScalar(4);
      const outside = faceCentre.sub(centre).dot(normal) >= 0;
      if (!outside) normal.negate();
      for (const vertex of outside ? [a, b, c, a, c, d] : [a, c, b, a, d, c]) {
        positions.push(vertex.x, vertex.y, vertex.z);
        normals.push(normal.x, normal.y, normal.z);
        // Walls darken gently toward the floor, as bounced light does in a real room.
        const shade = colour === side ? floorShade(vertex.y) : 1;
        colours.push(colour.r * shade, colour.g * shade, colour.b * shade);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new Float32BufferAttribute(normals, 3));
  geometry.setAttribute('color', new Float32BufferAttribute(colours, 3));
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
  return geometry;
}
