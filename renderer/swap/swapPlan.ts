/**
 * [Options] The live swap, worked out before anything is written: which piece, where it lands
 * (kept in place, nudged to fit with core/geometry when the new footprint leaves the room or
 * overlaps a neighbour), what the line's price difference is and what the option's new total
 * is — all from the live snapshot and the product record the drag carried, synchronously, so
 * the number paints in the same frame as the swapped piece. Pure: no React, no network.
 */
import { clampIntoRoom, footprintInsideRoom, footprintOf, footprintsOverlap, FLAT_CATEGORIES, type Footprint, type Placement } from '../../core/geometry/index.ts';
import { addMoney, CurrencyMismatchError, type Money } from '../../core/money.ts';
import { optionTotal, swapDelta, UnknownProductError, type PricedProduct, type ProductLookup } from '../../core/pricing/index.ts';
import type { PlacedItem, PlanPoint } from '../../core/room.ts';

/** The part of a product record a swap needs (a full catalog `Product` satisfies it). */
export interface SwapProduct extends PricedProduct {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly widthMm: number;
  readonly depthMm: number;
}

export type SwapRefusal =
  | { readonly ok: false; readonly reason: 'piece-gone'; readonly itemId: string }
  | { readonly ok: false; readonly reason: 'same-product'; readonly itemId: string }
  | { readonly ok: false; readonly reason: 'currency'; readonly itemId: string; readonly optionCurrency: string; readonly productCurrency: string }
  | { readonly ok: false; readonly reason: 'unpriced'; readonly itemId: string; readonly productId: string };

export interface SwapPlan {
  readonly ok: true;
  readonly itemId: string;
  readonly fromProductId: string | null;
  readonly toProduct: SwapProduct;
  /** Where the piece ends up; null: it stays exactly where it is. */
  readonly nudgeTo: { readonly xMm: number; readonly yMm: number } | null;
  /** False: neither in place nor nudged does it fit (the swap still happens, with a warning). */
  readonly fits: boolean;
  /** new line − old line, in the option's currency. */
  readonly delta: Money;
  readonly totalBefore: Money;
  readonly totalAfter: Money;
}

export interface SwapInput {
  readonly items: readonly PlacedItem[];
  readonly itemId: string;
  readonly product: SwapProduct;
  /** Products the option's pieces refer to (the page's cache). */
  readonly lookup: (productId: string) => SwapProduct | undefined;
  /** The option's currency (the project's); every line must be in it. */
  readonly currency: string;
  /** The room outline; null skips the fit check. */
  readonly outline: readonly PlanPoint[] | null;
}

/** The option's currency: the project's budget currency, else that of its first priced piece. */
export function optionCurrency(items: readonly PlacedItem[], lookup: (productId: string) => PricedProduct | undefined, fallback: string | null): string | null {
  if (fallback) return fallback;
  for (const item of items) {
    const product = item.productId ? lookup(item.productId) : undefined;
    if (product) return product.price.currency;
  }
  return null;
}

/** Works out a swap; nothing is written. */
export function planSwap(input: SwapInput): SwapPlan | SwapRefusal {
  const { items, itemId, product, currency } = input;
  const item = items.find((candidate) => candidate.id === itemId);
  if (!item) return { ok: false, reason: 'piece-gone', itemId };
  if (item.productId === product.id) return { ok: false, reason: 'same-product', itemId };
  if (product.price.currency !== currency) return { ok: false, reason: 'currency', itemId, optionCurrency: currency, productCurrency: product.price.currency };
  const lookup: ProductLookup = (id) => (id === product.id ? product : input.lookup(id));
  let delta: Money;
  let totalBefore: Money;
  let totalAfter: Money;
  try {
    delta = swapDelta(item, product.id, lookup, currency);
    totalBefore = optionTotal(items, lookup, currency);
    // new line − old line is the delta, so the new total is one addition away (no second pass over the items).
    totalAfter = addMoney(totalBefore, delta);
  } catch (error) {
    if (error instanceof UnknownProductError) return { ok: false, reason: 'unpriced', itemId, productId: error.productId };
    if (error instanceof CurrencyMismatchError) return { ok: false, reason: 'currency', itemId, optionCurrency: currency, productCurrency: error.currencies.find((code) => code !== currency) ?? product.price.currency };
    throw error;
  }
  const { nudgeTo, fits } = input.outline ? fitInPlace(item, product, items, input.lookup, input.outline) : { nudgeTo: null, fits: true };
  return { ok: true, itemId, fromProductId: item.productId, toProduct: product, nudgeTo, fits, delta, totalBefore, totalAfter };
}

/** How far a swap may push a piece to clear its neighbours before it counts as not fitting. */
export const MAX_NUDGE_MM = 600;
const NUDGE_STEP_MM = 25;

function sizeOf(item: PlacedItem, lookup: (productId: string) => SwapProduct | undefined): { widthMm: number; depthMm: number; category: string } | null {
  const source = item.productId ? lookup(item.productId) : item.ownPiece;
  return source ? { widthMm: source.widthMm, depthMm: source.depthMm, category: source.category } : null;
}

/** Rugs lie under everything and wall-hung pieces hang above: only floor pieces collide. */
function collides(category: string, elevationMm: number): boolean {
  return elevationMm === 0 && !FLAT_CATEGORIES.includes(category);
}

/**
 * The new piece at the old one's place and rotation; if it leaves the room or overlaps a floor
 * neighbour, the nearest position (rings of 25 mm steps up to 600 mm) inside the room that
 * overlaps nothing. Failing that: inside the room at least (overlap warned), else where it was.
 */
export function fitInPlace(
  item: PlacedItem,
  product: SwapProduct,
  items: readonly PlacedItem[],
  lookup: (productId: string) => SwapProduct | undefined,
  outline: readonly PlanPoint[],
): { nudgeTo: { xMm: number; yMm: number } | null; fits: boolean } {
  const size = { widthMm: product.widthMm, depthMm: product.depthMm };
  const checkOverlap = collides(product.category, item.elevationMm);
  const others: Footprint[] = [];
  if (checkOverlap) {
    // Only neighbours it could touch: its half-diagonal plus the furthest nudge (a ring's corner) plus theirs.
    const reach = Math.hypot(size.widthMm, size.depthMm) / 2 + MAX_NUDGE_MM * Math.SQRT2;
    for (const other of items) {
      if (other.id === item.id) continue;
      const otherSize = sizeOf(other, lookup);
      if (!otherSize || !collides(otherSize.category, other.elevationMm)) continue;
      if (Math.hypot(other.xMm - item.xMm, other.yMm - item.yMm) > reach + Math.hypot(otherSize.widthMm, otherSize.depthMm) / 2) continue;
      others.push(footprintOf(otherSize, other));
    }
  }
  const clear = (placement: Placement): boolean => {
    const fp = footprintOf(size, placement);
    return footprintInsideRoom(fp, outline) && !others.some((other) => footprintsOverlap(fp, other));
  };
  const start: Placement = { xMm: item.xMm, yMm: item.yMm, rotationDeg: item.rotationDeg };
  if (clear(start)) return { nudgeTo: null, fits: true };
  for (let ring = 1; ring * NUDGE_STEP_MM <= MAX_NUDGE_MM; ring++) {
    const r = ring * NUDGE_STEP_MM;
    const candidates: Placement[] = [];
    for (let dx = -r; dx <= r; dx += NUDGE_STEP_MM) {
      candidates.push({ ...start, xMm: start.xMm + dx, yMm: start.yMm - r }, { ...start, xMm: start.xMm + dx, yMm: start.yMm + r });
    }
    for (let dy = -r + NUDGE_STEP_MM; dy <= r - NUDGE_STEP_MM; dy += NUDGE_STEP_MM) {
      candidates.push({ ...start, xMm: start.xMm - r, yMm: start.yMm + dy }, { ...start, xMm: start.xMm + r, yMm: start.yMm + dy });
    }
    candidates.sort((a, b) => Math.hypot(a.xMm - start.xMm, a.yMm - start.yMm) - Math.hypot(b.xMm - start.xMm, b.yMm - start.yMm));
    const found = candidates.find(clear);
    if (found) return { nudgeTo: { xMm: found.xMm, yMm: found.yMm }, fits: true };
  }
  const clamped = clampIntoRoom(outline, size, start);
  return { nudgeTo: clamped.inside && clamped.moved ? { xMm: Math.round(clamped.placement.xMm), yMm: Math.round(clamped.placement.yMm) } : null, fits: false };
}
