import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import { InstancedBufferAttribute, InstancedMesh, Matrix4, MeshStandardMaterial, Sphere, Vector3, type BufferGeometry, type Material, type Object3D } from 'three';
import type { PlanPoint } from '../../core/room.ts';
import { useCutaway } from './Cutaway.tsx';
import { groupByHostWall, isWallCut } from './cutaway.ts';
import { batchPieces, pieceEntries, pieceMatrix, placeItem, type BatchSource, type InstanceBatch, type ModelLookup, type Placement } from './furniture/instancing.ts';
import { itemIdOfHit, type FurnitureHit } from './furniture/picking.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { contactShadowResources, finishMaterial, partGeometry } from './materials.ts';
import { contactShadows, shadowMatrix } from './contactShadows.ts';
import { noteFurnitureCommit, noteFurnitureMounted } from './furnitureCommits.ts';
import { useModels } from './models/useModels.ts';
import { planRotationToWorldY, mmToMetres, wallFrames } from './plan.ts';

const params = typeof location === 'undefined' ? null : new URLSearchParams(location.search);
/** `?bench=1`: read-only figures for bench/room.ts on `window.__atelierScene` (see BenchProbe). */
const BENCH = params?.get('bench') === '1';
/**
 * `?bench=1&naive=1`, read once at startup: the comparison build for the benchmark — the same
 * scene with one Mesh (and material) per part per piece, no instancing. Never used otherwise.
 */
const NAIVE = BENCH && params?.get('naive') === '1';

/**
 * What the editor may do with the furniture without re-rendering React (pass a ref):
 * - `itemAt(hit)`: the placed item a ray hit — a react-three-fiber pointer event or a Raycaster
 *   intersection (`object` + `instanceId`); null for walls, floor, shadows (same as
 *   `itemIdOfHit` in furniture/picking.ts).
 * - `previewPlacement(itemId, placement)`: draws one item at a new position/rotation/elevation
 *   while it is dragged — rewrites only that item's instance matrices and its contact shadow and
 *   asks for one frame. Commit the final placement as new `pieces` when the drag ends.
 */
export interface FurnitureHandle {
  itemAt(hit: FurnitureHit): string | null;
  previewPlacement(itemId: string, placement: Placement): void;
}

/** A drawn batch, and which of its instances hang on which wall: [instance index, wall index]. */
interface LiveBatch {
  readonly batch: InstanceBatch;
  readonly mesh: InstancedMesh;
  readonly hung: readonly (readonly [number, number])[];
}

interface Live {
  readonly batches: Set<LiveBatch>;
  /** Bit w set: wall w is cut away, and what hangs on it is hidden (zero-scale instances). */
  cutMask: number;
  /** Naive build: each piece's group. */
  readonly groups: Map<string, Object3D>;
  shadows: { mesh: InstancedMesh; index: ReadonlyMap<string, number>; lifts: readonly number[] } | null;
  pieces: ReadonlyMap<string, ResolvedPiece>;
}

/**
 * All furniture: pieces with a loaded glTF model as one instanced mesh per model mesh, the rest
 * as procedural parts, one instanced mesh per part shape and finish; what hangs on a wall is
 * batched per wall, so it disappears with a cut-away wall. Every standing piece gets a soft
 * contact shadow (one instanced mesh).
 */
export function FurnitureBatches({ pieces, outline, ref }: { readonly pieces: readonly ResolvedPiece[]; readonly outline: readonly PlanPoint[]; readonly ref?: Ref<FurnitureHandle> }) {
  const cutaway = useCutaway();
  const invalidate = useThree((state) => state.invalidate);
  const canvas = useThree((state) => state.gl.domElement);
  const urls = useMemo(() => pieces.map((piece) => piece.modelUrl), [pieces]);
  const { models, pending } = useModels(urls);
  const groups = useMemo(() => {
    const { floor, walls } = groupByHostWall(pieces, outline);
    return { floor, walls: [...walls.entries()], shadows: contactShadows(floor) };
  }, [pieces, outline]);
  // Instanced: standing and hung pieces share batches; a hung piece's instances are hidden with its wall (see CutHung).
  const batches = useMemo(() => (NAIVE ? null : batchPieces(pieces, models)), [pieces, models]);
  const hostWall = useMemo(() => new Map(groups.walls.flatMap(([wallIndex, hung]) => hung.map((piece) => [piece.itemId, wallIndex] as const))), [groups]);

  const live = useRef<Live>({ batches: new Set(), cutMask: 0, groups: new Map(), shadows: null, pieces: new Map() }).current;
  useLayoutEffect(() => {
    live.pieces = new Map(pieces.map((piece) => [piece.itemId, piece]));
    // [Options] After the batches' own layout effects: these pieces are in the scene now.
    noteFurnitureCommit();
  }, [live, pieces]);
  useLayoutEffect(noteFurnitureMounted, []);
  // Tests and the benchmark wait for models before judging what is drawn.
  useEffect(() => {
    canvas.dataset.modelsPending = String(pending);
  }, [canvas, pending]);
  // A model that arrives swaps the procedural stand-in: one new frame.
  useEffect(() => invalidate(), [invalidate, models]);

  useImperativeHandle(ref, () => ({ itemAt: itemIdOfHit, previewPlacement: (itemId, placement) => previewPlacement(live, itemId, placement, invalidate) }), [live, invalidate]);

  const naive = (list: readonly ResolvedPiece[]) => list.map((piece) => <NaivePiece key={piece.itemId} piece={piece} models={models} live={live} />);

  return (
    <group name="furniture">
      <ContactShadows shadows={groups.shadows} live={live} />
      {batches ? (
        <>
          {batches.map((batch) => (
            <Batch key={batch.key} batch={batch} hostWall={hostWall} live={live} />
          ))}
          <CutHung outline={outline} live={live} />
        </>
      ) : (
        <>
          {naive(groups.floor)}
          {groups.walls.map(([wallIndex, hung]) => (
            <group key={wallIndex} ref={cutaway.ref(wallIndex, 'full')} name={`hung-on-wall-${wallIndex}`}>
              {naive(hung)}
            </group>
          ))}
        </>
      )}
      {BENCH ? <BenchProbe pieces={pieces.length} pending={pending} live={live} /> : null}
    </group>
  );
}

const scratchSphere = new Sphere();
const scratchMatrix = new Matrix4();

function previewPlacement(live: Live, itemId: string, placement: Placement, invalidate: () => void): void {
  for (const { batch, mesh, hung } of live.batches) {
    const array = mesh.instanceMatrix.array as Float32Array;
    const range = batch.ranges.get(itemId);
    // A piece on a cut-away wall stays hidden while it moves.
    if (!range || hung.some(([index, wall]) => index === range[0] && live.cutMask & (1 << wall))) continue;
    placeItem(batch, itemId, placement, array);
    mesh.instanceMatrix.addUpdateRange(range[0] * 16, range[1] * 16);
    mesh.instanceMatrix.needsUpdate = true;
    // Grow the culling/picking sphere to wherever the piece went; it is recomputed on commit.
    const geometry = mesh.geometry;
    if (!geometry.boundingSphere) geometry.computeBoundingSphere();
    for (let i = range[0]; i < range[0] + range[1]; i++) {
      scratchSphere.copy(geometry.boundingSphere!).applyMatrix4(scratchMatrix.fromArray(array, i * 16));
      mesh.boundingSphere?.union(scratchSphere);
    }
  }
  const group = live.groups.get(itemId);
  if (group) {
    group.position.set(mmToMetres(placement.xMm), mmToMetres(placement.elevationMm), mmToMetres(placement.yMm));
    group.rotation.set(0, planRotationToWorldY(placement.rotationDeg), 0);
  }
  const piece = live.pieces.get(itemId);
  const shadows = live.shadows;
  const index = shadows?.index.get(itemId);
  if (piece && shadows && index !== undefined) {
    shadows.mesh.setMatrixAt(index, shadowMatrix({ ...piece, ...placement }, shadows.lifts[index] ?? 0, scratchMatrix));
    shadows.mesh.instanceMatrix.addUpdateRange(index * 16, 16);
    shadows.mesh.instanceMatrix.needsUpdate = true;
    shadows.mesh.computeBoundingSphere();
  }
  invalidate();
}

function resourcesOf(source: BatchSource): { geometry: BufferGeometry; material: Material } {
  return source.kind === 'part' ? { geometry: partGeometry(source.shape), material: finishMaterial(source.finish) } : { geometry: source.part.geometry, material: source.part.material };
}

/** Instance buffers grow in powers of two, so moving or adding a piece reuses the mesh. */
const capacityFor = (count: number) => 2 ** Math.ceil(Math.log2(Math.max(count, 1)));

function Batch({ batch, hostWall, live }: { readonly batch: InstanceBatch; readonly hostWall: ReadonlyMap<string, number>; readonly live: Live }) {
  const invalidate = useThree((state) => state.invalidate);
  const { geometry, material } = resourcesOf(batch.source);
  const capacity = capacityFor(batch.count);
  // Built imperatively, with instance colours, so the shader is compiled for them from the first frame.
  const mesh = useMemo(() => {
    const instanced = new InstancedMesh(geometry, material, capacity);
    instanced.instanceColor = new InstancedBufferAttribute(new Float32Array(capacity * 3), 3);
    return instanced;
  }, [geometry, material, capacity]);
  useLayoutEffect(() => {
    (mesh.instanceMatrix.array as Float32Array).set(batch.matrices);
    mesh.instanceMatrix.clearUpdateRanges();
    mesh.instanceMatrix.needsUpdate = true;
    (mesh.instanceColor!.array as Float32Array).set(batch.colours);
    mesh.instanceColor!.needsUpdate = true;
    mesh.count = batch.count;
    mesh.computeBoundingSphere();
    mesh.name = `furniture:${batch.key}`;
    mesh.userData = { itemIds: batch.itemIds };
    const hung: [number, number][] = [];
    batch.itemIds.forEach((id, index) => {
      const wall = hostWall.get(id);
      if (wall !== undefined) hung.push([index, wall]);
    });
    const entry = { batch, mesh, hung };
    applyCut(entry, live.cutMask, 0);
    live.batches.add(entry);
    invalidate();
    return () => void live.batches.delete(entry);
  }, [mesh, batch, hostWall, live, invalidate]);
  // Shared geometry and material stay; only this mesh's instance buffers go.
  useEffect(() => () => mesh.dispose(), [mesh]);
  return <primitive object={mesh} />;
}

const ZERO = new Float32Array(16);

/** Hides (zero scale) or restores the hung instances whose wall's cut state differs between two masks. */
function applyCut({ batch, mesh, hung }: LiveBatch, mask: number, previous: number): boolean {
  let changed = false;
  const array = mesh.instanceMatrix.array as Float32Array;
  for (const [index, wall] of hung) {
    const bit = 1 << wall;
    if ((mask & bit) === (previous & bit)) continue;
    if (mask & bit) array.set(ZERO, index * 16);
    else array.set(batch.matrices.subarray(index * 16, index * 16 + 16), index * 16);
    changed = true;
  }
  if (changed) {
    mesh.instanceMatrix.clearUpdateRanges();
    mesh.instanceMatrix.needsUpdate = true;
  }
  return changed;
}

/**
 * Whatever hangs on a wall disappears with it when the cut-away drops that wall (as <Cutaway>
 * does for the wall itself), without a draw call per wall: each frame compares which walls are
 * cut, and only when that changes rewrites the affected instances. Runs before the frame renders.
 */
function CutHung({ outline, live }: { readonly outline: readonly PlanPoint[]; readonly live: Live }) {
  const walls = useMemo(() => wallFrames(outline), [outline]);
  useFrame(({ camera }) => {
    const eye = { x: camera.position.x * 1000, y: camera.position.z * 1000 };
    let mask = 0;
    walls.forEach((wall, index) => {
      if (isWallCut(wall, eye)) mask |= 1 << index;
    });
    if (mask === live.cutMask) return;
    for (const entry of live.batches) applyCut(entry, mask, live.cutMask);
    live.cutMask = mask;
  });
  return null;
}

/** The naive comparison build (`?bench=1&naive=1`): a group per piece, a mesh and material per part. */
function NaivePiece({ piece, models, live }: { readonly piece: ResolvedPiece; readonly models: ModelLookup; readonly live: Live }) {
  const entries = useMemo(() => pieceEntries(piece, models), [piece, models]);
  const materials = useMemo(
    () =>
      entries.map((entry) => {
        const material = resourcesOf(entry.source).material.clone();
        if (material instanceof MeshStandardMaterial) material.color.copy(entry.colour);
        return material;
      }),
    [entries],
  );
  useEffect(() => () => materials.forEach((material) => material.dispose()), [materials]);
  const register = (group: Object3D | null) => {
    if (!group) return;
    live.groups.set(piece.itemId, group);
    return () => void live.groups.delete(piece.itemId);
  };
  const world = pieceMatrix(piece);
  const position = new Vector3().setFromMatrixPosition(world);
  return (
    <group ref={register} position={position} rotation={[0, planRotationToWorldY(piece.rotationDeg), 0]} userData={{ itemId: piece.itemId }}>
      {entries.map((entry, index) => (
        <mesh key={index} geometry={resourcesOf(entry.source).geometry} material={materials[index]} matrixAutoUpdate={false} matrix={entry.local} />
      ))}
    </group>
  );
}

/** Every floor piece's soft shadow in one instanced mesh (one mesh per piece in the naive build). */
function ContactShadows({ shadows, live }: { readonly shadows: ReturnType<typeof contactShadows>; readonly live: Live }) {
  const invalidate = useThree((state) => state.invalidate);
  const capacity = NAIVE ? 0 : capacityFor(shadows.itemIds.length);
  const mesh = useMemo(() => {
    if (NAIVE) return null;
    const { geometry, material } = contactShadowResources();
    const instanced = new InstancedMesh(geometry, material, capacity);
    instanced.name = 'contact-shadows';
    // Drawn before the (transparent) glass and after the floor, without writing depth.
    instanced.renderOrder = 1;
    return instanced;
  }, [capacity]);
  useLayoutEffect(() => {
    if (!mesh) return;
    (mesh.instanceMatrix.array as Float32Array).set(shadows.matrices);
    mesh.instanceMatrix.clearUpdateRanges();
    mesh.instanceMatrix.needsUpdate = true;
    mesh.count = shadows.itemIds.length;
    mesh.computeBoundingSphere();
    live.shadows = { mesh, index: new Map(shadows.itemIds.map((id, index) => [id, index])), lifts: shadows.lifts };
    invalidate();
    return () => {
      live.shadows = null;
    };
  }, [mesh, shadows, live, invalidate]);
  useEffect(() => () => mesh?.dispose(), [mesh]);
  if (!mesh) return <NaiveShadows matrices={shadows.matrices} />;
  return <primitive object={mesh} />;
}

function NaiveShadows({ matrices }: { readonly matrices: Float32Array }) {
  const { geometry, material } = contactShadowResources();
  const list = useMemo(() => Array.from({ length: matrices.length / 16 }, (_, i) => new Matrix4().fromArray(matrices, i * 16)), [matrices]);
  return list.map((matrix, index) => <mesh key={index} geometry={geometry} material={material} matrixAutoUpdate={false} matrix={matrix} renderOrder={1} />);
}

/** What bench/room.ts reads and drives; exists only with `?bench=1`. */
export interface SceneBenchProbe {
  readonly naive: boolean;
  readonly pieces: number;
  readonly modelsPending: number;
  /** Renders one frame now and returns renderer.info for it. */
  measure(): { drawCalls: number; triangles: number };
  /** Turns the camera about the orbit target by `degrees` per animation frame for `frames` frames. */
  orbit(frames: number, degrees: number): Promise<void>;
  /** The client (CSS pixel) point over the middle of a placed item, or null when it is off screen. */
  screenPoint(itemId: string): { x: number; y: number } | null;
}

function BenchProbe({ pieces, pending, live }: { readonly pieces: number; readonly pending: number; readonly live: Live }) {
  const get = useThree((state) => state.get);
  useEffect(() => {
    const probe: SceneBenchProbe = {
      naive: NAIVE,
      pieces,
      modelsPending: pending,
      measure() {
        const { gl, scene, camera } = get();
        gl.render(scene, camera);
        return { drawCalls: gl.info.render.calls, triangles: gl.info.render.triangles };
      },
      orbit(frames, degrees) {
        return new Promise((done) => {
          let left = frames;
          const step = () => {
            const { camera, controls, invalidate } = get();
            const target = (controls as unknown as { target?: Vector3; update?: () => void } | null)?.target ?? new Vector3();
            const offset = camera.position.clone().sub(target).applyAxisAngle(new Vector3(0, 1, 0), (degrees * Math.PI) / 180);
            camera.position.copy(target).add(offset);
            camera.lookAt(target);
            (controls as unknown as { update?: () => void } | null)?.update?.();
            invalidate();
            if (--left > 0) requestAnimationFrame(step);
            else requestAnimationFrame(() => done());
          };
          requestAnimationFrame(step);
        });
      },
      screenPoint(itemId) {
        const piece = live.pieces.get(itemId);
        if (!piece) return null;
        const { camera, gl } = get();
        const ndc = new Vector3(mmToMetres(piece.xMm), mmToMetres(piece.elevationMm + piece.heightMm * 0.6), mmToMetres(piece.yMm)).project(camera);
        if (Math.abs(ndc.x) > 1 || Math.abs(ndc.y) > 1) return null;
        const rect = gl.domElement.getBoundingClientRect();
        return { x: rect.left + ((ndc.x + 1) / 2) * rect.width, y: rect.top + ((1 - ndc.y) / 2) * rect.height };
      },
    };
    (window as unknown as { __atelierScene?: SceneBenchProbe }).__atelierScene = Object.freeze(probe);
  }, [get, pieces, pending, live]);
  return null;
}
