/**
 * What the catalog panel asks for, as plain data: the text, the facet choices, a price cap in
 * one currency, a footprint to fit and the sort. `toSearchParams` turns it into the query of
 * `GET /api/catalog/search`; pure, so it is tested without a DOM.
 */
import { minorUnitDigits } from '../../core/money.ts';
import type { QueryOf } from '../../core/api/endpoint.ts';
import type { searchCatalog } from '../../core/api/catalog.ts';
import type { Category } from '../../core/catalog.ts';

export type SearchSort = 'relevance' | 'price-asc' | 'price-desc';

export interface CatalogFilters {
  readonly text: string;
  readonly categories: readonly Category[];
  readonly retailerIds: readonly string[];
  readonly styles: readonly string[];
  readonly colours: readonly string[];
  /** major units as typed ("1500"); applies in `currency` */
  readonly maxPrice: string;
  readonly currency: string | null;
  /** millimetres; both or neither */
  readonly fitsWidthMm: number | null;
  readonly fitsDepthMm: number | null;
  readonly sort: SearchSort;
  /** how many results to show: a page, grown by "Show more" */
  readonly limit: number;
  /** [Intake] searching inside this project: rank by its customer's style profile */
  readonly projectId?: string;
}

/** About two screens of cards: a keystroke re-renders no more than this. */
export const RESULTS_PER_PAGE = 24;
export const MAX_RESULTS = 192;

export const EMPTY_FILTERS: CatalogFilters = {
  text: '',
  categories: [],
  retailerIds: [],
  styles: [],
  colours: [],
  maxPrice: '',
  currency: null,
  fitsWidthMm: null,
  fitsDepthMm: null,
  sort: 'relevance',
  limit: RESULTS_PER_PAGE,
};

/** "1,499.50" → 149950 for USD; null when the text is not a positive amount. */
export function maxPriceMinor(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  if (!Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * 10 ** minorUnitDigits(currency));
}

export function toSearchParams(filters: CatalogFilters): QueryOf<typeof searchCatalog> {
  const cap = filters.currency ? maxPriceMinor(filters.maxPrice, filters.currency) : null;
  const fits = filters.fitsWidthMm && filters.fitsDepthMm ? `${filters.fitsWidthMm}x${filters.fitsDepthMm}` : undefined;
  const query: Record<string, unknown> = {
    q: filters.text.trim() || undefined,
    category: filters.categories.length ? filters.categories.join(',') : undefined,
    retailerId: filters.retailerIds.length ? filters.retailerIds.join(',') : undefined,
    style: filters.styles.length ? filters.styles.join(',') : undefined,
    colour: filters.colours.length ? filters.colours.join(',') : undefined,
    currency: cap !== null && filters.currency ? filters.currency : undefined,
    maxPriceMinor: cap ?? undefined,
    fits,
    sort: filters.sort,
    limit: Math.min(MAX_RESULTS, filters.limit),
    projectId: filters.projectId,
  };
  return query as QueryOf<typeof searchCatalog>;
}

/** A stable key for a request, so identical filters never fetch twice. */
export function searchKey(filters: CatalogFilters): string {
  return JSON.stringify(toSearchParams(filters));
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
}
