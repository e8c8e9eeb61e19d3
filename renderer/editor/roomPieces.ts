/**
 * Placed items with their products, as the editor's geometry sees them: a `RoomPiece` per item
 * (label, category, size, placement). Cached per item object, so an unchanged item (the live
 * snapshot keeps its identity) costs nothing when another piece moves.
 */
import type { RoomPiece } from '../../core/geometry/index.ts';
import type { PlacedItem } from '../../core/room.ts';

/** What the editor needs of a product record. */
export interface ProductFacts {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
}

export type ProductLookup = ReadonlyMap<string, ProductFacts>;

/** The piece an item is, or null while its product record is still unknown. */
export function roomPieceOf(item: PlacedItem, products: ProductLookup): RoomPiece | null {
  const product = item.productId ? products.get(item.productId) : undefined;
  const source = product ?? item.ownPiece;
  if (!source) return null;
  return {
    id: item.id,
    label: source.name,
    category: source.category,
    productKey: item.productId ?? item.id,
    widthMm: source.widthMm,
    depthMm: source.depthMm,
    heightMm: source.heightMm,
    xMm: item.xMm,
    yMm: item.yMm,
    rotationDeg: item.rotationDeg,
    elevationMm: item.elevationMm,
  };
}

/**
 * A memo from items to pieces that survives snapshots: the same item object with the same
 * product record gives back the same piece object.
 */
export function createRoomPieceCache(): (items: readonly PlacedItem[], products: ProductLookup) => RoomPiece[] {
  // Keyed by item object; a new record for the same product (a later fetch) rebuilds the piece.
  const cache = new WeakMap<PlacedItem, { product: ProductFacts | undefined; piece: RoomPiece | null }>();
  return (items, products) => {
    const pieces: RoomPiece[] = [];
    for (const item of items) {
      const product = item.productId ? products.get(item.productId) : undefined;
      let entry = cache.get(item);
      if (!entry || entry.product !== product) {
        entry = { product, piece: roomPieceOf(item, products) };
        cache.set(item, entry);
      }
      if (entry.piece) pieces.push(entry.piece);
    }
    return pieces;
  };
}
