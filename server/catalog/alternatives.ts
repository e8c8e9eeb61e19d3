/**
 * Alternatives for a piece placed in a design option: the core ranking (core/catalog/
 * alternatives.ts) over the live search index, for the option's stored items, ranked by the
 * project customer's style profile when [Intake] provides one.
 */
import type { Kysely } from 'kysely';
import { isCategory } from '../../core/catalog.ts';
import { findAlternatives, type Alternative } from '../../core/catalog/alternatives.ts';
import type { Footprint, SearchableProduct } from '../../core/catalog/search.ts';
import type { Money } from '../../core/money.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { readLiveSnapshot } from '../options/records.ts';
import type { Product } from './products.ts';
import type { CatalogSearchService } from './search-service.ts';
import { customerStyleFor } from './style-profile.ts';

export interface AlternativesOptions {
  readonly toleranceMm: number;
  readonly freeSpace?: Footprint;
  readonly limit: number;
}

export interface ItemAlternatives {
  readonly item: { readonly id: string; readonly productId: string | null };
  readonly current: Product | null;
  readonly styleProfileUsed: boolean;
  readonly alternatives: readonly { readonly product: Product; readonly styleCloseness: number; readonly priceDelta: Money | null }[];
}

export async function alternativesForItem(db: Kysely<Database>, search: CatalogSearchService, optionId: string, itemId: string, options: AlternativesOptions): Promise<ItemAlternatives> {
  const option = await db
    .selectFrom('design_options')
    .innerJoin('rooms', 'rooms.id', 'design_options.room_id')
    .innerJoin('projects', 'projects.id', 'rooms.project_id')
    .select(['projects.customer_id'])
    .where('design_options.id', '=', optionId)
    .executeTakeFirst();
  if (!option) throw notFound('Design option');
  // [Options] the live document as it stands (a piece placed or swapped a moment ago), not the compacted snapshot.
  const items = (await readLiveSnapshot(db, optionId)).items;
  const item = items.find((candidate) => candidate.id === itemId);
  if (!item) throw notFound('Placed item');

  const { index, byId } = await search.current();
  let current: Product | null = null;
  let piece: SearchableProduct;
  if (item.productId !== null) {
    current = byId.get(item.productId) ?? null;
    if (!current) throw new HttpError(404, 'not_found', 'The placed product is no longer in the catalog');
    piece = current;
  } else {
    const own = item.ownPiece;
    if (!own || !isCategory(own.category)) throw new HttpError(422, 'no_category', "This piece has no catalog category to find alternatives in");
    // The customer's own piece costs nothing: an alternative's delta is its whole price.
    piece = { id: `own:${item.id}`, retailerId: '', retailerName: '', name: own.name, category: own.category, widthMm: own.widthMm, depthMm: own.depthMm, price: { amountMinor: 0, currency: 'XXX' }, colours: [], styleTags: [], materials: [] };
  }

  const style = await customerStyleFor(db, option.customer_id);
  const ranked: Alternative<Product>[] = findAlternatives(index, {
    current: piece,
    toleranceMm: options.toleranceMm,
    ...(options.freeSpace ? { freeSpace: options.freeSpace } : {}),
    ...(style ? { styleProfile: style.tags, affinity: style.affinity } : {}),
    limit: options.limit,
  });
  return {
    item: { id: item.id, productId: item.productId },
    current,
    styleProfileUsed: style !== null,
    alternatives: ranked.map(({ product, styleCloseness, priceDelta }) => ({ product, styleCloseness, priceDelta: current ? priceDelta : product.price })),
  };
}
