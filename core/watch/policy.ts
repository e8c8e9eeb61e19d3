/**
 * Retailer price-adjustment policies and the window they give one purchase line.
 *
 * A retailer honours a lower price for `windowDays` after the purchase (or after delivery);
 * the window is half-open, [start, start + windowDays × 24 h): an observation at exactly the
 * end instant is one millisecond too late, which is how retailers phrase "within 30 days".
 * Days are fixed 24-hour spans, not calendar days, so the window does not move with daylight
 * saving or with the zone of whoever is looking.
 *
 * A line has *no* window (null) while it waits for delivery under a delivery-based policy, and
 * none at all when it is a final-sale item the policy excludes: such a line is not covered, so
 * there is no period in which a drop would count.
 */
import type { Money } from '../money.ts';
import type { LineWatchState } from './claims.ts';
import { MS_PER_DAY, canonicalIso, requireInstantMs } from './instants.ts';

export interface PriceAdjustmentPolicy {
  /** Length of the window in whole days; 0 means the retailer adjusts nothing. */
  readonly windowDays: number;
  /** The window opens at purchase or at delivery. */
  readonly windowFrom: 'purchase' | 'delivery';
  /** `one`: a single adjustment per line; `unlimited`: every further drop may be claimed. */
  readonly adjustments: 'one' | 'unlimited';
  /** Final-sale items are not covered when true. */
  readonly excludeFinalSale: boolean;
}

export interface PurchaseLine {
  readonly id: string;
  readonly productId: string;
  readonly quantity: number;
  /** What the customer paid for one unit; its currency is the line's currency. */
  readonly unitPricePaid: Money;
  readonly purchasedAt: string;
  readonly deliveredAt: string | null;
  readonly finalSale: boolean;
}

/** The adjustment window as canonical ISO instants, `end` exclusive. */
export interface AdjustmentWindow {
  readonly start: string;
  readonly end: string;
}

/** The same window in epoch milliseconds, for the hot paths. */
export interface WindowMs {
  readonly startMs: number;
  readonly endMs: number;
}

/** Why a watch no longer needs to look at prices, or null while it still does. */
export type WatchCloseReason = 'final-sale-excluded' | 'adjustment-used' | 'window-ended';

/** Refuses a policy that cannot describe a real retailer (a store row or an import bug). */
export function assertValidPolicy(policy: PriceAdjustmentPolicy): void {
  if (!Number.isSafeInteger(policy.windowDays) || policy.windowDays < 0) {
    throw new RangeError(`windowDays must be a whole number of days ≥ 0, got ${policy.windowDays}`);
  }
}

/** Refuses a line the rules cannot reason about; the claim cap depends on these being sane. */
export function assertValidLine(line: PurchaseLine): void {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new RangeError(`Line ${line.id}: quantity must be a whole number ≥ 1, got ${line.quantity}`);
  }
  if (!Number.isSafeInteger(line.unitPricePaid.amountMinor) || line.unitPricePaid.amountMinor < 0) {
    throw new RangeError(`Line ${line.id}: unit price paid must be whole minor units ≥ 0, got ${line.unitPricePaid.amountMinor}`);
  }
  requireInstantMs(line.purchasedAt, `Line ${line.id}: purchasedAt`);
  if (line.deliveredAt !== null) requireInstantMs(line.deliveredAt, `Line ${line.id}: deliveredAt`);
}

/** True when the policy leaves this line uncovered whatever happens to the price. */
export function isExcludedFromWatch(line: PurchaseLine, policy: PriceAdjustmentPolicy): boolean {
  return policy.excludeFinalSale && line.finalSale;
}

/** The window in milliseconds; see `windowFor`. */
export function windowMsFor(line: PurchaseLine, policy: PriceAdjustmentPolicy): WindowMs | null {
  if (isExcludedFromWatch(line, policy)) return null;
  const from = policy.windowFrom === 'purchase' ? line.purchasedAt : line.deliveredAt;
  if (from === null) return null;
  const startMs = requireInstantMs(from, `Line ${line.id}: ${policy.windowFrom === 'purchase' ? 'purchasedAt' : 'deliveredAt'}`);
  return { startMs, endMs: startMs + policy.windowDays * MS_PER_DAY };
}

/**
 * The line's adjustment window, or null when there is none: awaiting delivery under a
 * delivery-based policy, or a final-sale item the policy excludes.
 */
export function windowFor(line: PurchaseLine, policy: PriceAdjustmentPolicy): AdjustmentWindow | null {
  const window = windowMsFor(line, policy);
  return window && { start: canonicalIso(window.startMs), end: canonicalIso(window.endMs) };
}

/** True when an observation made at `asOf` would fall inside the line's window. */
export function isWindowOpen(line: PurchaseLine, policy: PriceAdjustmentPolicy, asOf: string): boolean {
  const window = windowMsFor(line, policy);
  if (!window) return false;
  const at = requireInstantMs(asOf, 'asOf');
  return window.startMs <= at && at < window.endMs;
}

/**
 * Whole days left to claim, rounded up so that "ends in 3 hours" reads as 1 day, never 0 while
 * the window is still open; 0 once it has closed; null when the line has no window. Before the
 * window opens the full length is left.
 */
export function daysLeft(line: PurchaseLine, policy: PriceAdjustmentPolicy, asOf: string): number | null {
  const window = windowMsFor(line, policy);
  if (!window) return null;
  const at = Math.max(requireInstantMs(asOf, 'asOf'), window.startMs);
  if (at >= window.endMs) return 0;
  return Math.ceil((window.endMs - at) / MS_PER_DAY);
}

/**
 * Why the watch on this line can stop, or null while a price drop could still matter.
 *
 * Pass the line's claim state to learn that a `one`-adjustment line whose claim was filed has
 * nothing left to watch. A line awaiting delivery stays watched: its window has not started.
 * Closing the watch never touches claims: a detected claim stays claimable after the window
 * ends (see claims.ts).
 */
export function watchCloseReason(line: PurchaseLine, policy: PriceAdjustmentPolicy, asOf: string, state?: LineWatchState): WatchCloseReason | null {
  if (isExcludedFromWatch(line, policy)) return 'final-sale-excluded';
  if (state && policy.adjustments === 'one' && state.claims.some((claim) => claim.status !== 'detected')) return 'adjustment-used';
  const window = windowMsFor(line, policy);
  if (window && requireInstantMs(asOf, 'asOf') >= window.endMs) return 'window-ended';
  return null;
}

export function watchShouldClose(line: PurchaseLine, policy: PriceAdjustmentPolicy, asOf: string, state?: LineWatchState): boolean {
  return watchCloseReason(line, policy, asOf, state) !== null;
}
