/**
 * [Room] The placement editor inside the 3D view: pick a piece (raycast on the instanced
 * furniture, instanceId → item id), drag it on the floor with snapping, measure on the floor,
 * and draw the selection (outline, size, distances to the walls), the warnings (a red or amber
 * outline on the floor) and the measurement.
 *
 * A drag never sets React state per move: the pointermove handler snaps and publishes the
 * preview (editor/dragPreview.ts); the furniture's `previewPlacement` rewrites that piece's
 * instance matrices and asks for one frame. The document is written once, on drop.
 */
import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Group} from 'three';
import { BoxGeometry, BufferAttribute, BufferGeometry, EdgesGeometry, LineBasicMaterial, LineSegments, Matrix4, Plane, Raycaster, Vector2, Vector3, type Object3D } from 'three';
import { footprintOf, type RoomPiece, type RoomWarning } from '../../core/geometry/index.ts';
import type { PlanPoint } from '../../core/room.ts';
import type { EditorController } from '../editor/controller.ts';
import { selectionDimensions } from '../editor/dimensions.ts';
import { createDragSession, trackDrag } from '../editor/dragSession.ts';
import { subscribeDragPreview, type DragPreview } from '../editor/dragPreview.ts';
import { editorStore, useEditor } from '../editor/editorStore.ts';
import { isWallHung } from '../editor/placement.ts';
import type { Severity } from '../editor/warnings.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import type { FurnitureHandle } from './FurnitureBatches.tsx';
import { firstItemHit } from './furniture/picking.ts';
import { pieceMatrix } from './furniture/instancing.ts';
import { mmToMetres } from './plan.ts';

/** Plan point under a client (CSS pixel) point, on the horizontal plane at `heightMm`. */
export type FloorPicker = (clientX: number, clientY: number, heightMm?: number) => PlanPoint | null;
/** The placed item under a client point (the nearest hit), or null. */
export type ItemPicker = (clientX: number, clientY: number) => string | null;

export interface EditorLayerProps {
  readonly controller: EditorController | null;
  readonly pieces: readonly RoomPiece[];
  readonly outline: readonly PlanPoint[];
  readonly severity: ReadonlyMap<string, Severity>;
  readonly warnings: readonly RoomWarning[];
  readonly furniture: RefObject<FurnitureHandle | null>;
  /** Filled with the floor picker, for drops from the catalog onto the view. */
  readonly picker: { current: FloorPicker | null };
  /** Filled with the item picker (a product dropped onto a placed piece, for example). */
  readonly itemPicker?: { current: ItemPicker | null };
  /** OrbitControls, turned off while a piece is dragged. */
  readonly controls: RefObject<{ enabled: boolean } | null>;
}

const CLICK_PX = 4;
const SELECTION_COLOUR = '#2f6fdf';
const SEVERITY_COLOUR: Record<Severity, string> = { error: '#d9342b', warning: '#e39b1b' };

export function EditorLayer({ controller, pieces, outline, severity, warnings, furniture, picker, itemPicker, controls }: EditorLayerProps) {
  const get = useThree((state) => state.get);
  const canvas = useThree((state) => state.gl.domElement);
  const itemPick = useRef<ItemPicker | null>(null);
  const latest = useRef({ controller, pieces, outline });
  latest.current = { controller, pieces, outline };

  // The floor picker: a ray from the camera through the pointer, cut by a horizontal plane.
  useEffect(() => {
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const plane = new Plane(new Vector3(0, 1, 0), 0);
    const hit = new Vector3();
    const pick: FloorPicker = (clientX, clientY, heightMm = 0) => {
      const rect = canvas.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, get().camera);
      plane.constant = -mmToMetres(heightMm);
      if (!raycaster.ray.intersectPlane(plane, hit)) return null;
      return { x: hit.x * 1000, y: hit.z * 1000 };
    };
    const pickItem: ItemPicker = (clientX, clientY) => {
      const furnitureGroup = get().scene.getObjectByName('furniture');
      if (!furnitureGroup) return null;
      const rect = canvas.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, get().camera);
      const hits = raycaster.intersectObject(furnitureGroup, true).filter((h) => visibleInScene(h.object));
      const found = firstItemHit(hits);
      return found ? (furniture.current?.itemAt(found.hit) ?? found.itemId) : null;
    };
    picker.current = pick;
    itemPick.current = pickItem;
    if (itemPicker) itemPicker.current = pickItem;
    return () => {
      if (picker.current === pick) picker.current = null;
      if (itemPicker?.current === pickItem) itemPicker.current = null;
    };
  }, [canvas, get, picker, itemPicker, furniture]);

  // Every preview (from this view or the plan) moves the piece's instances.
  useEffect(
    () =>
      subscribeDragPreview((preview) => {
        if (preview) furniture.current?.previewPlacement(preview.itemId, { ...preview.placement, elevationMm: preview.elevationMm });
      }),
    [furniture],
  );

  // Pointer handling in the capture phase on the view's element: a press on a piece never
  // reaches the orbit controls, a press on empty floor orbits as before.
  useEffect(() => {
    const host = (canvas.closest('.viewport') as HTMLElement | null) ?? canvas.parentElement;
    if (!host) return;
    let pendingClick: { x: number; y: number } | null = null;

    const onPointerDown = (event: PointerEvent) => {
      if (event.button !== 0 || event.target !== canvas) return;
      const state = editorStore.getState();
      const { controller: editor, pieces: current, outline: room } = latest.current;
      if (state.tool === 'measure') {
        const point = picker.current?.(event.clientX, event.clientY);
        if (point) state.measurePoint({ x: Math.round(point.x), y: Math.round(point.y) });
        event.stopPropagation();
        return;
      }
      const itemId = itemPick.current?.(event.clientX, event.clientY) ?? null;
      if (!itemId) {
        pendingClick = { x: event.clientX, y: event.clientY };
        return;
      }
      event.stopPropagation();
      event.preventDefault();
      state.select(itemId);
      const piece = current.find((candidate) => candidate.id === itemId);
      if (!editor?.canEdit() || !piece) return;
      const planeHeight = isWallHung(piece.category) ? (piece.elevationMm ?? 0) + piece.heightMm / 2 : 0;
      const grab = picker.current?.(event.clientX, event.clientY, planeHeight);
      if (!grab) return;
      startDrag(event, editor, piece, current, room, grab, planeHeight);
    };

    const startDrag = (down: PointerEvent, editor: EditorController, piece: RoomPiece, current: readonly RoomPiece[], room: readonly PlanPoint[], grab: PlanPoint, planeHeight: number) => {
      const drag = trackDrag(createDragSession({ outline: room, piece, others: current, grab }), piece.elevationMm ?? 0, editor.place);
      if (controls.current) controls.current.enabled = false;
      host.setPointerCapture(down.pointerId);
      canvas.style.cursor = 'grabbing';
      const onMove = (event: PointerEvent) => {
        if (event.pointerId === down.pointerId) drag.move(picker.current?.(event.clientX, event.clientY, planeHeight) ?? null, event.altKey || event.shiftKey);
      };
      const finish = (event: PointerEvent, commit: boolean) => {
        if (event.pointerId !== down.pointerId) return;
        host.removeEventListener('pointermove', onMove);
        host.removeEventListener('pointerup', onUp);
        host.removeEventListener('pointercancel', onCancel);
        if (host.hasPointerCapture(down.pointerId)) host.releasePointerCapture(down.pointerId);
        if (controls.current) controls.current.enabled = true;
        canvas.style.cursor = 'grab';
        drag.end(commit);
      };
      const onUp = (event: PointerEvent) => finish(event, true);
      const onCancel = (event: PointerEvent) => finish(event, false);
      host.addEventListener('pointermove', onMove);
      host.addEventListener('pointerup', onUp);
      host.addEventListener('pointercancel', onCancel);
    };

    // A click (not an orbit) on empty floor clears the selection.
    const onPointerUp = (event: PointerEvent) => {
      if (!pendingClick) return;
      const moved = Math.hypot(event.clientX - pendingClick.x, event.clientY - pendingClick.y);
      pendingClick = null;
      if (moved <= CLICK_PX) editorStore.getState().select(null);
    };

    // The cursor says what a press would do: grab a piece, measure, or orbit. One pick per frame at most.
    let hoverFrame = 0;
    let hoverAt: { x: number; y: number } | null = null;
    const onHover = (event: PointerEvent) => {
      if (event.buttons !== 0 || event.target !== canvas) return;
      hoverAt = { x: event.clientX, y: event.clientY };
      if (hoverFrame) return;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        if (!hoverAt || editorStore.getState().draggingId) return;
        const measuring = editorStore.getState().tool === 'measure';
        const over = measuring ? null : itemPick.current?.(hoverAt.x, hoverAt.y);
        canvas.style.cursor = measuring ? 'crosshair' : over ? (latest.current.controller?.canEdit() ? 'grab' : 'pointer') : '';
      });
    };

    host.addEventListener('pointerdown', onPointerDown, { capture: true });
    host.addEventListener('pointerup', onPointerUp);
    host.addEventListener('pointermove', onHover);
    return () => {
      host.removeEventListener('pointerdown', onPointerDown, { capture: true });
      host.removeEventListener('pointerup', onPointerUp);
      host.removeEventListener('pointermove', onHover);
      cancelAnimationFrame(hoverFrame);
    };
  }, [canvas, picker, controls]);

  return (
    <group name="editor-overlay">
      <WarningOutlines pieces={pieces} severity={severity} />
      <SelectionOverlay pieces={pieces} outline={outline} />
      <MeasureOverlay />
      <WarningCount count={warnings.length} />
    </group>
  );
}

/** A hung piece on a cut-away wall is hidden: it cannot be picked through the gap. */
function visibleInScene(object: Object3D): boolean {
  for (let node: Object3D | null = object; node; node = node.parent) if (!node.visible) return false;
  return true;
}

/** The canvas carries the number of warnings drawn, for tests. */
function WarningCount({ count }: { readonly count: number }) {
  const canvas = useThree((state) => state.gl.domElement);
  useEffect(() => {
    canvas.dataset.warnings = String(count);
  }, [canvas, count]);
  return null;
}

const FLOOR_LIFT_M = 0.012;
/**
 * [Options] One material for every warning outline set, never disposed: a new material per
 * change released its program with the old one, so each swap that changed a warning compiled
 * the line shader again (hundreds of ms under software GL).
 */
const warningMaterial = new LineBasicMaterial({ vertexColors: true, depthTest: false, transparent: true });

/** One line set for every flagged piece: its footprint on the floor (or at its height), red or amber. */
function WarningOutlines({ pieces, severity }: { readonly pieces: readonly RoomPiece[]; readonly severity: ReadonlyMap<string, Severity> }) {
  const invalidate = useThree((state) => state.invalidate);
  const lines = useMemo(() => {
    const flagged = pieces.filter((piece) => severity.has(piece.id));
    const positions = new Float32Array(flagged.length * 8 * 3);
    const colours = new Float32Array(flagged.length * 8 * 3);
    const colour = new Vector3();
    flagged.forEach((piece, i) => {
      const corners = footprintOf(piece, piece).corners;
      const y = mmToMetres(piece.elevationMm ?? 0) + FLOOR_LIFT_M;
      const hex = SEVERITY_COLOUR[severity.get(piece.id)!];
      colour.set(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
      for (let e = 0; e < 4; e++) {
        const a = corners[e]!;
        const b = corners[(e + 1) % 4]!;
        positions.set([mmToMetres(a.x), y, mmToMetres(a.y), mmToMetres(b.x), y, mmToMetres(b.y)], (i * 8 + e * 2) * 3);
        colours.set([colour.x, colour.y, colour.z, colour.x, colour.y, colour.z], (i * 8 + e * 2) * 3);
      }
    });
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setAttribute('color', new BufferAttribute(colours, 3));
    const object = new LineSegments(geometry, warningMaterial);
    object.renderOrder = 3;
    object.name = 'warning-outlines';
    object.userData = { itemIds: flagged.map((piece) => piece.id) };
    return object;
  }, [pieces, severity]);
  useEffect(() => {
    invalidate();
    return () => {
      // Only the geometry: the material is shared, so its shader program is never compiled again.
      lines.geometry.dispose();
    };
  }, [lines, invalidate]);
  return <primitive object={lines} />;
}

const unitEdges = new EdgesGeometry(new BoxGeometry(1, 1, 1));
const selectionMaterial = new LineBasicMaterial({ color: SELECTION_COLOUR, depthTest: false, transparent: true });
const MARGIN_MM = 40;

/** The selected piece: a box round it (following a drag), its size, and its distances to the walls. */
function SelectionOverlay({ pieces, outline }: { readonly pieces: readonly RoomPiece[]; readonly outline: readonly PlanPoint[] }) {
  const selectedId = useEditor((state) => state.selectedId);
  const dragging = useEditor((state) => state.draggingId !== null);
  const invalidate = useThree((state) => state.invalidate);
  const format = useFormatters();
  const piece = selectedId ? (pieces.find((candidate) => candidate.id === selectedId) ?? null) : null;
  const box = useRef<Group>(null);

  const place = (target: Group, placement: { xMm: number; yMm: number; rotationDeg: number; elevationMm: number }, p: RoomPiece) => {
    target.matrixAutoUpdate = false;
    target.matrix
      .copy(pieceMatrix(placement))
      .multiply(new Matrix4().makeTranslation(0, mmToMetres(p.heightMm) / 2, 0))
      .multiply(new Matrix4().makeScale(mmToMetres(p.widthMm + MARGIN_MM), mmToMetres(p.heightMm + MARGIN_MM), mmToMetres(p.depthMm + MARGIN_MM)));
    target.matrixWorldNeedsUpdate = true;
  };

  useEffect(() => {
    if (box.current && piece) place(box.current, { xMm: piece.xMm, yMm: piece.yMm, rotationDeg: piece.rotationDeg, elevationMm: piece.elevationMm ?? 0 }, piece);
    invalidate();
  }, [piece, invalidate]);

  useEffect(() => {
    if (!piece) return;
    return subscribeDragPreview((preview: DragPreview | null) => {
      if (preview?.itemId === piece.id && box.current) place(box.current, { ...preview.placement, elevationMm: preview.elevationMm }, piece);
    });
  }, [piece]);

  const dims = useMemo(() => (piece ? selectionDimensions(footprintOf(piece, piece), outline) : null), [piece, outline]);
  if (!piece) return null;
  const lift = mmToMetres(piece.elevationMm ?? 0) + FLOOR_LIFT_M;
  return (
    <group name="selection">
      <group ref={box}>
        <lineSegments geometry={unitEdges} material={selectionMaterial} renderOrder={4} />
      </group>
      {dims && !dragging ? (
        <>
          <Html position={[mmToMetres(piece.xMm), mmToMetres((piece.elevationMm ?? 0) + piece.heightMm) + 0.15, mmToMetres(piece.yMm)]} center zIndexRange={[20, 0]}>
            <div className="scene-label scene-label--selection" data-testid="selection-size">
              {format.length(piece.widthMm)} × {format.length(piece.depthMm)} × {format.length(piece.heightMm)}
            </div>
          </Html>
          {dims.walls.map((line) => (
            <FloorDimension key={line.side} from={line.from} to={line.to} y={lift} label={format.length(Math.round(line.lengthMm))} testId={`wall-distance-${line.side}`} />
          ))}
        </>
      ) : null}
    </group>
  );
}

function FloorDimension({ from, to, y, label, testId }: { readonly from: PlanPoint; readonly to: PlanPoint; readonly y: number; readonly label: string; readonly testId?: string }) {
  const geometry = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array([mmToMetres(from.x), y, mmToMetres(from.y), mmToMetres(to.x), y, mmToMetres(to.y)]), 3));
    return g;
  }, [from, to, y]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <>
      <lineSegments geometry={geometry} material={selectionMaterial} renderOrder={4} />
      <Html position={[mmToMetres((from.x + to.x) / 2), y, mmToMetres((from.y + to.y) / 2)]} center zIndexRange={[20, 0]}>
        <div className="scene-label" data-testid={testId}>
          {label}
        </div>
      </Html>
    </>
  );
}

/** The measure tool's line between its two points, with the distance in the person's units. */
function MeasureOverlay() {
  const measure = useEditor((state) => state.measure);
  const tool = useEditor((state) => state.tool);
  const format = useFormatters();
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => invalidate(), [measure, tool, invalidate]);
  if (tool !== 'measure' || !measure.a) return null;
  const b = measure.b ?? measure.a;
  return <FloorDimension from={measure.a} to={b} y={FLOOR_LIFT_M} label={measure.b ? format.length(Math.round(Math.hypot(b.x - measure.a.x, b.y - measure.a.y))) : '·'} testId="measure-3d" />;
}
