import type { Money } from '../../core/money.ts';

/** "+$240.00", "−$35.00", "$0.00": a difference reads with its sign. */
export function signedMoney(format: { money(amount: Money): string }, amount: Money): string {
  if (amount.amountMinor > 0) return `+${format.money(amount)}`;
  if (amount.amountMinor < 0) return `−${format.money({ ...amount, amountMinor: -amount.amountMinor })}`;
  return format.money(amount);
}
