/**
 * One drag of a placed piece, from pointerdown to drop: the work each pointermove does (snap the
 * pointer's floor point, publish the preview) and the placement to write on drop. The other
 * pieces' footprints are worked out once when the drag starts, so a move costs a snap.
 */
import { footprintOf, type Neighbour, type Placement, type RoomPiece } from '../../core/geometry/index.ts';
import type { PlanPoint } from '../../core/room.ts';
import { measureDragHandler, publishDragPreview } from './dragPreview.ts';
import { editorStore } from './editorStore.ts';
import { dragPlacement, isWallHung, type DragResult } from './placement.ts';

export interface DragSessionInput {
  readonly outline: readonly PlanPoint[];
  readonly piece: RoomPiece;
  readonly others: readonly RoomPiece[];
  /** Where on the floor the pointer grabbed the piece. */
  readonly grab: PlanPoint;
}

export interface DragSession {
  readonly itemId: string;
  /** A pointermove: the pointer's floor point → the snapped placement (also kept as the last one). */
  move(point: PlanPoint, freeRotation: boolean): DragResult;
  /** The placement to write on drop, or null when the piece did not move. */
  result(): Placement | null;
  readonly start: Placement;
}

/** How far (mm on the floor) the pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD_MM = 15;

export function createDragSession(input: DragSessionInput): DragSession {
  const { piece, outline } = input;
  const start: Placement = { xMm: piece.xMm, yMm: piece.yMm, rotationDeg: piece.rotationDeg };
  const offset = { x: piece.xMm - input.grab.x, y: piece.yMm - input.grab.y };
  // Neighbours on the same level: floor pieces snap to floor pieces; hung pieces snap to walls only.
  const hung = isWallHung(piece.category);
  const neighbours: Neighbour[] = hung ? [] : input.others.filter((other) => other.id !== piece.id && !isWallHung(other.category) && other.category !== 'rug').map((other) => ({ id: other.id, footprint: footprintOf(other, other) }));
  let last: DragResult | null = null;
  let travelled = false;
  return {
    itemId: piece.id,
    start,
    move(point, freeRotation) {
      if (!travelled && Math.hypot(point.x - input.grab.x, point.y - input.grab.y) < DRAG_THRESHOLD_MM) {
        return last ?? { placement: start, wallIndex: null, inside: true };
      }
      travelled = true;
      last = dragPlacement({
        outline,
        piece,
        proposed: { xMm: Math.round(point.x + offset.x), yMm: Math.round(point.y + offset.y), rotationDeg: start.rotationDeg },
        neighbours,
        freeRotation,
      });
      return last;
    },
    result() {
      if (!last) return null;
      const p = last.placement;
      return p.xMm === start.xMm && p.yMm === start.yMm && p.rotationDeg === start.rotationDeg ? null : p;
    },
  };
}

export interface LiveDrag {
  /** One pointermove: snap, publish the preview (measured as `atelier:drag-handler`). */
  move(point: PlanPoint | null, freeRotation: boolean): void;
  /** Pointerup (commit) or cancel: writes the placement once, or puts the piece back. */
  end(commit: boolean): void;
}

/**
 * The drag as both views run it: moves publish previews (the 3D instances, the plan node and
 * presence follow), the editor store knows a drag is on from the first real move, and the end
 * writes once through `place` — or, refused or cancelled, publishes the start so every view puts
 * the piece back.
 */
export function trackDrag(session: DragSession, elevationMm: number, place: (itemId: string, placement: Placement) => boolean): LiveDrag {
  let dragging = false;
  return {
    move(point, freeRotation) {
      measureDragHandler(() => {
        if (!point) return;
        const result = session.move(point, freeRotation);
        if (!dragging && session.result() === null) return;
        if (!dragging) {
          dragging = true;
          editorStore.getState().setDragging(session.itemId);
        }
        publishDragPreview({ itemId: session.itemId, placement: result.placement, elevationMm, wallIndex: result.wallIndex, inside: result.inside });
      });
    },
    end(commit) {
      if (!dragging) return;
      dragging = false;
      const placement = session.result();
      const written = commit && placement !== null && place(session.itemId, placement);
      if (!written) publishDragPreview({ itemId: session.itemId, placement: session.start, elevationMm, wallIndex: null, inside: true });
      publishDragPreview(null);
      editorStore.getState().setDragging(null);
    },
  };
}
