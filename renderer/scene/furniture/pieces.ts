/**
 * Placed items resolved against the catalog: what each piece is, how big, where, and the
 * procedural parts it is drawn with. No three.js here, so screens can use it without loading
 * the 3D bundle.
 */
import type { PlacedItem, Product } from '../../api/types.ts';
import { isCategory, type Category } from '../../../core/catalog.ts';
import { paletteFor, type PiecePalette } from './colours.ts';
import { furnitureParts, type Part } from './parts.ts';

/** One placed piece, resolved against the catalog: what it is, how big, where, in which colours. */
export interface ResolvedPiece {
  readonly itemId: string;
  readonly category: Category;
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
  readonly xMm: number;
  readonly yMm: number;
  readonly elevationMm: number;
  readonly rotationDeg: number;
  /** The procedural parts: what is drawn when there is no model, while it loads, or if it fails. */
  readonly parts: readonly Part[];
  /** The product's glTF model (`product.modelUrl`), drawn at the piece's true size when it loads. */
  readonly modelUrl?: string | null;
  /** The piece's colours; a model's main surface takes `palette.main`. */
  readonly palette?: PiecePalette;
}

/**
 * Resolves items to pieces. An item whose product is missing from the answer (or whose own
 * piece names an unknown category) is left out and reported, rather than drawn at a guess.
 */
export function resolvePieces(items: readonly PlacedItem[], products: readonly Product[]): { pieces: ResolvedPiece[]; unresolved: string[] } {
  const byId = new Map(products.map((product) => [product.id, product]));
  const pieces: ResolvedPiece[] = [];
  const unresolved: string[] = [];
  for (const item of items) {
    const product = item.productId ? byId.get(item.productId) : undefined;
    const source = product ?? item.ownPiece;
    if (!source || !isCategory(source.category)) {
      unresolved.push(item.id);
      continue;
    }
    const palette = paletteFor(source.category, item.colour, product?.colours ?? [], product?.materials ?? []);
    const dims = { widthMm: source.widthMm, depthMm: source.depthMm, heightMm: source.heightMm };
    pieces.push({
      itemId: item.id,
      category: source.category,
      ...dims,
      xMm: item.xMm,
      yMm: item.yMm,
      elevationMm: item.elevationMm,
      rotationDeg: item.rotationDeg,
      parts: furnitureParts({ category: source.category, ...dims, palette }),
      modelUrl: product?.modelUrl ?? null,
      palette,
    });
  }
  return { pieces, unresolved };
}

