/**
 * Alternatives for a placed piece: products of the same category whose footprint fits where the
 * piece stands (its own footprint plus a tolerance, and the free space around it, either way
 * round), ranked by how close their styles are to the customer's style profile, each with the
 * price difference to the current piece.
 */
import type { Money } from '../money.ts';
import { footprintFits, type CatalogSearchIndex, type Footprint, type SearchableProduct } from './search.ts';

/** Style tag → how much the customer likes it (any positive scale; [Intake] fills it). */
export type StyleProfile = Readonly<Record<string, number>>;

export interface AlternativesRequest {
  readonly current: SearchableProduct;
  /** how much larger than the current piece an alternative may be, per side (default 100 mm) */
  readonly toleranceMm?: number;
  /** the free space the piece stands in, from the room's geometry; alternatives must fit it too */
  readonly freeSpace?: Footprint;
  readonly styleProfile?: StyleProfile;
  /** 0…1, the customer's whole style vector ([Intake]); when given it is the closeness instead of the style tags alone */
  readonly affinity?: (product: SearchableProduct) => number;
  /** default 20 */
  readonly limit?: number;
}

export interface Alternative<P> {
  readonly product: P;
  /** 0…1: the share of the profile's weight the product's style tags carry (0 without a profile) */
  readonly styleCloseness: number;
  /** alternative − current; null when they are priced in different currencies */
  readonly priceDelta: Money | null;
}

/** 0…1: the share of the profile's weight the product's style tags carry (0 for an empty profile). */
export function styleCloseness(styleProfile: StyleProfile, product: Pick<SearchableProduct, 'styleTags'>): number {
  const profileWeight = Object.values(styleProfile).reduce((sum, weight) => sum + Math.max(0, weight), 0);
  if (profileWeight === 0) return 0;
  const weight = [...new Set(product.styleTags.map((tag) => tag.toLowerCase()))].reduce((sum, tag) => sum + Math.max(0, styleProfile[tag] ?? 0), 0);
  return Math.min(1, weight / profileWeight);
}

export function findAlternatives<P extends SearchableProduct>(index: CatalogSearchIndex<P>, request: AlternativesRequest): Alternative<P>[] {
  const { current, freeSpace, styleProfile = {} } = request;
  const tolerance = request.toleranceMm ?? 100;
  const limit = request.limit ?? 20;
  const room: Footprint = { widthMm: current.widthMm + tolerance, depthMm: current.depthMm + tolerance };
  const { hits } = index.search({ categories: [current.category], fits: room, limit: index.size, facets: false });
  const closeness = (product: P): number => (request.affinity ? Math.min(1, Math.max(0, request.affinity(product) || 0)) : styleCloseness(styleProfile, product));
  const alternatives = hits
    .map((hit) => hit.product)
    .filter((product) => product.id !== current.id)
    .filter((product) => !freeSpace || footprintFits(product.widthMm, product.depthMm, freeSpace.widthMm, freeSpace.depthMm))
    .map((product) => ({
      product,
      styleCloseness: closeness(product),
      priceDelta: product.price.currency === current.price.currency ? { amountMinor: product.price.amountMinor - current.price.amountMinor, currency: current.price.currency } : null,
    }));
  // Closest style first; then the smallest change in price (same currency before others).
  const priceDistance = (alternative: Alternative<P>) => (alternative.priceDelta ? Math.abs(alternative.priceDelta.amountMinor) : Number.POSITIVE_INFINITY);
  alternatives.sort((a, b) => b.styleCloseness - a.styleCloseness || priceDistance(a) - priceDistance(b));
  return alternatives.slice(0, limit);
}
