import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { wallsOf, type Wall } from '../../../core/geometry/polygon.ts';
import type { PlanPoint, RoomShape } from '../../../core/room.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { boxAround, lengthPx, pathOf, planExtent, PlanDimensions, PlanFloor, PlanGrid, PlanOpenings, PlanWalls, pointerToPlan, toPx, usePlanViewport, type PlanBox } from '../../plan/index.ts';
import { moveCorner, slideOffset, snapCorner, snapDraggedCorner, updateOpening } from './draft.ts';

export type PlanMode = 'select' | 'draw';

export interface ShellPlanProps {
  readonly shape: RoomShape;
  readonly mode: PlanMode;
  readonly selectedWall: number | null;
  readonly selectedOpening: string | null;
  readonly faultyWalls: ReadonlySet<number>;
  /** What is wrong at each wall at fault: a marker on the wall says so. */
  readonly wallMessages: ReadonlyMap<number, readonly string[]>;
  readonly faultyOpenings: ReadonlySet<string>;
  readonly onShapeChange: (shape: RoomShape) => void;
  readonly onSelectWall: (wallIndex: number | null) => void;
  readonly onSelectOpening: (openingId: string | null) => void;
  /** Draw mode: the outline was closed on its first corner. */
  readonly onOutlineDrawn: (outline: PlanPoint[]) => void;
  readonly onCancelDrawing: () => void;
}

type Drag = { readonly kind: 'corner'; readonly index: number } | { readonly kind: 'opening'; readonly id: string; readonly grabMm: number };

/** How far along the wall (from its start) the point's projection falls. */
const alongWall = (wall: Wall, p: PlanPoint) => (p.x - wall.start.x) * wall.direction.x + (p.y - wall.start.y) * wall.direction.y;

/** A click this close to the first corner closes the outline. */
const CLOSE_PX = 12;
const CORNER_NUDGE_MM = 10;

/**
 * The editor's plan: the room drawn with the shared plan layers, plus what the editor adds —
 * corner handles to drag (or nudge with the arrow keys), openings to slide along their wall,
 * walls to pick, and in draw mode an outline clicked in corner by corner.
 */
export function ShellPlan(props: ShellPlanProps) {
  const { shape, mode } = props;
  const { t } = useTranslation();
  const format = useFormatters();
  const [drawn, setDrawn] = useState<PlanPoint[]>([]);
  const [hover, setHover] = useState<PlanPoint | null>(null);
  const drag = useRef<Drag | null>(null);
  const [frozen, setFrozen] = useState<PlanBox | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);

  const fitted = useMemo(() => planExtent(shape), [shape]);
  const extent = useMemo(() => {
    if (frozen) return frozen;
    if (mode !== 'draw') return fitted;
    // While drawing, keep room for a room of a usual size around what is there.
    const drawnBox = boxAround([...shape.outline, ...drawn, { x: 0, y: 0 }, { x: 6000, y: 5000 }], 800);
    return drawnBox;
  }, [frozen, mode, fitted, shape.outline, drawn]);
  const viewport = usePlanViewport(extent, 20);
  const transform = viewport.transform;
  const walls = useMemo(() => wallsOf(shape.outline), [shape.outline]);

  const planAt = (event: { clientX: number; clientY: number }) => (transform && svgRef.current ? pointerToPlan(event, svgRef.current, transform) : null);

  const startDrag = (next: Drag, event: PointerEvent<Element>) => {
    event.stopPropagation();
    event.preventDefault();
    drag.current = next;
    setFrozen(extent);
    svgRef.current?.setPointerCapture(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const p = planAt(event);
    if (!p || !transform) return;
    if (mode === 'draw') {
      setHover(snapCorner(p, drawn[drawn.length - 1] ?? null));
      return;
    }
    const current = drag.current;
    if (!current) return;
    if (current.kind === 'corner') {
      const tolerance = 8 / transform.scale;
      props.onShapeChange(moveCorner(shape, current.index, snapDraggedCorner(shape.outline, current.index, p, tolerance)));
    } else {
      const opening = shape.openings.find((o) => o.id === current.id);
      const wall = opening ? walls[opening.wallIndex] : undefined;
      if (!opening || !wall) return;
      const offsetMm = slideOffset(shape, current.id, alongWall(wall, p) - current.grabMm);
      if (offsetMm !== opening.offsetMm) props.onShapeChange(updateOpening(shape, current.id, { offsetMm }));
    }
  };

  const endDrag = (event: PointerEvent<SVGSVGElement>) => {
    if (!drag.current) return;
    drag.current = null;
    setFrozen(null);
    if (svgRef.current?.hasPointerCapture(event.pointerId)) svgRef.current.releasePointerCapture(event.pointerId);
  };

  const onBackgroundPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    const p = planAt(event);
    if (!p || !transform) return;
    if (mode === 'draw') {
      const first = drawn[0];
      if (first && drawn.length >= 3) {
        const a = toPx(transform, first);
        const b = toPx(transform, p);
        if (Math.hypot(a.x - b.x, a.y - b.y) <= CLOSE_PX) {
          finishDrawing();
          return;
        }
      }
      const corner = snapCorner(p, drawn[drawn.length - 1] ?? null);
      const last = drawn[drawn.length - 1];
      if (!last || last.x !== corner.x || last.y !== corner.y) setDrawn([...drawn, corner]);
      return;
    }
    props.onSelectWall(null);
    props.onSelectOpening(null);
  };

  const finishDrawing = () => {
    if (drawn.length < 3) return;
    props.onOutlineDrawn(drawn);
    setDrawn([]);
    setHover(null);
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (mode !== 'draw') return;
    if (event.key === 'Escape') {
      setDrawn([]);
      props.onCancelDrawing();
    } else if (event.key === 'Enter') finishDrawing();
    else if (event.key === 'Backspace') setDrawn(drawn.slice(0, -1));
    else return;
    event.preventDefault();
  };

  const nudgeCorner = (index: number, event: KeyboardEvent<SVGCircleElement>) => {
    const step = event.shiftKey ? CORNER_NUDGE_MM * 10 : CORNER_NUDGE_MM;
    const delta = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[event.key];
    if (!delta) return;
    event.preventDefault();
    const corner = shape.outline[index]!;
    props.onShapeChange(moveCorner(shape, index, { x: corner.x + delta[0]!, y: corner.y + delta[1]! }));
  };

  /** Arrow keys slide a focused opening along its wall: 10 mm, or 100 mm with Shift. */
  const slideByKey = (id: string, event: KeyboardEvent<SVGPathElement>) => {
    const opening = shape.openings.find((o) => o.id === id);
    if (!opening) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelectOpening(id);
      props.onSelectWall(opening.wallIndex);
      return;
    }
    const sign = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (!sign) return;
    event.preventDefault();
    props.onSelectOpening(id);
    const offsetMm = slideOffset(shape, id, opening.offsetMm + sign * (event.shiftKey ? CORNER_NUDGE_MM * 10 : CORNER_NUDGE_MM));
    if (offsetMm !== opening.offsetMm) props.onShapeChange(updateOpening(shape, id, { offsetMm }));
  };

  const drawing = mode === 'draw';
  const lastDrawn = drawn[drawn.length - 1];
  return (
    <div className="room-plan" ref={viewport.ref}>
      {transform ? (
        <svg
          ref={svgRef}
          className={drawing ? 'plan room-plan__svg room-plan__svg--drawing' : 'plan room-plan__svg'}
          width={transform.widthPx}
          height={transform.heightPx}
          role="application"
          aria-label={drawing ? t('roomShell.planDrawingLabel') : t('roomShell.planLabel')}
          tabIndex={0}
          data-testid="room-plan"
          data-scale={transform.scale}
          data-origin-x={transform.originX}
          data-origin-y={transform.originY}
          onPointerDown={onBackgroundPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onPointerLeave={() => setHover(null)}
          onKeyDown={onKeyDown}
        >
          <PlanGrid transform={transform} />
          {!drawing || drawn.length === 0 ? (
            <>
              <PlanFloor outline={shape.outline} transform={transform} colour={shape.floor.colour} />
              <PlanWalls
                shape={shape}
                transform={transform}
                selectedWallIndex={props.selectedWall}
                faultyWalls={props.faultyWalls}
                onWallPointerDown={
                  drawing
                    ? undefined
                    : (index, event) => {
                        event.stopPropagation();
                        props.onSelectWall(index);
                        props.onSelectOpening(null);
                      }
                }
                onWallKeyDown={
                  drawing
                    ? undefined
                    : (index, event) => {
                        if (event.key !== 'Enter' && event.key !== ' ') return;
                        event.preventDefault();
                        props.onSelectWall(index);
                        props.onSelectOpening(null);
                      }
                }
                wallLabel={(index) => t('roomShell.wallLabel', { number: index + 1, length: format.length(Math.round(walls[index]?.lengthMm ?? 0)) })}
              />
              <PlanOpenings
                shape={shape}
                transform={transform}
                selectedOpeningId={props.selectedOpening}
                faultyOpenings={props.faultyOpenings}
                onOpeningPointerDown={
                  drawing
                    ? undefined
                    : (id, event) => {
                        const opening = shape.openings.find((o) => o.id === id);
                        const wall = opening ? walls[opening.wallIndex] : undefined;
                        const p = planAt(event);
                        props.onSelectOpening(id);
                        props.onSelectWall(opening?.wallIndex ?? null);
                        if (!opening || !wall || !p) return;
                        startDrag({ kind: 'opening', id, grabMm: alongWall(wall, p) - opening.offsetMm }, event);
                      }
                }
                onOpeningKeyDown={drawing ? undefined : slideByKey}
                openingLabel={(id) => t('roomShell.openingHandle', { id })}
              />
              <PlanDimensions shape={shape} transform={transform} faultyWalls={props.faultyWalls} />
              {[...props.wallMessages].map(([index, messages]) => {
                const wall = walls[index];
                if (!wall) return null;
                // Just inside the room, at the middle of the wall.
                const at = toPx(transform, { x: (wall.start.x + wall.end.x) / 2 + wall.inward.x * 250, y: (wall.start.y + wall.end.y) / 2 + wall.inward.y * 250 });
                return (
                  <g key={index} className="room-plan__fault" role="img" aria-label={messages.join('; ')} data-fault-wall={index}>
                    <title>{messages.join('\n')}</title>
                    <circle cx={at.x} cy={at.y} r={9} />
                    <text x={at.x} y={at.y} textAnchor="middle" dominantBaseline="central">
                      !
                    </text>
                  </g>
                );
              })}
              {!drawing
                ? shape.outline.map((corner, index) => {
                    const at = toPx(transform, corner);
                    return (
                      <circle
                        key={index}
                        className="room-plan__corner"
                        cx={at.x}
                        cy={at.y}
                        r={6}
                        role="button"
                        tabIndex={0}
                        aria-label={t('roomShell.cornerHandle', { number: index + 1 })}
                        data-corner-index={index}
                        onPointerDown={(event) => startDrag({ kind: 'corner', index }, event)}
                        onKeyDown={(event) => nudgeCorner(index, event)}
                      />
                    );
                  })
                : null}
            </>
          ) : null}
          {drawing && drawn.length > 0 ? (
            <g className="room-plan__drawing">
              <path className="room-plan__drawn" d={pathOf(transform, hover ? [...drawn, hover] : drawn, false)} />
              {drawn.map((corner, index) => {
                const at = toPx(transform, corner);
                return <circle key={index} className={index === 0 ? 'room-plan__drawn-corner room-plan__drawn-corner--first' : 'room-plan__drawn-corner'} cx={at.x} cy={at.y} r={index === 0 ? 7 : 4} />;
              })}
              {hover && lastDrawn ? (
                <text className="plan__dim-label" x={toPx(transform, hover).x + 10} y={toPx(transform, hover).y - 10}>
                  {format.length(Math.round(Math.hypot(hover.x - lastDrawn.x, hover.y - lastDrawn.y)))}
                </text>
              ) : null}
            </g>
          ) : null}
          {drawing && hover ? <circle className="room-plan__cursor" cx={toPx(transform, hover).x} cy={toPx(transform, hover).y} r={Math.max(3, lengthPx(transform, 20))} /> : null}
        </svg>
      ) : null}
    </div>
  );
}
