import type { PlacedItem, Product } from '../../api/types.ts';

export interface Footprint {
  readonly id: string;
  readonly name: string;
  readonly xMm: number;
  readonly yMm: number;
  readonly rotationDeg: number;
  readonly widthMm: number;
  readonly depthMm: number;
  /** The customer's own piece. */
  readonly own: boolean;
}

/** Each piece's footprint on the plan, standing pieces above rugs; pieces whose product is unknown are left out. */
export function footprints(items: readonly PlacedItem[], products: readonly Product[]): Footprint[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  const out: (Footprint & { readonly rug: boolean })[] = [];
  for (const item of items) {
    const source = item.productId ? byId.get(item.productId) : item.ownPiece;
    if (!source) continue;
    out.push({ id: item.id, name: source.name, xMm: item.xMm, yMm: item.yMm, rotationDeg: item.rotationDeg, widthMm: source.widthMm, depthMm: source.depthMm, own: item.productId === null, rug: source.category === 'rug' });
  }
  return out.sort((a, b) => Number(b.rug) - Number(a.rug)).map(({ rug: _rug, ...footprint }) => footprint);
}
