/**
 * Soft contact shadows as blobs: one darkened, feathered quad under each piece that stands on
 * the floor, drawn as a single instanced mesh. Unlike a depth-rendering shadow pass, it costs no
 * extra render pass, follows the pieces at once and renders identically on every GPU.
 */
import { Matrix4, Quaternion, Vector3, Euler } from 'three';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { mmToMetres, planRotationToWorldY } from './plan.ts';

/** How far the shadow reaches beyond the piece's footprint on each side. */
const SPREAD_M = 0.09;
const FLOOR_LIFT_M = 0.002;

type Footprint = Pick<ResolvedPiece, 'xMm' | 'yMm' | 'widthMm' | 'depthMm' | 'rotationDeg'>;

/** Whether a plan point lies inside a rotated footprint. */
export function insideFootprint(point: { x: number; y: number }, piece: Footprint): boolean {
  const angle = (piece.rotationDeg * Math.PI) / 180;
  const dx = point.x - piece.xMm;
  const dy = point.y - piece.yMm;
  // Undo the piece's counter-clockwise turn to compare in its own axes.
  const localX = dx * Math.cos(angle) + dy * Math.sin(angle);
  const localY = -dx * Math.sin(angle) + dy * Math.cos(angle);
  return Math.abs(localX) <= piece.widthMm / 2 && Math.abs(localY) <= piece.depthMm / 2;
}

/** The shadow quad under a piece footprint at `lift` metres (on the floor or on a rug). */
export function shadowMatrix(piece: Pick<ResolvedPiece, 'xMm' | 'yMm' | 'widthMm' | 'depthMm' | 'rotationDeg'>, lift: number, target = new Matrix4()): Matrix4 {
  return target.compose(
    new Vector3(mmToMetres(piece.xMm), lift + FLOOR_LIFT_M, mmToMetres(piece.yMm)),
    new Quaternion().setFromEuler(new Euler(0, planRotationToWorldY(piece.rotationDeg), 0)),
    new Vector3(mmToMetres(piece.widthMm) + SPREAD_M * 2, 1, mmToMetres(piece.depthMm) + SPREAD_M * 2),
  );
}

/**
 * One shadow per piece that casts one: pieces on the floor (not hung, not rugs). A piece
 * standing on a rug gets its shadow on the rug's surface, so the rug does not hide it.
 * `itemIds[i]` and `lifts[i]` belong to the i-th matrix, so a dragged piece's shadow can follow it.
 */
export function contactShadows(pieces: readonly ResolvedPiece[]): { matrices: Float32Array; itemIds: string[]; lifts: number[] } {
  const rugs = pieces.filter((piece) => piece.category === 'rug');
  const casters = pieces.filter((piece) => piece.category !== 'rug' && piece.elevationMm <= 0);
  const matrices = new Float32Array(casters.length * 16);
  const matrix = new Matrix4();
  const lifts: number[] = [];
  casters.forEach((piece, index) => {
    const under = rugs.filter((rug) => insideFootprint({ x: piece.xMm, y: piece.yMm }, rug));
    const lift = under.length ? Math.max(...under.map((rug) => mmToMetres(Math.min(Math.max(rug.heightMm, 4), 30)))) : 0;
    lifts.push(lift);
    shadowMatrix(piece, lift, matrix).toArray(matrices, index * 16);
  });
  return { matrices, itemIds: casters.map((piece) => piece.itemId), lifts };
}

/** One matrix per piece that casts a shadow (see `contactShadows`). */
export function contactShadowMatrices(pieces: readonly ResolvedPiece[]): Float32Array {
  return contactShadows(pieces).matrices;
}
