/**
 * [Options] The shopping list, pure: an approved version's pieces grouped by retailer, one line
 * per product and colour (quantities of the same product added up), at the prices the version
 * was published with. Its total is the version's total by construction: every line total comes
 * from core/pricing and the subtotals and the total are sums of them (tested).
 *
 * The CSV holds the same rows: `item` rows, a `subtotal` per retailer, the `total`; amounts in
 * major units as exact decimals, each beside its currency.
 */
import type { z } from 'zod';
import type { ShoppingLineSchema, ShoppingListSchema } from '../../core/api/options.ts';
import { minorUnitDigits, multiplyMoney, sumMoney } from '../../core/money.ts';
import { unitPriceOf } from '../../core/pricing/index.ts';
import type { PlacedItem } from '../../core/room.ts';
import { toCsv } from '../desk/csv.ts';
import { entryLookup, type PriceEntry } from './pricing.ts';

export type ShoppingLine = z.infer<typeof ShoppingLineSchema>;
export type ShoppingList = z.infer<typeof ShoppingListSchema>;
export type ShoppingPurchase = NonNullable<ShoppingLine['purchase']>;

/** A line's key: its product and colour ("p-123" or "p-123~oak"). */
export function shoppingLineKey(productId: string, colour: string | null | undefined): string {
  return colour ? `${productId}~${colour}` : productId;
}

export interface ShoppingListInput {
  readonly items: readonly PlacedItem[];
  readonly prices: readonly PriceEntry[];
  readonly currency: string;
  readonly productUrls: ReadonlyMap<string, string | null>;
  readonly purchases: ReadonlyMap<string, ShoppingPurchase>;
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en');

/** Throws CurrencyMismatchError / UnknownProductError like core/pricing: the caller turns them into a message. */
export function buildShoppingList(input: ShoppingListInput): Omit<ShoppingList, 'approval'> {
  const { currency } = input;
  const lookup = entryLookup(input.prices);
  const entries = new Map(input.prices.map((entry) => [entry.productId, entry]));
  const groups = new Map<string, { retailerId: string; retailerName: string; lines: Map<string, { productId: string; colour: string | null; quantity: number }> }>();
  const ownPieces: ShoppingList['ownPieces'] = [];
  for (const item of input.items) {
    if (item.productId === null) {
      ownPieces.push({ itemId: item.id, name: item.ownPiece?.name ?? 'Own piece', quantity: item.quantity });
      continue;
    }
    unitPriceOf(item.productId, lookup, currency); // refuses another currency or an unknown product before anything is summed
    const entry = entries.get(item.productId)!;
    const group = groups.get(entry.retailerId) ?? { retailerId: entry.retailerId, retailerName: entry.retailerName, lines: new Map() };
    groups.set(entry.retailerId, group);
    const key = shoppingLineKey(item.productId, item.colour);
    const line = group.lines.get(key) ?? { productId: item.productId, colour: item.colour ?? null, quantity: 0 };
    line.quantity += item.quantity;
    group.lines.set(key, line);
  }
  const retailers = [...groups.values()]
    .sort((a, b) => byText(a.retailerName, b.retailerName))
    .map((group) => {
      const lines: ShoppingLine[] = [...group.lines.entries()]
        .map(([key, line]) => {
          const entry = entries.get(line.productId)!;
          const unitPrice = unitPriceOf(line.productId, lookup, currency);
          return {
            key,
            productId: line.productId,
            name: entry.name,
            sku: entry.sku,
            colour: line.colour,
            quantity: line.quantity,
            unitPrice,
            lineTotal: multiplyMoney(unitPrice, line.quantity),
            productUrl: input.productUrls.get(line.productId) ?? null,
            purchase: input.purchases.get(key) ?? null,
          };
        })
        .sort((a, b) => byText(a.name, b.name) || byText(a.key, b.key));
      return { retailerId: group.retailerId, retailerName: group.retailerName, lines, subtotal: sumMoney(lines.map((line) => line.lineTotal), currency) };
    });
  const all = retailers.flatMap((retailer) => retailer.lines);
  return {
    currency,
    retailers,
    ownPieces,
    total: sumMoney(retailers.map((retailer) => retailer.subtotal), currency),
    purchasedCount: all.filter((line) => line.purchase !== null).length,
    lineCount: all.length,
  };
}

/** Minor units as an exact decimal in major units (12345 USD → "123.45", -5 USD → "-0.05", 500 JPY → "500"). */
export function majorUnits(amountMinor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export const SHOPPING_CSV_HEADER = ['row', 'retailer', 'product', 'sku', 'colour', 'quantity', 'unit_price', 'line_total', 'currency', 'product_url', 'order_ref', 'price_paid', 'purchased_at'] as const;

export function shoppingListCsv(list: Omit<ShoppingList, 'approval'>): string {
  const rows: (string | number | null)[][] = [];
  for (const retailer of list.retailers) {
    for (const line of retailer.lines) {
      const paid = line.purchase ? majorUnits(line.purchase.unitPricePaid.amountMinor, line.purchase.unitPricePaid.currency) : null;
      rows.push(['item', retailer.retailerName, line.name, line.sku, line.colour, line.quantity, majorUnits(line.unitPrice.amountMinor, list.currency), majorUnits(line.lineTotal.amountMinor, list.currency), list.currency, line.productUrl, line.purchase?.orderRef ?? null, paid, line.purchase?.purchasedAt ?? null]);
    }
    rows.push(['subtotal', retailer.retailerName, null, null, null, null, null, majorUnits(retailer.subtotal.amountMinor, list.currency), list.currency, null, null, null, null]);
  }
  rows.push(['total', null, null, null, null, null, null, majorUnits(list.total.amountMinor, list.currency), list.currency, null, null, null, null]);
  return toCsv(SHOPPING_CSV_HEADER, rows);
}
