/**
 * The shopping lines of a design option as the project page lists them: each placed item with
 * its product and line price, and totals per currency (a sum across currencies is an error in
 * core/money, so an option mixing retailers' currencies shows one total per currency).
 * Pricing proper (swap deltas) belongs in core; this only arranges what the page shows.
 */
import type { PlacedItem, Product } from '../../api/types.ts';
import { multiplyMoney, subtractMoney, sumMoney, type Money } from '../../../core/money.ts';

export interface OptionLine {
  readonly item: PlacedItem;
  readonly product: Product | null;
  readonly name: string;
  readonly category: string;
  readonly dims: { widthMm: number; depthMm: number; heightMm: number } | null;
  /** null for the customer's own piece, which costs nothing. */
  readonly lineTotal: Money | null;
}

export function optionLines(items: readonly PlacedItem[], products: readonly Product[]): OptionLine[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  return items.map((item) => {
    const product = item.productId ? (byId.get(item.productId) ?? null) : null;
    const source = product ?? item.ownPiece ?? null;
    return {
      item,
      product,
      name: source?.name ?? '',
      category: source?.category ?? '',
      dims: source ? { widthMm: source.widthMm, depthMm: source.depthMm, heightMm: source.heightMm } : null,
      lineTotal: product ? multiplyMoney(product.price, item.quantity) : null,
    };
  });
}

/** One total per currency, in the order the currencies first appear. */
export function totalsByCurrency(lines: readonly OptionLine[]): Money[] {
  const currencies = [...new Set(lines.flatMap((line) => (line.lineTotal ? [line.lineTotal.currency] : [])))];
  return currencies.map((currency) => sumMoney(lines.flatMap((line) => (line.lineTotal && line.lineTotal.currency === currency ? [line.lineTotal] : [])), currency));
}

/** Budget minus total, when both are in one currency; positive means under budget. */
export function budgetHeadroom(totals: readonly Money[], budget: Money | null): Money | null {
  if (!budget) return null;
  if (totals.length === 0) return budget;
  if (totals.length !== 1 || totals[0]!.currency !== budget.currency) return null;
  return subtractMoney(budget, totals[0]!);
}
