/**
 * The drag in flight, outside React: each pointermove publishes the snapped placement here and
 * the subscribers (the 3D instances, the plan's SVG node, presence) mutate what they draw
 * directly. Nothing re-renders per move; the document is written once, on drop.
 */
import type { Placement } from '../../core/geometry/index.ts';

export interface DragPreview {
  readonly itemId: string;
  readonly placement: Placement;
  readonly elevationMm: number;
  readonly wallIndex: number | null;
  readonly inside: boolean;
}

type Listener = (preview: DragPreview | null) => void;

let current: DragPreview | null = null;
const listeners = new Set<Listener>();

export function getDragPreview(): DragPreview | null {
  return current;
}

export function publishDragPreview(preview: DragPreview | null): void {
  current = preview;
  for (const listener of listeners) listener(preview);
}

export function subscribeDragPreview(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export const DRAG_HANDLER_MEASURE = 'atelier:drag-handler';
let markCounter = 0;
const MEASURES_KEPT = 20_000;

/**
 * Runs one pointermove handler's work between two performance marks and records it as an
 * `atelier:drag-handler` measure, which the room bench reads for its p95.
 */
export function measureDragHandler<T>(work: () => T): T {
  const id = ++markCounter;
  const start = `atelier:drag-handler:start:${id}`;
  performance.mark(start);
  try {
    return work();
  } finally {
    performance.measure(DRAG_HANDLER_MEASURE, start);
    performance.clearMarks(start);
    // A long session keeps the timeline bounded (a bench reads a few hundred at most).
    if (id % MEASURES_KEPT === 0) performance.clearMeasures(DRAG_HANDLER_MEASURE);
  }
}
