/**
 * [Catalog] contracts: search with facets and "fits", a product's detail and price history,
 * alternatives for a placed piece, and the admin's feed import (a preview for the wizard, then
 * the import itself). Browsing (`listProducts`) and the retailer list live in foundation.ts and
 * are re-exported here so a client finds every catalog endpoint in one place.
 */
import { z } from 'zod';
import { parseFootprint } from '../catalog/search.ts';
import { endpoint } from './endpoint.ts';
import { CategorySchema, CurrencyCode, Id, IsoDateTime, MoneySchema, ProductSchema } from './schemas.ts';

export { listProducts, listRetailers } from './foundation.ts';

/** A query parameter given as `a,b` or repeated (`?x=a&x=b`). */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter((v) => v !== '')), z.array(item).max(50)).optional();

const FootprintSchema = z.object({ widthMm: z.number().int(), depthMm: z.number().int() });

/** "900x500" (millimetres), "90x50cm", "35 x 20 in". */
const FootprintText = z
  .string()
  .max(40)
  .transform((text, context) => {
    const footprint = parseFootprint(text);
    if (!footprint) {
      context.addIssue({ code: 'custom', message: 'must be WIDTHxDEPTH in millimetres, e.g. 900x500 (or with a unit: 90x50cm)' });
      return z.NEVER;
    }
    return footprint;
  });

export const SearchSortSchema = z.enum(['relevance', 'price-asc', 'price-desc']);

const FacetValueSchema = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const SearchFacetsSchema = z.object({
  category: z.array(FacetValueSchema),
  retailer: z.array(FacetValueSchema),
  style: z.array(FacetValueSchema),
  colour: z.array(FacetValueSchema),
  /** per currency: counts in price buckets; `maxMinor` is exclusive, null for the top bucket */
  price: z.array(z.object({ currency: CurrencyCode, buckets: z.array(z.object({ minMinor: z.number().int(), maxMinor: z.number().int().nullable(), count: z.number().int() })) })),
});

export const searchCatalog = endpoint({
  id: 'searchCatalog',
  method: 'GET',
  path: '/api/catalog/search',
  summary: 'Search the catalog: typo-tolerant prefix text, facet filters, "fits WxD", sort by relevance or price',
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:read' },
  query: z
    .object({
      /** words; "fits 900x500" inside the text works too */
      q: z.string().max(200).optional(),
      category: listOf(CategorySchema),
      retailerId: listOf(Id),
      style: listOf(z.string().max(60)),
      colour: listOf(z.string().max(60)),
      /** a price range is in one currency: products priced in others are left out */
      currency: CurrencyCode.optional(),
      minPriceMinor: z.coerce.number().int().min(0).optional(),
      maxPriceMinor: z.coerce.number().int().min(0).optional(),
      /** only products whose footprint fits inside WIDTHxDEPTH (mm), turned either way */
      fits: FootprintText.optional(),
      sort: SearchSortSchema.default('relevance'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
      /** false skips the facet counts */
      facets: z.stringbool().default(true),
      /** rank for this project's customer's style profile (a designer searching for them); a customer's own search uses theirs */
      projectId: Id.optional(),
    })
    .superRefine((query, context) => {
      if ((query.minPriceMinor !== undefined || query.maxPriceMinor !== undefined) && !query.currency) {
        context.addIssue({ code: 'custom', path: ['currency'], message: 'is required with minPriceMinor or maxPriceMinor (prices compare within one currency)' });
      }
    }),
  response: z.object({
    total: z.number().int(),
    hits: z.array(z.object({ product: ProductSchema, score: z.number() })),
    facets: SearchFacetsSchema.nullable(),
    /** false when no product matched every word, and the hits match only some */
    matchedAllTerms: z.boolean(),
    /** the footprint applied, from `fits` or typed in `q` */
    fits: FootprintSchema.nullable(),
    /** true when results were ranked by a customer's style profile ([Intake]) */
    styleProfileUsed: z.boolean(),
  }),
});

export const RetailerPolicySchema = z.object({
  windowDays: z.number().int(),
  windowFrom: z.enum(['purchase', 'delivery']),
  adjustments: z.enum(['one', 'unlimited']),
  excludeFinalSale: z.boolean(),
});

export const getProduct = endpoint({
  id: 'getProduct',
  method: 'GET',
  path: '/api/catalog/products/:productId',
  summary: 'A product with its retailer and price-adjustment policy',
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:read' },
  params: z.object({ productId: Id }),
  response: z.object({
    product: ProductSchema,
    retailer: z.object({ id: Id, name: z.string(), currency: CurrencyCode, policy: RetailerPolicySchema }),
  }),
});

export const PriceObservationSchema = z.object({ observedAt: IsoDateTime, price: MoneySchema, source: z.string() });

export const getProductPrices = endpoint({
  id: 'getProductPrices',
  method: 'GET',
  path: '/api/catalog/products/:productId/prices',
  summary: "A product's price history: every observed price over time, oldest first",
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:read' },
  params: z.object({ productId: Id }),
  query: z.object({
    from: IsoDateTime.optional(),
    to: IsoDateTime.optional(),
    /** the most recent this many observations in the range */
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  }),
  response: z.object({
    productId: Id,
    current: MoneySchema,
    observations: z.array(PriceObservationSchema),
    /** lowest and highest in the returned observations; null when there are none */
    lowest: MoneySchema.nullable(),
    highest: MoneySchema.nullable(),
  }),
});

export const getAlternatives = endpoint({
  id: 'getAlternatives',
  method: 'GET',
  path: '/api/options/:optionId/items/:itemId/alternatives',
  summary: "Swaps for a placed piece: same category, fits its footprint (+ tolerance) and the free space, closest to the customer's style, with the price difference",
  tag: 'catalog',
  access: { kind: 'session', action: 'project:read', scope: { param: 'optionId', resource: 'option' } },
  params: z.object({ optionId: Id, itemId: Id }),
  query: z
    .object({
      /** how much larger than the current piece an alternative may be, per side */
      toleranceMm: z.coerce.number().int().min(0).max(2000).default(100),
      /** the free space the piece stands in (from the room's geometry); give both or neither */
      freeWidthMm: z.coerce.number().int().min(1).max(30_000).optional(),
      freeDepthMm: z.coerce.number().int().min(1).max(30_000).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    })
    .refine((query) => (query.freeWidthMm === undefined) === (query.freeDepthMm === undefined), { path: ['freeDepthMm'], message: 'give freeWidthMm and freeDepthMm together' }),
  response: z.object({
    item: z.object({ id: Id, productId: Id.nullable() }),
    /** the placed product; null for the customer's own piece */
    current: ProductSchema.nullable(),
    /** whether the customer's style profile ranked the list */
    styleProfileUsed: z.boolean(),
    alternatives: z.array(
      z.object({
        product: ProductSchema,
        /** 0…1: how much of the customer's style profile the product's tags carry */
        styleCloseness: z.number(),
        /** alternative − current (the whole price for an own piece); null across currencies */
        priceDelta: MoneySchema.nullable(),
      }),
    ),
  }),
});

export const ImportRetailerSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(120),
  /** required when the retailer is new */
  currency: CurrencyCode.optional(),
});

/** How the feed is written; 'auto' reads `[` or `{` as JSON, anything else as CSV. */
export const FeedFormatSchema = z.enum(['csv', 'json', 'auto']);
export const FeedKindSchema = z.enum(['csv', 'json-array', 'json-lines']);

/** A mapping as in README "Catalog" (columns, units, separators, categories); checked by the server. */
const MappingBody = z.record(z.string(), z.unknown());

export const ProductInputSchema = ProductSchema.omit({ id: true, retailerId: true, retailerName: true });

export const RejectedRowSchema = z.object({
  /** the line (CSV, JSON lines) or item number (JSON array) */
  line: z.number().int(),
  field: z.string(),
  reason: z.string(),
  sku: z.string().optional(),
});

export const PREVIEW_MAX_CHARS = 256 * 1024;
export const PREVIEW_ROWS = 10;

export const previewImport = endpoint({
  id: 'previewImport',
  method: 'POST',
  path: '/api/catalog/imports/preview',
  summary: "The import wizard's preview: a feed's header and its first rows as products or rejections, under a mapping",
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:import' },
  body: z.object({
    /** the start of the feed (about 64 KiB is plenty); a cut-off last row is ignored unless `complete` */
    text: z.string().max(PREVIEW_MAX_CHARS, `must be at most ${PREVIEW_MAX_CHARS} characters: send the start of the file`),
    complete: z.boolean().default(false),
    retailer: ImportRetailerSchema,
    mapping: MappingBody.optional(),
    format: FeedFormatSchema.default('auto'),
  }),
  response: z.object({
    kind: FeedKindSchema.nullable(),
    /** CSV: the header row; JSON: the keys of the first items */
    header: z.array(z.string()),
    missingOptionalColumns: z.array(z.string()),
    /** why no rows could be read (the header lacks a mapped column…); null when rows were read */
    problem: z.string().nullable(),
    currency: CurrencyCode,
    retailerExists: z.boolean(),
    rows: z.array(z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), line: z.number().int(), product: ProductInputSchema }), RejectedRowSchema.extend({ ok: z.literal(false) })])),
  }),
  bodyLimit: 2 * PREVIEW_MAX_CHARS + 64 * 1024,
});

export const IMPORT_MAX_CHARS = 50 * 1024 * 1024;

export const importCatalogFeed = endpoint({
  id: 'importCatalogFeed',
  method: 'POST',
  path: '/api/catalog/imports',
  summary: "Import a retailer's feed: valid rows upserted by SKU in one transaction; every rejected row reported with its line and reason",
  tag: 'catalog',
  access: { kind: 'session', action: 'catalog:import' },
  body: z.object({
    text: z.string().min(1, 'is empty').max(IMPORT_MAX_CHARS, 'must be at most 50 MiB'),
    retailer: ImportRetailerSchema,
    mapping: MappingBody.optional(),
    format: FeedFormatSchema.default('auto'),
    /** the file's name, kept with the price observations as their source */
    fileName: z.string().max(200).optional(),
  }),
  response: z.object({
    retailer: z.object({ id: Id, name: z.string(), currency: CurrencyCode }),
    retailerCreated: z.boolean(),
    kind: FeedKindSchema,
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(RejectedRowSchema),
  }),
  // Room for JSON escaping of a 50 MiB feed.
  bodyLimit: 64 * 1024 * 1024,
});

export const catalogEndpoints = [searchCatalog, getProduct, getProductPrices, getAlternatives, previewImport, importCatalogFeed] as const;
