import { OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ComponentRef, type DragEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { NeutralToneMapping } from 'three';
import type { Room } from '../api/types.ts';
import { selectScheme, useAppStore } from '../state/store.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { Button } from '../ui/Button.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Recenter } from '../ui/Icons.tsx';
import { initialView, maxDistanceFor } from './camera.ts';
import { CameraPresets } from './CameraPresets.tsx';
import { Cutaway } from './Cutaway.tsx';
import { FurnitureBatches, type FurnitureHandle } from './FurnitureBatches.tsx';
import { EditorLayer, type FloorPicker, type ItemPicker } from './EditorLayer.tsx';
import type { Product } from '../api/types.ts';
import type { RoomPiece, RoomWarning } from '../../core/geometry/index.ts';
import type { EditorController } from '../editor/controller.ts';
import { carriesProduct, readProductDragData } from '../editor/productDrag.ts';
import { isWallHung } from '../editor/placement.ts';
import type { Severity } from '../editor/warnings.ts';
import { primeProducts } from '../live/useProducts.ts';
import type { ResolvedPiece } from './furniture/pieces.ts';
import { planBounds } from './plan.ts';
import { RoomShell } from './RoomShell.tsx';
import { PresenceOverlay } from './PresenceOverlay.tsx';

/** drei's OrbitControls instance (three-stdlib's class, which is not a direct dependency). */
type OrbitControlsImpl = ComponentRef<typeof OrbitControls>;

const BACKGROUND = { light: '#e8e6e1', dark: '#1d1e20' } as const;

interface RoomViewProps {
  readonly room: Room;
  readonly pieces: readonly ResolvedPiece[];
  /** False while the option's pieces are still loading; tests wait for a settled, drawn view. */
  readonly settled: boolean;
  /** [Room] The placement editor: picking, dragging, dropping from the catalog, selection and warnings. */
  readonly editing?: RoomEditing | undefined;
}

export interface RoomEditing {
  readonly controller: EditorController | null;
  readonly pieces: readonly RoomPiece[];
  readonly severity: ReadonlyMap<string, Severity>;
  readonly warnings: readonly RoomWarning[];
  /**
   * A catalog product dropped onto a placed piece (the piece under the pointer). Return true when
   * handled (a swap, say); otherwise the product is added where it was dropped.
   */
  readonly onProductDroppedOnPiece?: (product: Product, itemId: string) => boolean;
}

/**
 * The room in 3D: a view, never a per-frame state machine. `frameloop="demand"` renders only
 * when something changes (orbiting, new data, a theme switch); an idle room costs nothing.
 */
export default function RoomView({ room, pieces, settled, editing }: RoomViewProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const scheme = useAppStore(selectScheme);
  const controls = useRef<OrbitControlsImpl>(null);
  const bounds = planBounds(room.outline);
  const view = useMemo(() => initialView(room.outline), [room.outline]);
  const maxDistance = useMemo(() => maxDistanceFor(room.outline), [room.outline]);
  const furniture = useRef<FurnitureHandle>(null);
  const picker = useRef<FloorPicker | null>(null);
  const itemPicker = useRef<ItemPicker | null>(null);
  const [dropping, setDropping] = useState(false);

  // A product dragged from the catalog lands where it is dropped on the floor (a wall piece, on the wall nearest).
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    // [Options] a customer may not place pieces but may swap one (onProductDroppedOnPiece).
    if (!(editing?.controller?.canEdit() || editing?.onProductDroppedOnPiece) || !carriesProduct(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    setDropping(false);
    const product = readProductDragData(event.dataTransfer);
    if (!editing?.controller || !product) return;
    event.preventDefault();
    primeProducts([product]);
    const onto = editing.onProductDroppedOnPiece ? itemPicker.current?.(event.clientX, event.clientY) : null;
    if (onto && editing.onProductDroppedOnPiece?.(product, onto)) return;
    const point = picker.current?.(event.clientX, event.clientY, isWallHung(product.category) ? 1500 : 0) ?? null;
    editing.controller.addProduct(product, point);
  };

  return (
    <div
      className={dropping ? 'viewport viewport--drop' : 'viewport'}
      data-testid="room-view"
      data-settled={settled ? 'true' : 'false'}
      data-pieces={pieces.length}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <ErrorBoundary fallback={<p className="viewport__unavailable">{t('scene.unavailable')}</p>}>
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          gl={{ preserveDrawingBuffer: true, antialias: true }}
          camera={{ fov: 40, near: 0.05, far: 200, position: [...view.position] }}
          onCreated={({ gl }) => {
            // Neutral keeps product colours true to their swatches (ACES shifts hues).
            gl.toneMapping = NeutralToneMapping;
          }}
          aria-label={t('scene.label', { room: room.name })}
          role="img"
        >
          <color attach="background" args={[BACKGROUND[scheme]]} />
          {/* Key light from the front right (the camera's side) lights the far and left walls; a weak fill from the left keeps the right wall from going flat. */}
          <hemisphereLight args={['#ffffff', '#d9d2c8', 1.25]} />
          <ambientLight intensity={0.35} />
          <directionalLight position={[view.target[0] + 4, 8, view.target[2] + 5]} intensity={1.5} />
          <directionalLight position={[view.target[0] - 6, 4, view.target[2] - 2]} intensity={0.45} />
          <Cutaway outline={room.outline}>
            <RoomShell room={room} />
            <FurnitureBatches ref={furniture} pieces={pieces} outline={room.outline} />
          </Cutaway>
          {/* The target is set by CameraFraming, not as a prop, so a re-render never snaps the view back. */}
          <OrbitControls ref={controls} makeDefault enableDamping={false} minDistance={1} maxDistance={maxDistance} maxPolarAngle={Math.PI / 2 - 0.06} />
          <CameraFraming position={view.position} target={view.target} controls={controls} />
          <PresenceOverlay pieces={pieces} />
          {editing ? <EditorLayer controller={editing.controller} pieces={editing.pieces} outline={room.outline} severity={editing.severity} warnings={editing.warnings} furniture={furniture} picker={picker} itemPicker={itemPicker} controls={controls} /> : null}
          <FrameProbe pieces={pieces.length} />
        </Canvas>
      </ErrorBoundary>
      <div className="viewport__badge">
        <span className="viewport__room">{room.name}</span>
        <span>{t('project.roomSize', { width: format.length(bounds.width), depth: format.length(bounds.depth) })}</span>
        <span>{t('project.ceiling', { height: format.length(room.ceilingHeightMm) })}</span>
      </div>
      <div className="viewport__tools">
        <CameraPresets controls={controls} room={room} />
        <Button size="sm" icon={<Recenter />} onClick={() => controls.current?.reset()}>
          {t('scene.resetView')}
        </Button>
      </div>
      <p className="viewport__hint">{t('scene.hint')}</p>
    </div>
  );
}

/** Puts the camera at the room's starting view when the room changes, and remembers it for "Reset view". */
function CameraFraming({ position, target, controls }: { readonly position: readonly [number, number, number]; readonly target: readonly [number, number, number]; readonly controls: RefObject<OrbitControlsImpl | null> }) {
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    camera.position.set(...position);
    const orbit = controls.current;
    if (orbit) {
      orbit.target.set(...target);
      orbit.update();
      orbit.saveState();
    } else {
      camera.lookAt(...target);
    }
    invalidate();
  }, [camera, controls, invalidate, position, target]);
  return null;
}

/**
 * Marks the canvas after each rendered frame: how many frames so far, and how many pieces the
 * last one held. Tests wait on these instead of sleeping; idle frames stay at zero.
 */
function FrameProbe({ pieces }: { readonly pieces: number }) {
  const canvas = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  // New pieces must reach the screen even though nothing moved.
  useEffect(() => invalidate(), [invalidate, pieces]);
  useFrame(() => {
    canvas.dataset.frames = String(Number(canvas.dataset.frames ?? '0') + 1);
    // Written when it changes only: one attribute write per frame is enough.
    if (canvas.dataset.drawnPieces !== String(pieces)) canvas.dataset.drawnPieces = String(pieces);
  });
  return null;
}
