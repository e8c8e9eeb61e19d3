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
  if (!UNAMBIGUOUS_INSTANT.test(iso)) return Number.NaN;
  return Date.parse(iso);
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
