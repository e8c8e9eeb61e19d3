/**
 * Turns an option's placed items into instance batches: every part of every piece that shares
 * a shape and a finish becomes one instance of one mesh, so a room of 300 pieces costs a few
 * dozen draw calls at most. Pure three.js math (no renderer), so it is unit-tested in Node.
 */
import { Color, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Part, PartFinish, PartShape } from './kit.ts';
import type { ResolvedPiece } from './pieces.ts';
import { planRotationToWorldY, mmToMetres } from '../plan.ts';

export interface InstanceBatch {
  readonly key: string;
  readonly shape: PartShape;
  readonly finish: PartFinish;
  readonly count: number;
  /** 16 floats per instance, column-major, as InstancedMesh.instanceMatrix expects. */
  readonly matrices: Float32Array;
  /** 3 floats per instance in the renderer's linear working colour space. */
  readonly colours: Float32Array;
  /** Which placed item each instance belongs to (for picking and highlighting). */
  readonly itemIds: readonly string[];
}

/** The world matrix of a piece: plan millimetres to metres, plan y to world z, rotation about up. */
export function pieceMatrix(piece: Pick<ResolvedPiece, 'xMm' | 'yMm' | 'elevationMm' | 'rotationDeg'>, target = new Matrix4()): Matrix4 {
  const rotation = new Quaternion().setFromEuler(new Euler(0, planRotationToWorldY(piece.rotationDeg), 0));
  return target.compose(new Vector3(mmToMetres(piece.xMm), mmToMetres(piece.elevationMm), mmToMetres(piece.yMm)), rotation, new Vector3(1, 1, 1));
}

export function partMatrix(part: Part, target = new Matrix4()): Matrix4 {
  const rotation = part.rotation ? new Quaternion().setFromEuler(new Euler(part.rotation[0], part.rotation[1], part.rotation[2])) : new Quaternion();
  return target.compose(new Vector3(...part.center), rotation, new Vector3(...part.size));
}

export function batchPieces(pieces: readonly ResolvedPiece[]): InstanceBatch[] {
  const groups = new Map<string, { shape: PartShape; finish: PartFinish; entries: { matrix: Matrix4; colour: string; itemId: string }[] }>();
  const pieceWorld = new Matrix4();
  for (const piece of pieces) {
    pieceMatrix(piece, pieceWorld);
    for (const part of piece.parts) {
      const key = `${part.shape}:${part.finish}`;
      let group = groups.get(key);
      if (!group) {
        group = { shape: part.shape, finish: part.finish, entries: [] };
        groups.set(key, group);
      }
      group.entries.push({ matrix: new Matrix4().multiplyMatrices(pieceWorld, partMatrix(part)), colour: part.colour, itemId: piece.itemId });
    }
  }
  const colour = new Color();
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => {
      const matrices = new Float32Array(group.entries.length * 16);
      const colours = new Float32Array(group.entries.length * 3);
      group.entries.forEach((entry, index) => {
        entry.matrix.toArray(matrices, index * 16);
        colour.set(entry.colour);
        colours.set([colour.r, colour.g, colour.b], index * 3);
      });
      return { key, shape: group.shape, finish: group.finish, count: group.entries.length, matrices, colours, itemIds: group.entries.map((entry) => entry.itemId) };
    });
}
