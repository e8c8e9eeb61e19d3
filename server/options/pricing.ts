/**
 * [Options] Pricing an option's document for the API: with the catalog's prices now (the live
 * option) or with the prices a version was published with. Sums go through core/pricing; a line in
 * another currency or an unknown product becomes an explicit `{ ok: false }` the UI shows.
 */
import type { z } from 'zod';
import type { PricingSchema } from '../../core/api/options.ts';
import { CurrencyMismatchError, type Money } from '../../core/money.ts';
import { priceOption, UnknownProductError, type ProductLookup } from '../../core/pricing/index.ts';
import type { PlacedItem } from '../../core/room.ts';
import type { Product } from '../catalog/products.ts';

export type Pricing = z.infer<typeof PricingSchema>;

/** A product's facts as a version recorded them at publish time. */
export interface PriceEntry {
  readonly productId: string;
  readonly retailerId: string;
  readonly retailerName: string;
  readonly name: string;
  readonly sku: string;
  readonly price: Money;
}

export function priceEntries(products: readonly Product[]): PriceEntry[] {
  return products.map((p) => ({ productId: p.id, retailerId: p.retailerId, retailerName: p.retailerName, name: p.name, sku: p.sku, price: p.price }));
}

export function entryLookup(entries: readonly PriceEntry[]): ProductLookup {
  const byId = new Map(entries.map((entry) => [entry.productId, entry]));
  return (productId) => byId.get(productId);
}

/** The project's currency: its budget's; else the first priced piece's; else US dollars. */
export function optionCurrency(budgetCurrency: string | null | undefined, items: readonly PlacedItem[], lookup: ProductLookup): string {
  if (budgetCurrency) return budgetCurrency;
  for (const item of items) {
    const product = item.productId ? lookup(item.productId) : undefined;
    if (product) return product.price.currency;
  }
  return 'USD';
}

export type PricingFailure = Extract<Pricing, { ok: false }>;

/** Turns core/pricing's refusals into the message a person reads. */
export function pricingFailure(error: unknown): PricingFailure {
  if (error instanceof CurrencyMismatchError) {
    const currencies = [...new Set(error.currencies)].join(' and ');
    return { ok: false, code: 'currency_mismatch', message: `This option mixes currencies (${currencies}), so it has no single total. Replace the pieces priced in another currency than the project's.` };
  }
  if (error instanceof UnknownProductError) return { ok: false, code: 'unknown_product', message: `A piece refers to a product the catalog no longer has (${error.productId}).` };
  throw error;
}

export function priceDocument(items: readonly PlacedItem[], entries: readonly PriceEntry[], currency: string): Pricing {
  const names = new Map(entries.map((entry) => [entry.retailerId, entry.retailerName]));
  try {
    const priced = priceOption(items, entryLookup(entries), currency);
    return {
      ok: true,
      currency,
      total: priced.total,
      byRetailer: priced.byRetailer.map((group) => ({ retailerId: group.retailerId, retailerName: names.get(group.retailerId) ?? group.retailerId, subtotal: group.subtotal })),
    };
  } catch (error) {
    return pricingFailure(error);
  }
}
