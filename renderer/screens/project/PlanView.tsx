/**
 * [Room] The room's top plan with the pieces: walls, openings and door swings, wall lengths
 * (renderer/plan layers), each piece's footprint and name, the selection's size and distances
 * to the walls, warning markers, the measure tool, and drops from the catalog. It shares the
 * selection (editor store) and the live items with the 3D view.
 *
 * A drag moves the piece's SVG node directly (its transform attribute) from the drag preview;
 * React renders the piece again only when the document changes, once, on drop.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FLAT_CATEGORIES, footprintOf, type RoomPiece, type RoomWarning } from '../../../core/geometry/index.ts';
import type { RoomShape } from '../../../core/room.ts';
import type { EditorController } from '../../editor/controller.ts';
import { selectionDimensions } from '../../editor/dimensions.ts';
import { createDragSession, trackDrag, type LiveDrag } from '../../editor/dragSession.ts';
import { subscribeDragPreview } from '../../editor/dragPreview.ts';
import { editorStore, useEditor } from '../../editor/editorStore.ts';
import { carriesProduct, readProductDragData } from '../../editor/productDrag.ts';
import { isWallHung } from '../../editor/placement.ts';
import { SEVERITY, type Severity } from '../../editor/warnings.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import type { LiveOption } from '../../live/liveOption.ts';
import { PeerPointers, usePlanPointerPublisher } from '../../live/PeerPointers.tsx';
import { primeProducts } from '../../live/useProducts.ts';
import { DimensionLine, PlanDimensions, PlanFloor, PlanGrid, PlanOpenings, PlanWalls, planExtent, pointerToPlan, toPx, usePlanViewport, type PlanTransform } from '../../plan/index.ts';
import { round2 } from '../../plan/transform.ts';
import '../../editor/editor.css';

export interface PlanViewProps {
  readonly name: string;
  readonly shape: RoomShape;
  readonly controller: EditorController | null;
  readonly pieces: readonly RoomPiece[];
  readonly severity: ReadonlyMap<string, Severity>;
  readonly warnings: readonly RoomWarning[];
  readonly live: LiveOption | null;
}

function transformOf(t: PlanTransform, placement: { xMm: number; yMm: number; rotationDeg: number }): string {
  const at = toPx(t, { x: placement.xMm, y: placement.yMm });
  return `translate(${round2(at.x)} ${round2(at.y)}) rotate(${round2(placement.rotationDeg)})`;
}

export function PlanView({ name, shape, controller, pieces, severity, warnings, live }: PlanViewProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const extent = useMemo(() => planExtent(shape), [shape]);
  const { ref, transform } = usePlanViewport(extent, 20);
  const svg = useRef<SVGSVGElement | null>(null);
  const nodes = useRef(new Map<string, SVGGElement>()).current;
  const selectedId = useEditor((state) => state.selectedId);
  const dragging = useEditor((state) => state.draggingId !== null);
  const tool = useEditor((state) => state.tool);
  const measure = useEditor((state) => state.measure);
  const [dropping, setDropping] = useState(false);
  const drag = useRef<{ drag: LiveDrag; pointerId: number } | null>(null);
  const latest = useRef({ transform, pieces, shape, controller });
  latest.current = { transform, pieces, shape, controller };

  const setSvg = useCallback(
    (element: SVGSVGElement | null) => {
      svg.current = element;
      ref(element);
    },
    [ref],
  );
  const register = useCallback(
    (id: string, node: SVGGElement | null) => {
      if (node) nodes.set(id, node);
      else nodes.delete(id);
    },
    [nodes],
  );

  // Previews from any view move the piece's node; React puts it right again on the next commit.
  useEffect(
    () =>
      subscribeDragPreview((preview) => {
        const t = latest.current.transform;
        const node = preview ? nodes.get(preview.itemId) : null;
        if (preview && node && t) node.setAttribute('transform', transformOf(t, preview.placement));
      }),
    [nodes],
  );

  const toMm = useCallback((event: { readonly clientX: number; readonly clientY: number }) => {
    const t = latest.current.transform;
    if (!t || !svg.current) return null;
    const p = pointerToPlan(event, svg.current, t);
    return { xMm: p.x, yMm: p.y };
  }, []);
  const pointerPresence = usePlanPointerPublisher(live, toMm);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0 || !transform || !svg.current) return;
    const point = pointerToPlan(event, svg.current, transform);
    const state = editorStore.getState();
    if (state.tool === 'measure') {
      state.measurePoint({ x: Math.round(point.x), y: Math.round(point.y) });
      return;
    }
    const target = (event.target as Element).closest('[data-item-id]');
    const itemId = target?.getAttribute('data-item-id') ?? null;
    state.select(itemId);
    const piece = itemId ? pieces.find((candidate) => candidate.id === itemId) : undefined;
    if (!piece || !controller?.canEdit()) return;
    event.preventDefault();
    svg.current.setPointerCapture(event.pointerId);
    drag.current = { drag: trackDrag(createDragSession({ outline: shape.outline, piece, others: pieces, grab: point }), piece.elevationMm ?? 0, controller.place), pointerId: event.pointerId };
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) {
      pointerPresence.onPointerMove(event);
      return;
    }
    const t = latest.current.transform;
    current.drag.move(t && svg.current ? pointerToPlan(event, svg.current, t) : null, event.altKey || event.shiftKey);
  };

  const endDrag = (event: PointerEvent<SVGSVGElement>, commit: boolean) => {
    const current = drag.current;
    if (!current || current.pointerId !== event.pointerId) return;
    drag.current = null;
    if (svg.current?.hasPointerCapture(event.pointerId)) svg.current.releasePointerCapture(event.pointerId);
    current.drag.end(commit);
  };

  const onDragOver = (event: DragEvent<SVGSVGElement>) => {
    if (!controller?.canEdit() || !carriesProduct(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!dropping) setDropping(true);
  };
  const onDrop = (event: DragEvent<SVGSVGElement>) => {
    setDropping(false);
    const product = readProductDragData(event.dataTransfer);
    if (!controller || !product || !transform || !svg.current) return;
    event.preventDefault();
    primeProducts([product]);
    controller.addProduct(product, pointerToPlan(event, svg.current, transform));
  };

  const selected = selectedId ? (pieces.find((piece) => piece.id === selectedId) ?? null) : null;
  // Rugs under everything, what hangs on walls over everything: the piece on top is the one clicked.
  const drawOrder = useMemo(() => [...pieces].sort((a, b) => layerOf(a) - layerOf(b)), [pieces]);
  const measured = measure.a && measure.b ? Math.round(Math.hypot(measure.b.x - measure.a.x, measure.b.y - measure.a.y)) : null;

  return (
    <div className={dropping ? 'plan-view plan-view--drop' : 'plan-view'} data-testid="plan-view" data-tool={tool}>
      <svg
        ref={setSvg}
        className={tool === 'measure' ? 'plan plan--measure' : 'plan'}
        role="group"
        aria-label={t('editor.planLabel', { room: name })}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={(event) => endDrag(event, true)}
        onPointerCancel={(event) => endDrag(event, false)}
        onPointerLeave={pointerPresence.onPointerLeave}
        onDragOver={onDragOver}
        onDragLeave={() => setDropping(false)}
        onDrop={onDrop}
      >
        {transform ? (
          <>
            <PlanGrid transform={transform} />
            <PlanFloor outline={shape.outline} transform={transform} colour={shape.floor.colour} />
            <PlanWalls shape={shape} transform={transform} />
            <PlanOpenings shape={shape} transform={transform} />
            <PlanDimensions shape={shape} transform={transform} />
            <g className="plan-pieces">
              {drawOrder.map((piece) => (
                <PlanPiece key={piece.id} piece={piece} transform={transform} selected={piece.id === selectedId} severity={severity.get(piece.id) ?? null} register={register} />
              ))}
            </g>
            <WarningMarkers warnings={warnings} transform={transform} />
            {selected && !dragging ? <SelectionDimensions piece={selected} shape={shape} transform={transform} format={format.length} /> : null}
            {measure.a && tool === 'measure' ? (
              <g className="plan-measure" data-testid="plan-measure">
                {measure.b ? (
                  <DimensionLine line={measureLine(measure.a, measure.b)} transform={transform} label={format.length(measured!)} className="plan-measure__line" />
                ) : null}
                {[measure.a, measure.b].map((p, i) => (p ? <circle key={i} className="plan-measure__point" cx={round2(toPx(transform, p).x)} cy={round2(toPx(transform, p).y)} r={4} /> : null))}
              </g>
            ) : null}
            <PeerPointers live={live} toPx={(p) => toPx(transform, { x: p.xMm, y: p.yMm })} />
          </>
        ) : null}
      </svg>
      {tool === 'measure' ? (
        <p className="plan-view__status" role="status" data-testid="measure-result">
          {measured !== null ? t('editor.measureResult', { length: format.length(measured) }) : t('editor.measureHint')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The name drawn on a piece, always upright on the page, shortened to the footprint's width on
 * screen; a rug's sits near its top edge, clear of what stands on it. Null when there is no room.
 */
function pieceLabel(piece: RoomPiece, w: number, d: number, fontPx: number): { text: string; y: number } | null {
  const quarter = Math.round(piece.rotationDeg / 90) % 2 === 1;
  const across = quarter ? d : w;
  const tall = quarter ? w : d;
  if (across < 28 || tall < 10) return null;
  const fits = Math.max(3, Math.floor(across / (fontPx * 0.55)) - 1);
  const text = piece.label.length > fits ? `${piece.label.slice(0, fits)}…` : piece.label;
  return { text, y: FLAT_CATEGORIES.includes(piece.category) && tall > fontPx * 4 ? -tall / 2 + fontPx : 0 };
}

function layerOf(piece: RoomPiece): number {
  return FLAT_CATEGORIES.includes(piece.category) ? 0 : isWallHung(piece.category) ? 2 : 1;
}

function measureLine(a: { x: number; y: number }, b: { x: number; y: number }) {
  const angle = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
  const labelAngleDeg = angle > 90 ? angle - 180 : angle <= -90 ? angle + 180 : angle;
  const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  // The label sits a little to the left of the line, as the plan's own dimensions do.
  const offset = { x: (-(b.y - a.y) / length) * 120, y: ((b.x - a.x) / length) * 120 };
  return { from: a, to: b, lengthMm: length, labelAt: { x: (a.x + b.x) / 2 + offset.x, y: (a.y + b.y) / 2 + offset.y }, labelAngleDeg };
}

interface PlanPieceProps {
  readonly piece: RoomPiece;
  readonly transform: PlanTransform;
  readonly selected: boolean;
  readonly severity: Severity | null;
  readonly register: (id: string, node: SVGGElement | null) => void;
}

/** One piece: its footprint (front edge marked), its name; memoised on the piece object. */
const PlanPiece = memo(function PlanPiece({ piece, transform, selected, severity, register }: PlanPieceProps) {
  const w = piece.widthMm * transform.scale;
  const d = piece.depthMm * transform.scale;
  const hung = isWallHung(piece.category);
  const classes = ['plan-piece', selected ? 'plan-piece--selected' : '', severity ? `plan-piece--${severity}` : '', hung ? 'plan-piece--hung' : ''].filter(Boolean).join(' ');
  const fontPx = Math.max(8, Math.min(12, Math.min(w, d) / 3));
  const label = pieceLabel(piece, w, d, fontPx);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      editorStore.getState().select(piece.id);
    }
  };
  return (
    <g
      ref={(node) => {
        register(piece.id, node);
        return () => register(piece.id, null);
      }}
      className={classes}
      transform={transformOf(transform, piece)}
      data-item-id={piece.id}
      data-x-mm={piece.xMm}
      data-y-mm={piece.yMm}
      data-rotation-deg={piece.rotationDeg}
      data-testid="plan-piece"
      role="button"
      tabIndex={0}
      aria-label={piece.label}
      aria-pressed={selected}
      onFocus={() => editorStore.getState().select(piece.id)}
      onKeyDown={onKeyDown}
    >
      <rect className="plan-piece__body" x={round2(-w / 2)} y={round2(-d / 2)} width={round2(w)} height={round2(d)} rx={2} />
      {/* The front edge (plan +y of the piece). */}
      <line className="plan-piece__front" x1={round2(-w / 2 + 2)} y1={round2(d / 2 - 2)} x2={round2(w / 2 - 2)} y2={round2(d / 2 - 2)} />
      {label ? (
        <text className="plan-piece__label" x={0} y={label.y} fontSize={fontPx} textAnchor="middle" dominantBaseline="middle" transform={`rotate(${round2(-piece.rotationDeg)})`}>
          {label.text}
        </text>
      ) : null}
    </g>
  );
});

/** The selected piece's width and depth beside it, and its clear distances to the nearest walls. */
function SelectionDimensions({ piece, shape, transform, format }: { readonly piece: RoomPiece; readonly shape: RoomShape; readonly transform: PlanTransform; readonly format: (mm: number) => string }) {
  const dims = useMemo(() => selectionDimensions(footprintOf(piece, piece), shape.outline), [piece, shape.outline]);
  return (
    <g className="plan-selection" data-testid="plan-selection">
      <DimensionLine line={dims.width} transform={transform} label={format(piece.widthMm)} className="plan-selection__size" />
      <DimensionLine line={dims.depth} transform={transform} label={format(piece.depthMm)} className="plan-selection__size" />
      {dims.walls.map((line) => (
        <g key={line.side} data-testid={`plan-wall-distance-${line.side}`}>
          <DimensionLine line={line} transform={transform} label={format(Math.round(line.lengthMm))} className="plan-selection__gap" />
        </g>
      ))}
    </g>
  );
}

const WarningMarkers = memo(function WarningMarkers({ warnings, transform }: { readonly warnings: readonly RoomWarning[]; readonly transform: PlanTransform }) {
  return (
    <g className="plan-warnings" aria-hidden="true">
      {warnings.map((warning, i) => {
        const at = toPx(transform, warning.at);
        return (
          <g key={i} className={`plan-warning plan-warning--${SEVERITY[warning.kind]}`} transform={`translate(${round2(at.x)} ${round2(at.y)})`} data-kind={warning.kind}>
            <title>{warning.message}</title>
            <path d="M0 -8 L7.5 6 L-7.5 6 Z" />
            <text y={4} textAnchor="middle" fontSize={9}>
              !
            </text>
          </g>
        );
      })}
    </g>
  );
});
