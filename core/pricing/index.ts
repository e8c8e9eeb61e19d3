/**
 * Pricing of design options: line totals, option totals, per-retailer subtotals, swap deltas,
 * the difference against a published version and the budget — integer minor units, one
 * currency per option, a mixed sum is a `CurrencyMismatchError`. Start with totals.ts.
 */
export * from './totals.ts';
