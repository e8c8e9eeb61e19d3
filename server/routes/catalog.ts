import * as api from '../../core/api/catalog.ts';
import { nativeMapping, type CatalogMapping } from '../../core/catalog/mapping.ts';
import { CatalogFeedError } from '../../core/catalog/import.ts';
import { implement } from '../http/context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { alternativesForItem } from '../catalog/alternatives.ts';
import { readFeed } from '../catalog/feed.ts';
import { importCatalog } from '../catalog/import.ts';
import { checkMapping } from '../catalog/mapping-file.ts';
import { previewFeed } from '../catalog/preview.ts';
import { priceHistory, productById, productQuery, toProduct } from '../catalog/products.ts';
import { findRetailer } from '../catalog/retailers.ts';
import { catalogSearchFor } from '../catalog/search-service.ts';
import { customerStyleFor, searchingForCustomer } from '../catalog/style-profile.ts';

/** Core results are deeply readonly; the contracts' types are not. Same shapes, so a type-only view. */
type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? { -readonly [K in keyof T]: Mutable<T[K]> } : T;
const asMutable = <T>(value: T): Mutable<T> => value as Mutable<T>;

/** A mapping from a request body, or ours when none is given; problems named as body.mapping.… */
function mappingFromBody(mapping: Record<string, unknown> | undefined): CatalogMapping {
  if (mapping === undefined) return nativeMapping;
  const checked = checkMapping(mapping);
  if (checked.ok) return checked.mapping;
  const issues = checked.issues.map((issue) => ({ path: `body.mapping${issue.path === 'mapping' ? '' : `.${issue.path}`}`, message: issue.message }));
  throw new HttpError(400, 'invalid_mapping', `The mapping cannot be used — ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, { issues });
}

export const catalogRoutes = [
  implement(api.listProducts, async ({ query, services }) => {
    let select = productQuery(services.db);
    if (query.category) select = select.where('products.category', '=', query.category);
    if (query.retailerId) select = select.where('products.retailer_id', '=', query.retailerId);
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      select = select.where((eb) => eb(eb.fn('lower', ['products.name']), 'like', pattern));
    }
    const total = await select.clearSelect().select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
    const rows = await select.orderBy('products.name').orderBy('products.id').limit(query.limit).offset(query.offset).execute();
    return { products: rows.map(toProduct), total: Number(total?.count ?? 0) };
  }),

  implement(api.listRetailers, async ({ services }) => {
    const rows = await services.db
      .selectFrom('retailers')
      .leftJoin('products', 'products.retailer_id', 'retailers.id')
      .select(['retailers.id', 'retailers.name', 'retailers.currency', (eb) => eb.fn.count<number>('products.id').as('count')])
      .groupBy(['retailers.id', 'retailers.name', 'retailers.currency'])
      .orderBy('retailers.name')
      .execute();
    return { retailers: rows.map((r) => ({ id: r.id, name: r.name, currency: r.currency, productCount: Number(r.count) })) };
  }),

  implement(api.searchCatalog, async ({ query, user, services }) => {
    const price = query.currency && (query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined) ? { currency: query.currency, minMinor: query.minPriceMinor, maxMinor: query.maxPriceMinor } : undefined;
    const style = await customerStyleFor(services.db, await searchingForCustomer(services.db, user, query.projectId));
    const result = await catalogSearchFor(services.db).search({
      text: query.q ?? '',
      categories: query.category,
      retailerIds: query.retailerId,
      styles: query.style,
      colours: query.colour,
      ...(price ? { price } : {}),
      ...(query.fits ? { fits: query.fits } : {}),
      sort: query.sort,
      limit: query.limit,
      offset: query.offset,
      facets: query.facets,
      ...(style ? { affinity: style.affinity } : {}),
    });
    return asMutable({ total: result.total, hits: result.hits, facets: result.facets, matchedAllTerms: result.matchedAllTerms, fits: result.fits, styleProfileUsed: style !== null });
  }),

  implement(api.getProduct, async ({ params, services }) => {
    const product = await productById(services.db, params.productId);
    if (!product) throw notFound('Product');
    const retailer = await findRetailer(services.db, product.retailerName);
    if (!retailer) throw notFound('Retailer');
    return { product, retailer };
  }),

  implement(api.getProductPrices, async ({ params, query, services }) => {
    const product = await productById(services.db, params.productId);
    if (!product) throw notFound('Product');
    const observations = await priceHistory(services.db, product.id, { from: query.from, to: query.to, limit: query.limit });
    const sameCurrency = observations.filter((o) => o.price.currency === product.price.currency);
    const pick = (better: (a: number, b: number) => boolean) =>
      sameCurrency.reduce<(typeof sameCurrency)[number] | null>((best, o) => (best === null || better(o.price.amountMinor, best.price.amountMinor) ? o : best), null)?.price ?? null;
    return { productId: product.id, current: product.price, observations, lowest: pick((a, b) => a < b), highest: pick((a, b) => a > b) };
  }),

  implement(api.getAlternatives, async ({ params, query, services }) => {
    const freeSpace = query.freeWidthMm !== undefined && query.freeDepthMm !== undefined ? { widthMm: query.freeWidthMm, depthMm: query.freeDepthMm } : undefined;
    const alternatives = await alternativesForItem(services.db, catalogSearchFor(services.db), params.optionId, params.itemId, {
      toleranceMm: query.toleranceMm,
      ...(freeSpace ? { freeSpace } : {}),
      limit: query.limit,
    });
    return asMutable(alternatives);
  }),

  implement(api.previewImport, async ({ body, services }) => {
    const preview = await previewFeed(services.db, { ...body, mapping: mappingFromBody(body.mapping), rows: api.PREVIEW_ROWS });
    return asMutable(preview);
  }),

  implement(api.importCatalogFeed, async ({ body, services }) => {
    const mapping = mappingFromBody(body.mapping);
    try {
      const report = await importCatalog(services.db, {
        retailer: body.retailer,
        feed: (currency) => readFeed([body.text], { currency, mapping, format: body.format }),
        source: `catalog-upload:${body.fileName ?? 'feed'}`,
      });
      const { retailer, retailerCreated, kind, imported, updated, unchanged, rejected } = report;
      return { retailer: { id: retailer.id, name: retailer.name, currency: retailer.currency }, retailerCreated, kind, imported, updated, unchanged, rejected: asMutable(rejected) };
    } catch (error) {
      if (error instanceof CatalogFeedError) throw new HttpError(400, 'unreadable_feed', `The feed cannot be imported: ${error.message}`);
      throw error;
    }
  }),
];
