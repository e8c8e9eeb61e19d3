/**
 * What a design option costs: line totals, the option's total, subtotals per retailer, the
 * difference a swap makes, the difference against a published version, and the budget.
 *
 * Everything is integer minor units through `money.ts`. An option is priced in ONE currency,
 * named by the caller (the project's currency): a line in any other currency throws
 * `CurrencyMismatchError` before any sum is formed, so the UI shows a message instead of a
 * total that silently mixed dollars and euros. The customer's own piece (`productId: null`)
 * costs nothing and belongs to no retailer.
 *
 * Prices come from a lookup the caller passes in (the catalog, or the prices a version was
 * published with); nothing here reads a store.
 */
import { CurrencyMismatchError, money, multiplyMoney, subtractMoney, sumMoney, type Money } from '../money.ts';
import type { PlacedItem } from '../room.ts';

/** The part of a catalog product that pricing needs; a full `Product` satisfies it. */
export interface PricedProduct {
  readonly retailerId: string;
  readonly price: Money;
}

/** Finds a product's price; `undefined` when the catalog does not know the id. */
export type ProductLookup = (productId: string) => PricedProduct | undefined;

/** The fields of a placed item that decide its price. */
export type PricedItem = Pick<PlacedItem, 'id' | 'productId' | 'quantity'>;

export class UnknownProductError extends Error {
  readonly productId: string;
  constructor(productId: string) {
    super(`The catalog has no product "${productId}"`);
    this.name = 'UnknownProductError';
    this.productId = productId;
  }
}

export interface PricedLine {
  readonly itemId: string;
  readonly productId: string | null;
  /** null for the customer's own piece. */
  readonly retailerId: string | null;
  readonly quantity: number;
  readonly unitPrice: Money;
  readonly lineTotal: Money;
}

export interface RetailerSubtotal {
  readonly retailerId: string;
  /** Item ids in the option's order. */
  readonly itemIds: readonly string[];
  readonly subtotal: Money;
}

export interface OptionPrice {
  readonly currency: string;
  readonly lines: readonly PricedLine[];
  /** Ordered by retailer id; the customer's own pieces are in no group (they cost 0). */
  readonly byRetailer: readonly RetailerSubtotal[];
  readonly total: Money;
}

/** Builds a lookup from a list of products (for example the `products` of `getOption`). */
export function lookupFrom(products: Iterable<PricedProduct & { readonly id: string }>): ProductLookup {
  const byId = new Map<string, PricedProduct>();
  for (const product of products) byId.set(product.id, product);
  return (productId) => byId.get(productId);
}

/** Unit price of a product in the option's currency; 0 for the customer's own piece. */
export function unitPriceOf(productId: string | null, lookup: ProductLookup, currency: string): Money {
  return resolve(productId, lookup, currency).unitPrice;
}

function resolve(productId: string | null, lookup: ProductLookup, currency: string): { unitPrice: Money; retailerId: string | null } {
  if (productId === null) return { unitPrice: money(0, currency), retailerId: null };
  const product = lookup(productId);
  if (!product) throw new UnknownProductError(productId);
  if (product.price.currency !== currency) throw new CurrencyMismatchError([currency, product.price.currency]);
  return { unitPrice: product.price, retailerId: product.retailerId };
}

/** One line of an option: unit price × quantity. */
export function priceLine(item: PricedItem, lookup: ProductLookup, currency: string): PricedLine {
  const { unitPrice, retailerId } = resolve(item.productId, lookup, currency);
  return {
    itemId: item.id,
    productId: item.productId,
    retailerId,
    quantity: item.quantity,
    unitPrice,
    lineTotal: multiplyMoney(unitPrice, item.quantity),
  };
}

export function lineTotal(item: PricedItem, lookup: ProductLookup, currency: string): Money {
  return multiplyMoney(unitPriceOf(item.productId, lookup, currency), item.quantity);
}

/** Prices every line, groups by retailer and sums. Throws before summing if any line is in another currency. */
export function priceOption(items: readonly PricedItem[], lookup: ProductLookup, currency: string): OptionPrice {
  const lines = items.map((item) => priceLine(item, lookup, currency));
  const groups = new Map<string, PricedLine[]>();
  for (const line of lines) {
    if (line.retailerId === null) continue;
    const group = groups.get(line.retailerId);
    if (group) group.push(line);
    else groups.set(line.retailerId, [line]);
  }
  const byRetailer = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([retailerId, group]) => ({
      retailerId,
      itemIds: group.map((line) => line.itemId),
      subtotal: sumMoney(group.map((line) => line.lineTotal), currency),
    }));
  return { currency, lines, byRetailer, total: sumMoney(lines.map((line) => line.lineTotal), currency) };
}

export function optionTotal(items: readonly PricedItem[], lookup: ProductLookup, currency: string): Money {
  return sumMoney(items.map((item) => lineTotal(item, lookup, currency)), currency);
}

export function retailerSubtotals(items: readonly PricedItem[], lookup: ProductLookup, currency: string): readonly RetailerSubtotal[] {
  return priceOption(items, lookup, currency).byRetailer;
}

/**
 * What replacing the item's product with `toProductId` (same quantity) adds to the option's
 * total: new line − old line. Negative when the new piece is cheaper. Throws, and so changes
 * nothing, when the new product is in another currency — check this before applying a swap.
 */
export function swapDelta(item: PricedItem, toProductId: string | null, lookup: ProductLookup, currency: string): Money {
  const before = lineTotal(item, lookup, currency);
  const after = lineTotal({ ...item, productId: toProductId }, lookup, currency);
  return subtractMoney(after, before);
}

/**
 * The ribbon "+$240 vs v2": current total − the published version's total. Both sides are
 * priced with the same lookup unless `publishedLookup` is given, so by default the figure shows
 * what the design changed, not what the price feed did in between.
 */
export function differenceFromVersion(
  current: readonly PricedItem[],
  published: readonly PricedItem[],
  lookup: ProductLookup,
  currency: string,
  publishedLookup: ProductLookup = lookup,
): Money {
  return subtractMoney(optionTotal(current, lookup, currency), optionTotal(published, publishedLookup, currency));
}

export type BudgetStanding = 'under' | 'on' | 'over';

export interface BudgetComparison {
  readonly standing: BudgetStanding;
  /** How far under or over, never negative; zero when exactly on budget. */
  readonly by: Money;
  /** budget − total: positive under budget, negative over. */
  readonly remaining: Money;
}

/** Compares a total with the customer's budget. A budget in another currency throws. */
export function compareWithBudget(total: Money, budget: Money): BudgetComparison {
  const remaining = subtractMoney(budget, total);
  const standing: BudgetStanding = remaining.amountMinor > 0 ? 'under' : remaining.amountMinor < 0 ? 'over' : 'on';
  return { standing, by: money(Math.abs(remaining.amountMinor), remaining.currency), remaining };
}
