/**
 * The project page's editor: one controller bound to the live option and the room, the pieces
 * joined with their products (cached per item object, so an unchanged item keeps its piece and
 * memoised drawings of it do not re-render), the warnings, and the registration that lets the
 * command list, the catalog's "Add to room" and the palette reach it.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomPiece, RoomWarning } from '../../core/geometry/index.ts';
import type { RoomShape } from '../../core/room.ts';
import type { PlacedItem, Product } from '../api/types.ts';
import type { LiveOption } from '../live/liveOption.ts';
import { resolvePieces, type ResolvedPiece } from '../scene/furniture/pieces.ts';
import { can } from '../../core/permissions.ts';
import { selectLocale, selectUnits, selectUser, useAppStore } from '../state/store.ts';
import { setActiveEditor } from './commands.ts';
import { createEditorController, type EditorController } from './controller.ts';
import { subscribeDragPreview } from './dragPreview.ts';
import { editorStore, useEditor } from './editorStore.ts';
import { createRoomPieceCache } from './roomPieces.ts';
import { editorWarnings, severityByItem, type Severity } from './warnings.ts';

export interface EditorSession {
  readonly controller: EditorController | null;
  readonly shape: RoomShape;
  readonly pieces: readonly RoomPiece[];
  readonly resolved: readonly ResolvedPiece[];
  readonly unresolved: number;
  readonly warnings: readonly RoomWarning[];
  readonly severity: ReadonlyMap<string, Severity>;
}

/** Resolved (drawable) pieces, one object per item object and product record. */
function createResolvedCache(): (items: readonly PlacedItem[], products: ReadonlyMap<string, Product>) => { pieces: ResolvedPiece[]; unresolved: number } {
  const cache = new WeakMap<PlacedItem, { product: Product | undefined; piece: ResolvedPiece | null }>();
  return (items, products) => {
    const pieces: ResolvedPiece[] = [];
    let unresolved = 0;
    for (const item of items) {
      const product = item.productId ? products.get(item.productId) : undefined;
      let entry = cache.get(item);
      if (!entry || entry.product !== product) {
        entry = { product, piece: resolvePieces([item], product ? [product] : []).pieces[0] ?? null };
        cache.set(item, entry);
      }
      if (entry.piece) pieces.push(entry.piece);
      else unresolved++;
    }
    return { pieces, unresolved };
  };
}

const NO_ITEMS: readonly PlacedItem[] = [];

export function useEditorSession(live: LiveOption | null, shape: RoomShape, items: readonly PlacedItem[] | null, productList: readonly Product[]): EditorSession {
  const { t } = useTranslation();
  const units = useAppStore(selectUnits);
  const locale = useAppStore(selectLocale);
  const minWalkwayMm = useEditor((state) => state.minWalkwayMm);
  const products = useMemo(() => new Map(productList.map((product) => [product.id, product])), [productList]);

  const caches = useRef<{ room: ReturnType<typeof createRoomPieceCache>; resolved: ReturnType<typeof createResolvedCache> } | null>(null);
  caches.current ??= { room: createRoomPieceCache(), resolved: createResolvedCache() };
  const list = items ?? NO_ITEMS;
  const pieces = useMemo(() => caches.current!.room(list, products), [list, products]);
  const resolved = useMemo(() => caches.current!.resolved(list, products), [list, products]);
  const warnings = useMemo(() => editorWarnings(shape, pieces, { minWalkwayMm, units, locale }), [shape, pieces, minWalkwayMm, units, locale]);
  const severity = useMemo(() => severityByItem(warnings), [warnings]);

  // The controller reads the latest room and products through refs: it is made once per live option.
  const latest = useRef({ shape, products, t });
  latest.current = { shape, products, t };
  // Placing pieces is the designer's (option:edit); the customer selects, sees sizes and warnings.
  const user = useAppStore(selectUser);
  const mayEdit = user ? can(user, 'option:edit', true) : false;
  const controller = useMemo(() => {
    if (!live) return null;
    return createEditorController({
      live,
      canEdit: mayEdit,
      shape: () => latest.current.shape,
      products: () => latest.current.products,
      notify: (tone, key, params) => useAppStore.getState().showToast(tone, (latest.current.t as (key: string, params?: Record<string, string>) => string)(key, params)),
      selection: { get: () => editorStore.getState().selectedId, set: (id) => editorStore.getState().select(id) },
    });
  }, [live, mayEdit]);

  useEffect(() => {
    setActiveEditor(controller);
    return () => setActiveEditor(null);
  }, [controller]);

  // A new option starts with nothing selected and no measurement.
  useEffect(() => {
    editorStore.getState().select(null);
    editorStore.getState().clearMeasure();
  }, [live]);

  // My selection and my drag, shared with collaborators (presence is throttled inside).
  useEffect(() => {
    if (!live) return;
    const share = (id: string | null) => live.presence.setLocal({ selection: id ? [id] : [] });
    share(editorStore.getState().selectedId);
    const unsubscribeSelection = editorStore.subscribe((state, previous) => {
      if (state.selectedId !== previous.selectedId) share(state.selectedId);
    });
    const unsubscribeDrag = subscribeDragPreview((preview) =>
      live.presence.setLocal({ dragging: preview ? { itemId: preview.itemId, xMm: preview.placement.xMm, yMm: preview.placement.yMm, rotationDeg: preview.placement.rotationDeg } : null }),
    );
    return () => {
      unsubscribeSelection();
      unsubscribeDrag();
      live.presence.setLocal({ selection: [], dragging: null });
    };
  }, [live]);

  // A selected piece that disappears (deleted here or by someone else) is no longer selected.
  useEffect(() => {
    const id = editorStore.getState().selectedId;
    if (id && items && !items.some((item) => item.id === id)) editorStore.getState().select(null);
  }, [items]);

  return { controller, shape, pieces, resolved: resolved.pieces, unresolved: resolved.unresolved, warnings, severity };
}
