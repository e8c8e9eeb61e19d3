/**
 * The "mark purchased" form's input, checked before it is sent: the order reference, the price
 * paid per unit as a person types it ("1,299.00"), and the purchase date (a calendar day, which
 * cannot be after today). Amounts become integer minor units through core/money.
 */
import { minorUnitDigits, parseMoneyAmount, type Money } from '../../../core/money.ts';

export interface PurchaseDraft {
  readonly orderRef: string;
  readonly price: string;
  /** yyyy-mm-dd */
  readonly date: string;
}

export type PurchaseProblem = 'orderRefRequired' | 'priceInvalid' | 'priceNotPositive' | 'dateInvalid' | 'dateInFuture';

export type CheckedPurchase =
  | { readonly ok: true; readonly orderRef: string; readonly unitPricePaid: Money; readonly purchasedAt: string }
  | { readonly ok: false; readonly field: 'orderRef' | 'price' | 'date'; readonly problem: PurchaseProblem };

/** The price field's starting text: the list's unit price in major units ("1299.00"). */
export function priceText(price: Money): string {
  const digits = minorUnitDigits(price.currency);
  return digits === 0 ? String(price.amountMinor) : (price.amountMinor / 10 ** digits).toFixed(digits);
}

/** Today as yyyy-mm-dd in the person's own calendar. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function checkPurchase(draft: PurchaseDraft, currency: string, today: string): CheckedPurchase {
  const orderRef = draft.orderRef.trim();
  if (!orderRef) return { ok: false, field: 'orderRef', problem: 'orderRefRequired' };
  let amountMinor: number;
  try {
    amountMinor = parseMoneyAmount(draft.price, currency);
  } catch {
    return { ok: false, field: 'price', problem: 'priceInvalid' };
  }
  if (amountMinor <= 0) return { ok: false, field: 'price', problem: 'priceNotPositive' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(`${draft.date}T00:00:00Z`))) return { ok: false, field: 'date', problem: 'dateInvalid' };
  if (draft.date > today) return { ok: false, field: 'date', problem: 'dateInFuture' };
  // The start of that day in UTC: never after the moment the person records it.
  return { ok: true, orderRef, unitPricePaid: { amountMinor, currency }, purchasedAt: `${draft.date}T00:00:00Z` };
}
