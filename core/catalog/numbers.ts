/**
 * Exact parsing of the numbers retailer feeds write: decimal text with a chosen decimal point and
 * thousands separator, turned into integer millimetres or integer minor units of money without
 * ever passing through a binary fraction ("0.1 + 0.2" never happens here).
 */
import { minorUnitDigits } from '../money.ts';

export interface NumberFormat {
  /** the decimal point: "1299.50" or "1299,50" */
  readonly decimal: '.' | ',';
  /** the grouping mark, or '' when a feed never groups: "1,299.50", "1.299,50", "1 299,50", "1'299.50" */
  readonly thousands: '' | ',' | '.' | ' ' | "'";
}

export const POINT_DECIMAL: NumberFormat = { decimal: '.', thousands: ',' };

/** A decimal number as digits: value = mantissa / 10^scale, sign apart. */
export interface ExactDecimal {
  readonly negative: boolean;
  readonly mantissa: number;
  readonly scale: number;
}

/** Digits we can carry exactly through a multiplication by 254 (inches) in a double. */
const MAX_SIGNIFICANT_DIGITS = 13;
/** Spaces people and spreadsheets use to group thousands. */
const GROUPING_SPACES = /[\u00a0\u202f\u2009]/g;

/**
 * Parses "1,299.50"-style text exactly. Throws a RangeError whose message names what is wrong,
 * worded to follow the field name in a rejection ("price: … has a thousands separator in the
 * wrong place").
 */
export function parseExactDecimal(text: string, format: NumberFormat): ExactDecimal {
  let body = text.trim();
  if (body === '') throw new RangeError('is empty');
  if (format.thousands === ' ') body = body.replace(GROUPING_SPACES, ' ');
  let negative = false;
  if (body.startsWith('-') || body.startsWith('\u2212')) {
    negative = true;
    body = body.slice(1);
  }
  const decimalAt = body.lastIndexOf(format.decimal);
  let whole = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
  const fraction = decimalAt >= 0 ? body.slice(decimalAt + 1) : '';
  if (format.thousands !== '' && whole.includes(format.thousands)) {
    const groups = whole.split(format.thousands);
    const head = groups[0] ?? '';
    if (head.length === 0 || head.length > 3 || groups.slice(1).some((group) => group.length !== 3)) {
      throw new RangeError(`"${text}" has a thousands separator in the wrong place`);
    }
    whole = groups.join('');
  }
  if (!/^\d+$/.test(whole) || (fraction !== '' && !/^\d+$/.test(fraction)) || (decimalAt >= 0 && fraction === '')) {
    const otherMark = format.decimal === '.' ? ',' : '.';
    if (format.thousands === '' && whole.includes(otherMark) && /^[\d.,]+$/.test(body)) {
      throw new RangeError(`"${text}" has a thousands separator "${otherMark}", which this feed's format does not use`);
    }
    throw new RangeError(`"${text}" is not a number`);
  }
  const digits = (whole + fraction).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_SIGNIFICANT_DIGITS) throw new RangeError(`"${text}" has too many digits`);
  return { negative, mantissa: Number(digits), scale: fraction.length };
}

/** value × numerator / denominator, rounded half away from zero, exactly for our magnitudes. */
function scaleRounded(value: ExactDecimal, numerator: number, denominator: number): number {
  const top = value.mantissa * numerator;
  const bottom = 10 ** value.scale * denominator;
  const rounded = Math.floor((2 * top + bottom) / (2 * bottom));
  // Guard the one way this can go wrong: magnitudes past exact double arithmetic.
  if (!Number.isSafeInteger(2 * top + bottom)) throw new RangeError('is too large');
  return value.negative && rounded !== 0 ? -rounded : rounded;
}

export const FEED_LENGTH_UNITS = ['mm', 'cm', 'm', 'in'] as const;
export type FeedLengthUnit = (typeof FEED_LENGTH_UNITS)[number];

/** Each unit as an exact fraction of millimetres: 1 in = 254/10 mm. */
const MM_PER_UNIT: Record<FeedLengthUnit, readonly [numerator: number, denominator: number]> = {
  mm: [1, 1],
  cm: [10, 1],
  m: [1000, 1],
  in: [254, 10],
};

/** Unit words a feed may write after a number; they override the mapping's unit for that cell. */
const UNIT_SUFFIXES: readonly (readonly [RegExp, FeedLengthUnit])[] = [
  [/\s*mm$/i, 'mm'],
  [/\s*cm$/i, 'cm'],
  [/\s*(?:inches|inch|in|″|")$/i, 'in'],
  [/\s*m$/i, 'm'],
];

/**
 * A length cell ("210", "210.5", "82,5 cm", "33 in", "33\"") as whole millimetres. A unit written
 * in the cell wins over `unit` (the column's unit from the mapping).
 */
export function parseLengthMm(text: string, unit: FeedLengthUnit, format: NumberFormat): number {
  let body = text.trim();
  let cellUnit = unit;
  for (const [suffix, suffixUnit] of UNIT_SUFFIXES) {
    if (suffix.test(body)) {
      body = body.replace(suffix, '');
      cellUnit = suffixUnit;
      break;
    }
  }
  const [numerator, denominator] = MM_PER_UNIT[cellUnit];
  return scaleRounded(parseExactDecimal(body, format), numerator, denominator);
}

const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits per currency, cached: `Intl.NumberFormat` is too slow to build per row. */
export function cachedMinorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = minorUnitDigits(currency);
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * A price cell as integer minor units of `currency` ("1,299.50" USD → 129950). Same rules as
 * `parseMoneyAmount` in core/money.ts, with a chosen number format and cached currency digits.
 */
export function parsePriceMinor(text: string, currency: string, format: NumberFormat): number {
  const value = parseExactDecimal(text, format);
  const digits = cachedMinorUnitDigits(currency);
  if (value.scale > digits) {
    const extra = value.mantissa % 10 ** (value.scale - digits);
    if (extra !== 0) throw new RangeError(`"${text.trim()}" has more than ${digits} decimal places for ${currency}`);
  }
  return toMinor(value, digits);
}

function toMinor(value: ExactDecimal, digits: number): number {
  const minor = value.scale >= digits ? value.mantissa / 10 ** (value.scale - digits) : value.mantissa * 10 ** (digits - value.scale);
  if (!Number.isSafeInteger(minor)) throw new RangeError('is too large');
  return value.negative && minor !== 0 ? -minor : minor;
}
