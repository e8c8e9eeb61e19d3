/**
 * The figures at the top of Protected purchases: what is being claimed (every claim still under
 * way or paid) and what has come back (refunded), each per currency.
 */
import type { Money } from '../../../core/money.ts';
import type { ProtectedPurchase } from './types.ts';

export interface ProtectionTotals {
  readonly claimed: readonly Money[];
  readonly refunded: readonly Money[];
  readonly watching: number;
}

function add(sums: Map<string, number>, value: Money): void {
  sums.set(value.currency, (sums.get(value.currency) ?? 0) + value.amountMinor);
}

function list(sums: Map<string, number>): Money[] {
  return [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}

export function protectionTotals(purchases: readonly ProtectedPurchase[]): ProtectionTotals {
  const claimed = new Map<string, number>();
  const refunded = new Map<string, number>();
  let watching = 0;
  for (const purchase of purchases) {
    if (purchase.watch.status === 'open') watching++;
    for (const claim of purchase.claims) {
      if (claim.status === 'denied' || claim.status === 'expired') continue;
      add(claimed, claim.amount);
      // A partial refund counts what actually came back.
      if (claim.status === 'refunded') add(refunded, claim.refundedAmount ?? claim.amount);
    }
  }
  return { claimed: list(claimed), refunded: list(refunded), watching };
}

/** How much of the window has passed, 0…1; null without a window. */
export function windowProgress(windowStart: string | null, windowEnd: string | null, now: number): number | null {
  if (!windowStart || !windowEnd) return null;
  const start = Date.parse(windowStart);
  const end = Date.parse(windowEnd);
  if (!(end > start)) return 1;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}
