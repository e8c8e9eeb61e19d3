/**
 * What a screen draws for an option: the live document's items once loaded (local copy or
 * server), the REST answer until then (first paint), and the product records they refer to.
 */
import { useEffect, useMemo } from 'react';
import type { PlacedItem, Product } from '../api/types.ts';
import type { LiveOption } from './liveOption.ts';
import { useLiveSnapshot } from './useLiveOption.ts';
import { primeProducts, retryFailedProducts, useProducts } from './useProducts.ts';

export interface OptionContent {
  /** null until either the live document or the REST answer is there. */
  readonly items: readonly PlacedItem[] | null;
  readonly products: readonly Product[];
  /** True when the items come from the live document. */
  readonly live: boolean;
}

export function useOptionContent(live: LiveOption | null, first: { readonly option: { readonly items: readonly PlacedItem[] }; readonly products: readonly Product[] } | null): OptionContent {
  const snapshot = useLiveSnapshot(live);
  useEffect(() => {
    if (first) primeProducts(first.products);
  }, [first]);
  // Products that could not be fetched offline are asked for again once the connection is back.
  const synced = snapshot?.status === 'synced';
  useEffect(() => {
    if (synced) retryFailedProducts();
  }, [synced]);
  // readItems validates every item with PlacedItemSchema, so live items are the API's records too.
  const items = snapshot?.loaded ? (snapshot.items as readonly PlacedItem[]) : (first?.option.items ?? null);
  const ids = useMemo(() => (items ?? []).flatMap((item) => (item.productId ? [item.productId] : [])), [items]);
  const records = useProducts(ids);
  return useMemo(() => {
    // Until the cache has them, the REST answer's own products serve.
    const products = new Map(first?.products.map((product) => [product.id, product]));
    for (const [id, product] of records) products.set(id, product);
    return { items, products: [...products.values()], live: Boolean(snapshot?.loaded) };
  }, [items, records, first, snapshot?.loaded]);
}
