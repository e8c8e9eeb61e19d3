/**
 * The catalog's search index, kept in step with the store. The index (core/catalog/search.ts)
 * lives in memory; it is built from the store's products on the first search and rebuilt when
 * the catalog has changed since — whoever changed it: an import through the API, `atelier
 * catalog import` in another process, a price feed, another studio server on the same
 * PostgreSQL.
 *
 * "Has it changed?" is asked before every search and costs two index lookups, not a scan:
 * every new product and every price change writes a price observation (an ever-growing id), and
 * every import that changes a product's other fields stamps its retailer's `updated_at` (see
 * import.ts). A retailer renamed or added also changes the retailers' stamp.
 */
import type { Kysely } from 'kysely';
import { CatalogSearchIndex, type CatalogSearchQuery, type CatalogSearchResult } from '../../core/catalog/search.ts';
import type { Database } from '../db/schema.ts';
import { productQuery, toProduct, type Product } from './products.ts';

interface LoadedIndex {
  readonly stamp: string;
  readonly index: CatalogSearchIndex<Product>;
  readonly byId: ReadonlyMap<string, Product>;
}

export class CatalogSearchService {
  readonly #db: Kysely<Database>;
  #current: LoadedIndex | undefined;
  #building: { readonly stamp: string; readonly promise: Promise<LoadedIndex> } | undefined;
  #builds = 0;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /** How many times the index was built (tests and logs). */
  get builds(): number {
    return this.#builds;
  }

  async search(query: CatalogSearchQuery): Promise<CatalogSearchResult<Product>> {
    return (await this.current()).index.search(query);
  }

  /** The index as of now: the one in memory if the catalog has not changed, else a fresh one. */
  async current(): Promise<LoadedIndex> {
    const stamp = await catalogStamp(this.#db);
    if (this.#current?.stamp === stamp) return this.#current;
    if (this.#building?.stamp === stamp) return this.#building.promise;
    const promise = this.#build(stamp);
    this.#building = { stamp, promise };
    try {
      const loaded = await promise;
      // A slower, older build must not replace a newer one.
      if (!this.#current || this.#building?.promise === promise) this.#current = loaded;
      return loaded;
    } finally {
      if (this.#building?.promise === promise) this.#building = undefined;
    }
  }

  /**
   * Builds the index now rather than on the first search (a 50k catalog takes a second or two),
   * e.g. right after the server starts. Never rejects: a failure is reported and the first
   * search tries again.
   */
  async warm(onError: (error: unknown) => void = () => {}): Promise<void> {
    try {
      await this.current();
    } catch (error) {
      onError(error);
    }
  }

  /** Forgets the index; the next search builds it again. */
  invalidate(): void {
    this.#current = undefined;
  }

  async #build(stamp: string): Promise<LoadedIndex> {
    const rows = await productQuery(this.#db).orderBy('products.id').execute();
    const products = rows.map(toProduct);
    this.#builds++;
    return { stamp, index: new CatalogSearchIndex(products), byId: new Map(products.map((product) => [product.id, product])) };
  }
}

/** Changes whenever a product is added or re-priced, an import changes a product, or a retailer changes. */
export async function catalogStamp(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('price_observations').select((inner) => inner.fn.max('id').as('id')).as('observation'),
      eb.selectFrom('retailers').select((inner) => inner.fn.max('updated_at').as('at')).as('retailersAt'),
      eb.selectFrom('retailers').select((inner) => inner.fn.countAll().as('n')).as('retailers'),
    ])
    .executeTakeFirstOrThrow();
  return `${String(row.observation)}|${String(row.retailersAt)}|${String(row.retailers)}`;
}

const services = new WeakMap<Kysely<Database>, CatalogSearchService>();

/** The one search service of a store (created on first use; the index itself on first search). */
export function catalogSearchFor(db: Kysely<Database>): CatalogSearchService {
  let service = services.get(db);
  if (!service) {
    service = new CatalogSearchService(db);
    services.set(db, service);
  }
  return service;
}
