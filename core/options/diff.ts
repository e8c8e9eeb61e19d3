/**
 * What changed between two versions of an option ("v2 → v3"): pieces added, removed, swapped
 * (same item, another product), moved (beyond a tolerance, so a 1 mm nudge is not news),
 * recoloured, quantity changed, finishes changed — and what each change did to the price.
 *
 * One piece can appear under several headings (swapped *and* moved). Price changes are split
 * so they add up exactly: a swap is priced at the old quantity, a quantity change at the new
 * product's unit price, so Σ entry price changes = total after − total before.
 */
import { money, subtractMoney, sumMoney, type Money } from '../money.ts';
import { lineTotal, unitPriceOf, type ProductLookup } from '../pricing/totals.ts';
import type { PlacedItem } from '../room.ts';
import { byId, NO_FINISHES, type FinishSurface, type OptionFinishes } from './snapshot.ts';

export interface DiffOptions {
  readonly lookup: ProductLookup;
  readonly currency: string;
  /** Plan movement (including elevation) at or below this is not a move. Default 5 mm. */
  readonly positionToleranceMm?: number;
  /** Rotation at or below this is not a move. Default 0.5°. */
  readonly rotationToleranceDeg?: number;
}

/** Either side of a comparison: a snapshot, or just its items. */
export interface ComparableOption {
  readonly items: readonly PlacedItem[];
  readonly finishes?: OptionFinishes;
}

export interface PieceChange {
  readonly item: PlacedItem;
  readonly priceChange: Money;
}
export interface PieceUpdate {
  readonly itemId: string;
  readonly before: PlacedItem;
  readonly after: PlacedItem;
}
export interface SwappedPiece extends PieceUpdate {
  readonly priceChange: Money;
}
export interface MovedPiece extends PieceUpdate {
  readonly distanceMm: number;
  /** Signed, the short way round: in (-180, 180]. */
  readonly rotationDeg: number;
}
export interface QuantityChange extends PieceUpdate {
  readonly priceChange: Money;
}

export interface OptionDiff {
  readonly added: readonly PieceChange[];
  readonly removed: readonly PieceChange[];
  readonly swapped: readonly SwappedPiece[];
  readonly moved: readonly MovedPiece[];
  readonly recoloured: readonly PieceUpdate[];
  readonly quantityChanged: readonly QuantityChange[];
  readonly finishesChanged: readonly FinishSurface[];
  readonly totalBefore: Money;
  readonly totalAfter: Money;
  /** totalAfter − totalBefore. */
  readonly priceChange: Money;
}

export function diffOptions(before: ComparableOption, after: ComparableOption, options: DiffOptions): OptionDiff {
  const { lookup, currency } = options;
  const positionTolerance = options.positionToleranceMm ?? 5;
  const rotationTolerance = options.rotationToleranceDeg ?? 0.5;
  const beforeById = new Map(before.items.map((item) => [item.id, item]));
  const afterById = new Map(after.items.map((item) => [item.id, item]));
  const line = (item: PlacedItem) => lineTotal(item, lookup, currency);

  const added: PieceChange[] = [];
  const removed: PieceChange[] = [];
  const swapped: SwappedPiece[] = [];
  const moved: MovedPiece[] = [];
  const recoloured: PieceUpdate[] = [];
  const quantityChanged: QuantityChange[] = [];

  for (const item of [...after.items].sort(byId)) {
    if (!beforeById.has(item.id)) added.push({ item, priceChange: line(item) });
  }
  for (const item of [...before.items].sort(byId)) {
    const next = afterById.get(item.id);
    if (!next) {
      removed.push({ item, priceChange: minor(-line(item).amountMinor, currency) });
      continue;
    }
    const pair = { itemId: item.id, before: item, after: next };
    if (next.productId !== item.productId) {
      const unitChange = subtractMoney(unitPriceOf(next.productId, lookup, currency), unitPriceOf(item.productId, lookup, currency));
      swapped.push({ ...pair, priceChange: minor(unitChange.amountMinor * item.quantity, currency) });
    } else if ((next.colour ?? null) !== (item.colour ?? null)) {
      recoloured.push(pair);
    }
    if (next.quantity !== item.quantity) {
      const unit = unitPriceOf(next.productId, lookup, currency);
      quantityChanged.push({ ...pair, priceChange: minor(unit.amountMinor * (next.quantity - item.quantity), currency) });
    }
    const distanceMm = Math.hypot(next.xMm - item.xMm, next.yMm - item.yMm, next.elevationMm - item.elevationMm);
    const rotationDeg = shortestTurn(item.rotationDeg, next.rotationDeg);
    if (distanceMm > positionTolerance || Math.abs(rotationDeg) > rotationTolerance) moved.push({ ...pair, distanceMm, rotationDeg });
  }

  const totalBefore = sumMoney(before.items.map(line), currency);
  const totalAfter = sumMoney(after.items.map(line), currency);
  const finishesBefore = before.finishes ?? NO_FINISHES;
  const finishesAfter = after.finishes ?? NO_FINISHES;
  const finishesChanged = (['floor', 'walls'] as const).filter((surface) => !sameFinish(finishesBefore[surface], finishesAfter[surface]));

  return { added, removed, swapped, moved, recoloured, quantityChanged, finishesChanged, totalBefore, totalAfter, priceChange: subtractMoney(totalAfter, totalBefore) };
}

export function hasChanges(diff: OptionDiff): boolean {
  return (
    diff.added.length + diff.removed.length + diff.swapped.length + diff.moved.length + diff.recoloured.length + diff.quantityChanged.length + diff.finishesChanged.length >
    0
  );
}

/** The signed turn from `fromDeg` to `toDeg` the short way round, in (-180, 180]. */
export function shortestTurn(fromDeg: number, toDeg: number): number {
  const turn = (((toDeg - fromDeg) % 360) + 360) % 360;
  return turn > 180 ? turn - 360 : turn;
}

/** Money without a negative zero, which a formatter would print as "-$0.00". */
function minor(amountMinor: number, currency: string): Money {
  return money(amountMinor === 0 ? 0 : amountMinor, currency);
}

function sameFinish(a: OptionFinishes[FinishSurface], b: OptionFinishes[FinishSurface]): boolean {
  return a === b || (a !== null && b !== null && a.colour.toLowerCase() === b.colour.toLowerCase() && a.material === b.material);
}
