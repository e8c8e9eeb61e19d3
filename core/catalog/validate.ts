/**
 * One feed row → a `ProductInput`, or a rejection that names the column and says what is wrong
 * in words an admin can act on ("price: must be greater than zero (got "0.00")").
 */
import type { Category, ProductInput } from '../catalog.ts';
import { isCurrencyCode, money } from '../money.ts';
import { createCategoryResolver, numberFormatOf, type CatalogMapping, type ColumnIndexes, type MappedField } from './mapping.ts';
import { parseLengthMm, parsePriceMinor, type FeedLengthUnit } from './numbers.ts';
import { SkuLineIndex } from './sku-lines.ts';

/** What a rejection is about: a mapped field, the row's shape, or its bytes. */
export type RejectedField = MappedField | 'row' | 'encoding';

export interface AcceptedRow {
  readonly ok: true;
  readonly line: number;
  readonly product: ProductInput;
}

export interface RejectedRow {
  readonly ok: false;
  readonly line: number;
  readonly field: RejectedField;
  /** "<column>: <what is wrong>" */
  readonly reason: string;
  /** the row's SKU when it could be read, so a report can name the product */
  readonly sku?: string;
}

export type RowResult = AcceptedRow | RejectedRow;

/** Nothing in a room is longer than this; a bigger number is a unit mistake (cm read as mm…). */
export const MAX_DIMENSION_MM = 20_000;

/**
 * The one dimension a flat piece may leave out, and what we assume when it does: a rug's pile,
 * the thickness of a frame or a mirror. Every other dimension is required of every category,
 * because fitting a piece into a room needs its footprint and its height.
 */
export const OPTIONAL_THIN_DIMENSION: Partial<Record<Category, { readonly dimension: 'height' | 'depth'; readonly assumedMm: number }>> = {
  rug: { dimension: 'height', assumedMm: 10 },
  'wall art': { dimension: 'depth', assumedMm: 30 },
  mirror: { dimension: 'depth', assumedMm: 30 },
};

const MAX_SKU_LENGTH = 64;
const MAX_NAME_LENGTH = 200;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

/** A cell as a feed gives it: text from CSV; JSON feeds may also give numbers, booleans and lists. */
export type Cell = string | number | boolean | readonly string[] | null | undefined;

export interface RowValidatorOptions {
  readonly mapping: CatalogMapping;
  /** every row must be in the retailer's currency */
  readonly retailerCurrency: string;
}

export interface RowValidator {
  /** A CSV record, with the header's column positions from `resolveColumns`. */
  fromFields(fields: readonly string[], indexes: ColumnIndexes, line: number): RowResult;
  /** A JSON feed item keyed by the mapping's column names; `line` is the item's position. */
  fromObject(item: Readonly<Record<string, unknown>>, line: number): RowResult;
}

class Rejection {
  readonly field: RejectedField;
  readonly reason: string;
  constructor(field: RejectedField, reason: string) {
    this.field = field;
    this.reason = reason;
  }
}

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : Array.isArray(cell) ? cell.join('|') : String(cell).trim());

export function createRowValidator(options: RowValidatorOptions): RowValidator {
  const { mapping, retailerCurrency } = options;
  if (!isCurrencyCode(retailerCurrency)) throw new RangeError(`retailer currency must be an ISO-4217 code, got "${retailerCurrency}"`);
  const format = numberFormatOf(mapping);
  const resolveCategory = createCategoryResolver(mapping);
  const columnOf = (field: MappedField): string => mapping.columns[field] ?? field;
  const fail = (field: MappedField, problem: string): never => {
    throw new Rejection(field, `${columnOf(field)}: ${problem}`);
  };

  const required = (field: MappedField, cell: Cell): string => {
    const value = text(cell);
    if (value === '') fail(field, 'is missing');
    return value;
  };

  const list = (cell: Cell, lowerCase: boolean): string[] => {
    const values = Array.isArray(cell) ? cell.map(String) : text(cell).split(mapping.listSeparator);
    const seen = new Set<string>();
    for (const raw of values) {
      const value = lowerCase ? raw.trim().toLowerCase() : raw.trim();
      if (value !== '') seen.add(value);
    }
    return [...seen];
  };

  const dimension = (field: 'width' | 'depth' | 'height', cell: Cell, category: Category): number => {
    const thin = OPTIONAL_THIN_DIMENSION[category];
    if (text(cell) === '') {
      if (thin?.dimension === field) return thin.assumedMm;
      fail(field, `is missing (a ${category} needs width, depth and height${thin ? `; only its ${thin.dimension} may be left out` : ''})`);
    }
    const unit: FeedLengthUnit = mapping.units[field];
    let mm: number;
    if (typeof cell === 'number') {
      if (!Number.isFinite(cell)) fail(field, `${cell} is not a number`);
      mm = Math.round(cell * (unit === 'mm' ? 1 : unit === 'cm' ? 10 : unit === 'm' ? 1000 : 25.4));
    } else {
      try {
        mm = parseLengthMm(text(cell), unit, format);
      } catch (error) {
        return fail(field, (error as Error).message);
      }
    }
    if (mm <= 0) fail(field, `must be greater than zero (got "${text(cell)}")`);
    if (mm > MAX_DIMENSION_MM) fail(field, `${mm} mm is over ${MAX_DIMENSION_MM / 1000} m (check the unit: ${unit})`);
    return mm;
  };

  const url = (field: 'modelUrl' | 'productUrl' | 'imageUrl', cell: Cell): string | null => {
    const value = text(cell);
    if (value === '') return null;
    if (value.startsWith('/') && !value.startsWith('//')) return value;
    if (/^https?:\/\//i.test(value) && URL.canParse(value)) return value;
    return fail(field, `"${value}" is neither an http(s) address nor a /path`);
  };

  const validate = (read: (field: MappedField) => Cell, line: number): RowResult => {
    let sku: string | undefined;
    try {
      sku = required('sku', read('sku'));
      if (sku.length > MAX_SKU_LENGTH) fail('sku', `is longer than ${MAX_SKU_LENGTH} characters`);
      // eslint-disable-next-line no-control-regex -- looking for exactly these
      if (/[\u0000-\u001f\u007f]/.test(sku)) fail('sku', `"${sku.replace(/[\u0000-\u001f\u007f]/g, '?')}" contains control characters`);
      const name = required('name', read('name')).replace(/\s+/g, ' ');
      if (name.length > MAX_NAME_LENGTH) fail('name', `is longer than ${MAX_NAME_LENGTH} characters`);
      const theirCategory = required('category', read('category'));
      const category = resolveCategory(theirCategory);
      if (category === undefined) fail('category', `"${theirCategory}" is not one of our categories; map it under "categories" in the mapping`);
      const ours = category as Category;

      const currencyCell = text(read('currency')).toUpperCase();
      const currency = currencyCell || mapping.defaultCurrency || retailerCurrency;
      if (!isCurrencyCode(currency)) fail('currency', `"${currencyCell}" is not a three-letter ISO-4217 code`);
      if (currency !== retailerCurrency) fail('currency', `${currency} differs from the retailer's currency ${retailerCurrency}`);

      const priceCell = read('price');
      const priceText = typeof priceCell === 'number' ? String(priceCell) : required('price', priceCell);
      let amountMinor: number;
      try {
        amountMinor = parsePriceMinor(priceText, currency, typeof priceCell === 'number' ? { decimal: '.', thousands: '' } : format);
      } catch (error) {
        return fail('price', (error as Error).message);
      }
      if (amountMinor <= 0) fail('price', `must be greater than zero (got "${priceText}")`);

      const widthMm = dimension('width', read('width'), ours);
      const depthMm = dimension('depth', read('depth'), ours);
      const heightMm = dimension('height', read('height'), ours);

      const finalSaleCell = read('finalSale');
      let finalSale = false;
      if (typeof finalSaleCell === 'boolean') finalSale = finalSaleCell;
      else {
        const word = text(finalSaleCell).toLowerCase();
        if (TRUE_WORDS.has(word)) finalSale = true;
        else if (!FALSE_WORDS.has(word)) fail('finalSale', `"${text(finalSaleCell)}" is not true or false`);
      }

      const product: ProductInput = {
        sku,
        name,
        category: ours,
        widthMm,
        depthMm,
        heightMm,
        price: money(amountMinor, currency),
        colours: list(read('colours'), true),
        styleTags: list(read('styleTags'), true),
        materials: list(read('materials'), false),
        modelUrl: url('modelUrl', read('modelUrl')),
        productUrl: url('productUrl', read('productUrl')),
        imageUrl: url('imageUrl', read('imageUrl')),
        finalSale,
      };
      return { ok: true, line, product };
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      return sku === undefined ? { ok: false, line, field: error.field, reason: error.reason } : { ok: false, line, field: error.field, reason: error.reason, sku };
    }
  };

  return {
    fromFields(fields, indexes, line) {
      return validate((field) => {
        const index = indexes[field];
        return index < 0 ? undefined : fields[index];
      }, line);
    },
    fromObject(item, line) {
      const keys = new Map(Object.keys(item).map((key) => [key.trim().toLowerCase(), key]));
      return validate((field) => {
        const column = mapping.columns[field];
        const key = column === undefined ? undefined : keys.get(column.trim().toLowerCase());
        const value = key === undefined ? undefined : item[key];
        if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
        if (Array.isArray(value)) return value.map(String);
        return String(value);
      }, line);
    },
  };
}

/** Remembers the SKUs of one file so a second row with the same SKU is rejected, not merged. */
export class DuplicateSkuTracker {
  readonly #skus = new SkuLineIndex();

  /** The line where `sku` first appeared, if it did; otherwise records it and returns undefined. */
  seen(sku: string, line: number): number | undefined {
    return this.#skus.firstLineOrAdd(sku, line);
  }

  rejection(sku: string, line: number, firstLine: number, column = 'sku'): RejectedRow {
    return { ok: false, line, field: 'sku', reason: `${column}: "${sku}" appears more than once in this file (first on line ${firstLine})`, sku };
  }
}
