/**
 * The placement editor's actions on the live option: add a product, move, turn, nudge,
 * duplicate, delete, undo, redo. Each action is ONE `live.edit` (one transaction, one undo step);
 * a drag calls `place` once, on drop. Messages (clamped into the room, refused, a collaborator
 * removed the piece) go to `notify` as i18n keys so this file stays free of React.
 */
import type * as Y from 'yjs';
import { clampIntoRoom, footprintInsideRoom, footprintOf, type Placement, type RoomPiece } from '../../core/geometry/index.ts';
import { addItem, duplicateItem, moveItem, readItem, removeItem, rotateItem, type EditResult } from '../../core/options/index.ts';
import type { PlacedItem, PlanPoint, RoomShape } from '../../core/room.ts';
import { planBounds } from '../scene/plan.ts';
import { defaultElevationMm, DUPLICATE_OFFSET_MM, dropPlacement, isWallHung, newItemId, nudgeDelta, nudgePlacement, turnedRotation, type ArrowKey } from './placement.ts';
import { createRoomPieceCache, type ProductFacts, type ProductLookup } from './roomPieces.ts';

/** The part of a LiveOption (renderer/live) the editor uses. */
export interface LiveEditing {
  edit<T>(fn: (doc: Y.Doc, origin: unknown) => EditResult<T>): EditResult<T>;
  undo(): void;
  redo(): void;
  getSnapshot(): { readonly items: readonly PlacedItem[]; readonly canUndo: boolean; readonly canRedo: boolean; readonly readOnly: boolean };
}

export type NoticeTone = 'info' | 'success' | 'error';
export type NoticeKey =
  | 'editor.notice.clamped'
  | 'editor.notice.doesNotFit'
  | 'editor.notice.removedElsewhere'
  | 'editor.notice.refused'
  | 'editor.notice.readOnly'
  | 'editor.notice.added'
  | 'editor.notice.deleted';

export interface EditorContext {
  readonly live: LiveEditing;
  /** Whether this person places pieces (the designer); false: select and look only. */
  readonly canEdit?: boolean;
  readonly shape: () => RoomShape;
  /** Product records by id, for the pieces' sizes and names. */
  readonly products: () => ProductLookup;
  readonly notify: (tone: NoticeTone, key: NoticeKey, params?: Record<string, string>) => void;
  readonly selection: { get(): string | null; set(id: string | null): void };
  readonly newId?: () => string;
}

export interface EditorController {
  readonly context: EditorContext;
  /** Whether this person may place pieces here now (their role, and the option not read-only). */
  canEdit(): boolean;
  /** The pieces now: the live snapshot's items joined with their products. */
  pieces(): readonly RoomPiece[];
  /** Adds the product at the floor point (the room's middle when null); returns the new item id. */
  addProduct(product: ProductFacts, at: PlanPoint | null, options?: { readonly freeRotation?: boolean; readonly rotationDeg?: number }): string | null;
  /** Writes a dragged piece's new placement (clamped into the room, or refused, when it ended outside). */
  place(itemId: string, placement: Placement): boolean;
  nudgeSelected(key: ArrowKey, large: boolean): boolean;
  rotateSelected(deltaDeg: number, free: boolean): boolean;
  duplicateSelected(): string | null;
  deleteSelected(): boolean;
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  hasSelection(): boolean;
}

export function createEditorController(context: EditorContext): EditorController {
  const { live, notify, selection } = context;
  const newId = context.newId ?? (() => newItemId());

  const cache = createRoomPieceCache();
  // Read from the live snapshot at call time, so two quick key presses never start from a stale copy.
  const pieces = (): readonly RoomPiece[] => cache(live.getSnapshot().items, context.products());
  const pieceOf = (id: string | null) => (id ? (pieces().find((piece) => piece.id === id) ?? null) : null);

  /** Runs one edit; a refusal becomes a message. */
  function run<T>(fn: (doc: Y.Doc, origin: unknown) => EditResult<T>): EditResult<T> | null {
    if (!controller.canEdit()) {
      notify('error', 'editor.notice.readOnly');
      return null;
    }
    const result = live.edit(fn);
    if (!result.ok) {
      if (result.reason === 'item-missing') {
        notify('error', 'editor.notice.removedElsewhere');
        if (selection.get() === result.itemId) selection.set(null);
      } else notify('error', 'editor.notice.refused', { reason: result.message });
    }
    return result;
  }

  /** Moves and turns in one edit (moveItem and rotateItem join the outer transaction). */
  function writePlacement(itemId: string, placement: Placement): boolean {
    const result = run((doc, origin) => {
      const current = readItem(doc, itemId);
      const moved = current && (current.xMm !== placement.xMm || current.yMm !== placement.yMm) ? moveItem(doc, itemId, { xMm: placement.xMm, yMm: placement.yMm }, origin) : null;
      if (moved && !moved.ok) return moved;
      if (!current || current.rotationDeg !== placement.rotationDeg) return rotateItem(doc, itemId, placement.rotationDeg, origin);
      return moved ?? { ok: true as const, value: current };
    });
    return result?.ok ?? false;
  }

  const controller: EditorController = {
    context,
    pieces,
    canEdit: () => (context.canEdit ?? true) && !live.getSnapshot().readOnly,
    addProduct(product, at, options = {}) {
      const shape = context.shape();
      const bounds = planBounds(shape.outline);
      const point = at ?? { x: bounds.centreX, y: bounds.centreY };
      const neighbours = pieces().map((piece) => ({ id: piece.id, footprint: footprintOf(piece, piece) }));
      const drop = dropPlacement({
        outline: shape.outline,
        piece: product,
        proposed: { xMm: Math.round(point.x), yMm: Math.round(point.y), rotationDeg: options.rotationDeg ?? 0 },
        neighbours: isWallHung(product.category) ? [] : neighbours,
        freeRotation: options.freeRotation ?? false,
      });
      if (!drop.ok) {
        notify('error', 'editor.notice.doesNotFit', { name: product.name });
        return null;
      }
      const id = newId();
      const item: PlacedItem = {
        id,
        productId: product.id,
        xMm: drop.placement.xMm,
        yMm: drop.placement.yMm,
        rotationDeg: drop.placement.rotationDeg,
        elevationMm: defaultElevationMm(product.category, product.heightMm),
        quantity: 1,
      };
      const result = run((doc, origin) => addItem(doc, item, origin));
      if (!result?.ok) return null;
      if (drop.clamped) notify('info', 'editor.notice.clamped', { name: product.name });
      selection.set(id);
      return id;
    },
    place(itemId, placement) {
      const piece = pieceOf(itemId);
      if (!piece) {
        notify('error', 'editor.notice.removedElsewhere');
        return false;
      }
      const outline = context.shape().outline;
      let target = placement;
      if (!footprintInsideRoom(footprintOf(piece, placement), outline)) {
        const clamped = clampIntoRoom(outline, piece, placement);
        if (!clamped.inside) {
          notify('error', 'editor.notice.doesNotFit', { name: piece.label });
          return false;
        }
        target = clamped.placement;
        notify('info', 'editor.notice.clamped', { name: piece.label });
      }
      return writePlacement(itemId, target);
    },
    nudgeSelected(key, large) {
      const piece = pieceOf(selection.get());
      if (!piece) return false;
      const to = nudgePlacement(context.shape().outline, piece, piece, nudgeDelta(key, large));
      if (!to) return false;
      return writePlacement(piece.id, to);
    },
    rotateSelected(deltaDeg, free) {
      const piece = pieceOf(selection.get());
      if (!piece || isWallHung(piece.category)) return false;
      const rotationDeg = turnedRotation(piece.rotationDeg, deltaDeg, free);
      const outline = context.shape().outline;
      const turned = { xMm: piece.xMm, yMm: piece.yMm, rotationDeg };
      // A turn near a wall may swing a corner through it: keep it in the room if it fits at all.
      const wasInside = footprintInsideRoom(footprintOf(piece, piece), outline);
      if (wasInside && !footprintInsideRoom(footprintOf(piece, turned), outline)) {
        const clamped = clampIntoRoom(outline, piece, turned);
        if (!clamped.inside) {
          notify('error', 'editor.notice.doesNotFit', { name: piece.label });
          return false;
        }
        return writePlacement(piece.id, clamped.placement);
      }
      return writePlacement(piece.id, turned);
    },
    duplicateSelected() {
      const piece = pieceOf(selection.get());
      if (!piece) return null;
      const outline = context.shape().outline;
      const id = newId();
      let offset = { dxMm: DUPLICATE_OFFSET_MM, dyMm: DUPLICATE_OFFSET_MM };
      const shifted = { xMm: piece.xMm + offset.dxMm, yMm: piece.yMm + offset.dyMm, rotationDeg: piece.rotationDeg };
      if (!isWallHung(piece.category) && !footprintInsideRoom(footprintOf(piece, shifted), outline)) {
        const clamped = clampIntoRoom(outline, piece, shifted);
        if (clamped.inside) offset = { dxMm: clamped.placement.xMm - piece.xMm, dyMm: clamped.placement.yMm - piece.yMm };
      }
      const result = run((doc, origin) => duplicateItem(doc, piece.id, id, offset, origin));
      if (!result?.ok) return null;
      selection.set(id);
      return id;
    },
    deleteSelected() {
      const id = selection.get();
      if (!id) return false;
      const result = run((doc, origin) => removeItem(doc, id, origin));
      if (!result?.ok) return false;
      selection.set(null);
      return true;
    },
    undo() {
      live.undo();
      dropVanishedSelection();
    },
    redo() {
      live.redo();
      dropVanishedSelection();
    },
    canUndo: () => live.getSnapshot().canUndo,
    canRedo: () => live.getSnapshot().canRedo,
    hasSelection: () => pieceOf(selection.get()) !== null,
  };

  function dropVanishedSelection() {
    const id = selection.get();
    if (id && !live.getSnapshot().items.some((item) => item.id === id)) selection.set(null);
  }

  return controller;
}
