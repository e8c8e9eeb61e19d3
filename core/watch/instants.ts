/**
 * Instants for the price-watch rules.
 *
 * Every time in the watch rules is an ISO-8601 string that names one instant unambiguously: a
 * date-time with `Z` or an explicit offset, or a bare date (which ECMAScript reads as UTC
 * midnight). A date-time *without* an offset is refused: `Date.parse` would read it in the
 * local zone of whichever machine runs the rule, and a window that ends at a different instant
 * on the customer's laptop than on the studio server is a refund decided by geography.
 */

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

const UNAMBIGUOUS_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Epoch milliseconds of an unambiguous ISO-8601 instant, or NaN when the text is not one. */
export function instantMs(iso: string): number {
  // Nearly every instant the rules read is one the store wrote, in canonical form: read it
  // digit by digit (a sweep reads millions; the pattern and Date.parse cost three times more).
  const canonical = canonicalMs(iso);
  if (canonical !== null) return canonical;
  if (!UNAMBIGUOUS_INSTANT.test(iso)) return Number.NaN;
  return Date.parse(iso);
}

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** "2025-03-01T10:00:00.000Z" → its milliseconds; null for any other spelling (left to the general path). */
function canonicalMs(iso: string): number | null {
  if (iso.length !== 24 || iso[4] !== '-' || iso[7] !== '-' || iso[10] !== 'T' || iso[13] !== ':' || iso[16] !== ':' || iso[19] !== '.' || iso[23] !== 'Z') return null;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 2);
  const day = digits(iso, 8, 2);
  const hour = digits(iso, 11, 2);
  const minute = digits(iso, 14, 2);
  const second = digits(iso, 17, 2);
  const ms = digits(iso, 20, 3);
  // Days past the 28th are left to Date.parse, which knows each month's length.
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** Like `instantMs`, but a bad value is a caller's bug (a line or an `asOf` from our own store). */
export function requireInstantMs(iso: string, what: string): number {
  const ms = instantMs(iso);
  if (Number.isNaN(ms)) {
    throw new RangeError(`${what} must be an ISO-8601 date or a date-time with Z or an offset, got "${iso}"`);
  }
  return ms;
}

/**
 * One spelling per instant ("2025-03-01T10:00:00.000Z"), so that stored values compare and
 * deduplicate as strings whatever offset the feed happened to write.
 */
export function canonicalIso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The canonical spelling of an instant given as text, or null when it is not one: the text
 * itself when it is already canonical (what the store wrote), without a round trip through Date.
 */
export function canonicalOf(iso: string): string | null {
  if (canonicalMs(iso) !== null) return iso;
  const ms = instantMs(iso);
  return Number.isNaN(ms) ? null : canonicalIso(ms);
}
