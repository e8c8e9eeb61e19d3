/**
 * How a retailer's own feed maps onto our product fields: which column holds what, in which
 * units, with which number format, and which of their category names mean which of ours.
 * A mapping is a small JSON file (`--map MAPPING.json`) or the result of the UI's import wizard;
 * `nativeMapping` describes our own CSV format (assets/seed/README.md).
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../catalog.ts';
import { FEED_LENGTH_UNITS, type FeedLengthUnit, type NumberFormat } from './numbers.ts';

/** Our product fields a feed column can fill. */
export const MAPPED_FIELDS = [
  'sku',
  'name',
  'category',
  'width',
  'depth',
  'height',
  'price',
  'currency',
  'colours',
  'styleTags',
  'materials',
  'modelUrl',
  'productUrl',
  'imageUrl',
  'finalSale',
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

export const REQUIRED_FIELDS: readonly MappedField[] = ['sku', 'name', 'category', 'width', 'depth', 'height', 'price'];

const ColumnName = z.string().trim().min(1, 'a column name cannot be empty').max(200);
const LengthUnitSchema = z.enum(FEED_LENGTH_UNITS);
const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO-4217 code such as USD');

const ColumnsSchema = z.object({
  sku: ColumnName,
  name: ColumnName,
  category: ColumnName,
  width: ColumnName,
  depth: ColumnName,
  height: ColumnName,
  price: ColumnName,
  currency: ColumnName.optional(),
  colours: ColumnName.optional(),
  styleTags: ColumnName.optional(),
  materials: ColumnName.optional(),
  modelUrl: ColumnName.optional(),
  productUrl: ColumnName.optional(),
  imageUrl: ColumnName.optional(),
  finalSale: ColumnName.optional(),
});

const UnitsSchema = z
  .union([LengthUnitSchema, z.object({ width: LengthUnitSchema, depth: LengthUnitSchema, height: LengthUnitSchema })])
  .transform((units) => (typeof units === 'string' ? { width: units, depth: units, height: units } : units));

/** The mapping file's schema (version 1). Every key but `columns` has a default. */
export const CatalogMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    /** the field delimiter of a CSV feed */
    delimiter: z.enum([',', ';', '\t', '|']).default(','),
    columns: ColumnsSchema,
    /** one unit for all dimensions, or one per dimension */
    units: UnitsSchema.default({ width: 'mm', depth: 'mm', height: 'mm' }),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousandsSeparator: z.enum(['', ',', '.', ' ', "'"]).default(''),
    /** separates the values of a list cell (colours, style tags, materials) */
    listSeparator: z.string().min(1).max(3).default('|'),
    /** their category name (any case) → ours; names not listed must already be one of ours */
    categories: z.record(z.string(), z.enum(CATEGORIES)).default({}),
    /** the currency of rows without a currency column or value */
    defaultCurrency: CurrencyCode.optional(),
  })
  .refine((mapping) => mapping.decimalSeparator !== mapping.thousandsSeparator, {
    message: 'the decimal and thousands separators must differ',
    path: ['thousandsSeparator'],
  })
  .refine((mapping) => mapping.listSeparator !== mapping.delimiter, {
    message: 'the list separator must differ from the field delimiter',
    path: ['listSeparator'],
  });

export type CatalogMappingInput = z.input<typeof CatalogMappingSchema>;
export type CatalogMapping = z.output<typeof CatalogMappingSchema>;

/** Our native CSV format: the header names columns as in assets/seed/README.md. */
export const nativeMapping: CatalogMapping = CatalogMappingSchema.parse({
  columns: {
    sku: 'sku',
    name: 'name',
    category: 'category',
    width: 'width_mm',
    depth: 'depth_mm',
    height: 'height_mm',
    price: 'price',
    currency: 'currency',
    colours: 'colours',
    styleTags: 'style_tags',
    materials: 'materials',
    modelUrl: 'model_url',
    productUrl: 'product_url',
    imageUrl: 'image_url',
    finalSale: 'final_sale',
  },
  units: 'mm',
  decimalSeparator: '.',
  // Tolerated, never required: "1,299.00" imports; "12,99" is rejected as a misplaced separator.
  thousandsSeparator: ',',
});

/** Parses a mapping file's JSON value; issues read "columns.sku: …" for the CLI and the wizard. */
export function parseCatalogMapping(json: unknown): { ok: true; mapping: CatalogMapping } | { ok: false; issues: string[] } {
  const result = CatalogMappingSchema.safeParse(json);
  if (result.success) return { ok: true, mapping: result.data };
  return { ok: false, issues: result.error.issues.map((issue) => `${issue.path.join('.') || 'mapping'}: ${issue.message}`) };
}

export function numberFormatOf(mapping: CatalogMapping): NumberFormat {
  return { decimal: mapping.decimalSeparator, thousands: mapping.thousandsSeparator };
}

export function unitOf(mapping: CatalogMapping, dimension: 'width' | 'depth' | 'height'): FeedLengthUnit {
  return mapping.units[dimension];
}

/** Where each mapped field sits in a feed's header; -1 for an optional field the feed lacks. */
export type ColumnIndexes = Readonly<Record<MappedField, number>>;

export type ColumnResolution =
  | { readonly ok: true; readonly indexes: ColumnIndexes; readonly missingOptional: readonly string[] }
  | { readonly ok: false; readonly reason: string };

const normaliseHeader = (name: string) => name.trim().toLowerCase();

/**
 * Finds the mapped columns in a header row (names compared trimmed and case-blind). A missing
 * required column or a column named twice refuses the whole file; a missing optional column is
 * reported and its field left empty.
 */
export function resolveColumns(header: readonly string[], mapping: CatalogMapping): ColumnResolution {
  const positions = new Map<string, number>();
  const repeated: string[] = [];
  header.forEach((name, index) => {
    const key = normaliseHeader(name);
    if (key === '') return;
    if (positions.has(key)) repeated.push(name.trim());
    else positions.set(key, index);
  });
  const indexes = {} as Record<MappedField, number>;
  const missingRequired: string[] = [];
  const missingOptional: string[] = [];
  for (const field of MAPPED_FIELDS) {
    const column = mapping.columns[field];
    const index = column === undefined ? -1 : (positions.get(normaliseHeader(column)) ?? -1);
    indexes[field] = index;
    if (column !== undefined && index === -1) (REQUIRED_FIELDS.includes(field) ? missingRequired : missingOptional).push(column);
    if (column !== undefined && repeated.some((name) => normaliseHeader(name) === normaliseHeader(column))) {
      return { ok: false, reason: `the header names the column "${column}" more than once` };
    }
  }
  if (missingRequired.length > 0) {
    return {
      ok: false,
      reason: `the header lacks ${missingRequired.length === 1 ? 'the column' : 'the columns'} ${missingRequired.map((c) => `"${c}"`).join(', ')} (found: ${header.map((c) => `"${c.trim()}"`).join(', ')}); fix the file or the mapping`,
    };
  }
  return { ok: true, indexes, missingOptional };
}

/** Their category name → ours: the mapping first (case-blind), then our own names as written. */
export function createCategoryResolver(mapping: CatalogMapping): (theirs: string) => Category | undefined {
  const table = new Map<string, Category>();
  for (const category of CATEGORIES) table.set(category, category);
  for (const [theirs, ours] of Object.entries(mapping.categories)) table.set(theirs.trim().toLowerCase().replace(/\s+/g, ' '), ours);
  return (theirs) => table.get(theirs.trim().toLowerCase().replace(/\s+/g, ' '));
}
