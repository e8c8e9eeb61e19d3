/**
 * Turns an option's placed items into instance batches: every procedural part that shares a
 * shape and a finish, and every mesh of a glTF model across all pieces using that model, becomes
 * one instance of one mesh, so a room of 300 pieces costs a few dozen draw calls at most. Pure
 * three.js math (no renderer), so it is unit-tested in Node.
 */
import { Color, Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { Part, PartFinish, PartShape } from './kit.ts';
import type { ResolvedPiece } from './pieces.ts';
import { planRotationToWorldY, mmToMetres } from '../plan.ts';
import { fitToSize, type ModelPart, type ModelTemplate } from '../models/template.ts';
import { CATEGORY_DEFAULT } from './colours.ts';

/** What a batch draws: a procedural part's unit shape in a finish, or one mesh of a model. */
export type BatchSource = { readonly kind: 'part'; readonly shape: PartShape; readonly finish: PartFinish } | { readonly kind: 'model'; readonly url: string; readonly part: ModelPart };

/** Loaded models by URL; null for a model that failed (its pieces are drawn procedurally). */
export type ModelLookup = ReadonlyMap<string, ModelTemplate | null>;

export interface InstanceBatch {
  readonly key: string;
  readonly source: BatchSource;
  readonly count: number;
  /** 16 floats per instance, column-major, as InstancedMesh.instanceMatrix expects. */
  readonly matrices: Float32Array;
  /** Each instance's matrix within its piece (16 floats), to re-place a moved piece cheaply. */
  readonly locals: Float32Array;
  /** 3 floats per instance in the renderer's linear working colour space. */
  readonly colours: Float32Array;
  /** Which placed item each instance belongs to (for picking and highlighting). */
  readonly itemIds: readonly string[];
  /** Each item's instances are contiguous: its first index and count. */
  readonly ranges: ReadonlyMap<string, readonly [start: number, count: number]>;
}

/** One drawable of one piece, before batching: what it is, where within the piece, what colour. */
export interface PieceEntry {
  readonly key: string;
  readonly source: BatchSource;
  readonly local: Matrix4;
  readonly colour: Color;
}

export type Placement = Pick<ResolvedPiece, 'xMm' | 'yMm' | 'elevationMm' | 'rotationDeg'>;

/** The world matrix of a piece: plan millimetres to metres, plan y to world z, rotation about up. */
export function pieceMatrix(piece: Placement, target = new Matrix4()): Matrix4 {
  const rotation = new Quaternion().setFromEuler(new Euler(0, planRotationToWorldY(piece.rotationDeg), 0));
  return target.compose(new Vector3(mmToMetres(piece.xMm), mmToMetres(piece.elevationMm), mmToMetres(piece.yMm)), rotation, new Vector3(1, 1, 1));
}

export function partMatrix(part: Part, target = new Matrix4()): Matrix4 {
  const rotation = part.rotation ? new Quaternion().setFromEuler(new Euler(part.rotation[0], part.rotation[1], part.rotation[2])) : new Quaternion();
  return target.compose(new Vector3(...part.center), rotation, new Vector3(...part.size));
}

/** The model a piece is drawn with, when it has one and it loaded. */
export function modelFor(piece: Pick<ResolvedPiece, 'modelUrl'>, models: ModelLookup | undefined): ModelTemplate | null {
  return piece.modelUrl ? (models?.get(piece.modelUrl) ?? null) : null;
}

/**
 * Everything one piece is drawn with: its model's meshes scaled to the product's true size, or
 * its procedural parts while the model loads, when it failed, or when there is none.
 */
export function pieceEntries(piece: ResolvedPiece, models?: ModelLookup): PieceEntry[] {
  const model = modelFor(piece, models);
  if (model) {
    const fit = fitToSize(piece);
    const main = new Color(piece.palette?.main ?? CATEGORY_DEFAULT[piece.category]);
    return model.parts.map((part, index) => ({
      key: `model:${model.url}#${index}`,
      source: { kind: 'model', url: model.url, part },
      local: new Matrix4().multiplyMatrices(fit, part.matrix),
      colour: part.colour ?? main,
    }));
  }
  return piece.parts.map((part) => ({ key: `${part.shape}:${part.finish}`, source: { kind: 'part', shape: part.shape, finish: part.finish }, local: partMatrix(part), colour: new Color(part.colour) }));
}

export function batchPieces(pieces: readonly ResolvedPiece[], models?: ModelLookup): InstanceBatch[] {
  const groups = new Map<string, { source: BatchSource; entries: { local: Matrix4; colour: Color; itemId: string; piece: number }[] }>();
  const worlds: Matrix4[] = [];
  pieces.forEach((piece, index) => {
    worlds.push(pieceMatrix(piece));
    for (const entry of pieceEntries(piece, models)) {
      let group = groups.get(entry.key);
      if (!group) {
        group = { source: entry.source, entries: [] };
        groups.set(entry.key, group);
      }
      group.entries.push({ local: entry.local, colour: entry.colour, itemId: piece.itemId, piece: index });
    }
  });
  const world = new Matrix4();
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => {
      const count = group.entries.length;
      const matrices = new Float32Array(count * 16);
      const locals = new Float32Array(count * 16);
      const colours = new Float32Array(count * 3);
      const ranges = new Map<string, [number, number]>();
      group.entries.forEach((entry, index) => {
        entry.local.toArray(locals, index * 16);
        world.multiplyMatrices(worlds[entry.piece]!, entry.local).toArray(matrices, index * 16);
        colours.set([entry.colour.r, entry.colour.g, entry.colour.b], index * 3);
        const range = ranges.get(entry.itemId);
        if (range) range[1]++;
        else ranges.set(entry.itemId, [index, 1]);
      });
      return { key, source: group.source, count, matrices, locals, colours, itemIds: group.entries.map((entry) => entry.itemId), ranges };
    });
}

const scratchWorld = new Matrix4();
const scratchLocal = new Matrix4();
const scratchOut = new Matrix4();

/**
 * Writes one item's instance matrices for a new placement into `target` (a batch's matrices or
 * the live instance buffer) and returns the range written, or null when the batch lacks the item.
 */
export function placeItem(batch: InstanceBatch, itemId: string, placement: Placement, target: Float32Array): readonly [number, number] | null {
  const range = batch.ranges.get(itemId);
  if (!range) return null;
  pieceMatrix(placement, scratchWorld);
  for (let i = range[0]; i < range[0] + range[1]; i++) {
    scratchLocal.fromArray(batch.locals, i * 16);
    scratchOut.multiplyMatrices(scratchWorld, scratchLocal).toArray(target, i * 16);
  }
  return range;
}
