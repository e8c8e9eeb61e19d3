/**
 * Product records for the pieces of a live option, fetched by id and cached for the session:
 * a collaborator who swaps in a product we have never seen makes us fetch just that one.
 * `primeProducts` seeds the cache from an answer that already carries products (getOption).
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import * as catalog from '../../core/api/catalog.ts';
import type { Product } from '../api/types.ts';
import { api } from '../app/studio.ts';

export type ProductRecord = Product;

const cache = new Map<string, ProductRecord>();
const inFlight = new Set<string>();
const failed = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

function changed(): void {
  version += 1;
  for (const listener of [...listeners]) listener();
}

/** The same record as a fresh copy (a dragged product arrives parsed from the drag's JSON). */
function sameRecord(a: ProductRecord | undefined, b: ProductRecord): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

export function primeProducts(products: readonly ProductRecord[]): void {
  let added = false;
  for (const product of products) {
    // [Options] An equal copy keeps the cached object: a new one would re-resolve and redraw every piece of that product.
    if (!sameRecord(cache.get(product.id), product)) {
      cache.set(product.id, product);
      added = true;
    }
  }
  if (added) changed();
}

const MAX_PARALLEL = 6;

async function fetchMissing(ids: readonly string[]): Promise<void> {
  const missing = ids.filter((id) => !cache.has(id) && !inFlight.has(id) && !failed.has(id));
  if (missing.length === 0) return;
  for (const id of missing) inFlight.add(id);
  const queue = [...missing];
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const { product } = await api.call(catalog.getProduct, { params: { productId: id } });
        cache.set(id, product);
        changed();
      } catch {
        // Unknown or unreachable (offline): left out; tried again after a reconnect (`retryFailedProducts`).
        failed.add(id);
      } finally {
        inFlight.delete(id);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_PARALLEL, missing.length) }, worker));
}

/** Forget failures (called when the connection comes back) so they are fetched again. */
export function retryFailedProducts(): void {
  if (failed.size === 0) return;
  failed.clear();
  changed();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const getVersion = () => version;

export function useProducts(ids: readonly string[]): ReadonlyMap<string, ProductRecord> {
  const current = useSyncExternalStore(subscribe, getVersion);
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    if (key) void fetchMissing(key.split(','));
  }, [key, current]);
  return useMemo(() => {
    const found = new Map<string, ProductRecord>();
    for (const id of key ? key.split(',') : []) {
      const product = cache.get(id);
      if (product) found.set(id, product);
    }
    return found;
    // `current` marks a cache change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, current]);
}
