/**
 * Builders for the watch tests: a line, a policy and observations that read like the sentence
 * a test is about ("paid 100.00, 30 days from purchase, dropped to 80.00 on day 3").
 * Only test files import this.
 */
import { money } from '../money.ts';
import type { LineWatchState } from './claims.ts';
import { transitionClaim } from './claims.ts';
import { canonicalIso, MS_PER_DAY } from './instants.ts';
import type { PriceObservation } from './observations.ts';
import type { PriceAdjustmentPolicy, PurchaseLine } from './policy.ts';

export const PURCHASED_AT = '2025-03-01T10:00:00.000Z';
const PURCHASED_MS = Date.parse(PURCHASED_AT);

/** The instant `days` (may be fractional or negative) after the purchase. */
export function day(days: number): string {
  return canonicalIso(PURCHASED_MS + days * MS_PER_DAY);
}

export function policyOf(overrides: Partial<PriceAdjustmentPolicy> = {}): PriceAdjustmentPolicy {
  return { windowDays: 30, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true, ...overrides };
}

export function lineOf(overrides: Partial<PurchaseLine> = {}): PurchaseLine {
  return {
    id: 'line-1',
    productId: 'sofa-1',
    quantity: 1,
    unitPricePaid: money(10_000, 'EUR'),
    purchasedAt: PURCHASED_AT,
    deliveredAt: null,
    finalSale: false,
    ...overrides,
  };
}

let nextId = 0;

/** An observation of `sofa-1` at `priceMinor` EUR on `atDay` after the purchase. */
export function seen(priceMinor: number, atDay: number, overrides: Partial<PriceObservation> = {}): PriceObservation {
  nextId += 1;
  return { id: `obs-${String(nextId).padStart(6, '0')}`, productId: 'sofa-1', unitPrice: money(priceMinor, 'EUR'), observedAt: day(atDay), ...overrides };
}

/** Support files the line's detected claim (the test is about what happens next). */
export function fileOpenClaim(state: LineWatchState): LineWatchState {
  const open = state.claims.at(-1);
  if (!open || open.status !== 'detected') throw new Error('no detected claim to file');
  const result = transitionClaim(state, open.sequence, 'filed');
  if (!result.ok) throw new Error(result.reason);
  return result.state;
}
