/**
 * What the customer reads about their price watches: notification titles and bodies, and the
 * timeline's sentences. Plain, dated, and with the money in their own locale.
 */
import { formatMoney, money, type Money } from '../../core/money.ts';
import type { AdjustmentWindow, Claim, PriceAdjustmentPolicy, WatchCloseReason } from '../../core/watch/index.ts';

/** Who to tell about one line, and the names a message needs; loaded for the lines that changed. */
export interface LineLabel {
  readonly customerId: string;
  readonly projectId: string | null;
  readonly productName: string;
  readonly retailerName: string;
  readonly locale: string;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "10 Mar 2025" (in the customer's locale), read in UTC so every machine says the same day. */
export function formatDay(iso: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    } catch {
      format = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    }
    dayFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}

/**
 * Words already written, by what they say: a feed batch or a sweep words thousands of messages
 * about a few hundred prices and days, and Intl formatting costs more than a lookup. Emptied when
 * full, so it never grows past a bound.
 */
const written = new Map<string, string>();
const WRITTEN_LIMIT = 20_000;

function remembered(key: string, write: () => string): string {
  let text = written.get(key);
  if (text === undefined) {
    text = write();
    if (written.size >= WRITTEN_LIMIT) written.clear();
    written.set(key, text);
  }
  return text;
}

/** formatDay for an instant in the store's canonical UTC spelling, whose day is its first ten characters. */
function day(iso: string, locale: string): string {
  return iso.length === 24 && iso.endsWith('Z') ? remembered(`d|${locale}|${iso.slice(0, 10)}`, () => formatDay(iso, locale)) : formatDay(iso, locale);
}

function price(value: Money, locale: string): string {
  return remembered(`m|${locale}|${value.currency}|${value.amountMinor}`, () => {
    try {
      return formatMoney(value, locale);
    } catch {
      return formatMoney(value, 'en-US');
    }
  });
}

function perUnitDrop(claim: Claim): Money {
  return money(claim.referenceUnitPrice.amountMinor - claim.evidence.unitPrice.amountMinor, claim.amount.currency);
}

export interface Message {
  readonly title: string;
  readonly body: string;
}

export function claimOpenedMessage(label: LineLabel, claim: Claim, quantity: number): Message {
  const { locale } = label;
  const drop = price(perUnitDrop(claim), locale);
  const claiming = quantity === 1 ? 'we’re claiming it for you' : `we’re claiming ${price(claim.amount, locale)} for you (${quantity} × ${drop})`;
  const from = claim.sequence === 1 ? `You paid ${price(claim.referenceUnitPrice, locale)}` : `After the last adjustment it was ${price(claim.referenceUnitPrice, locale)}`;
  return {
    title: `The ${label.productName} dropped by ${drop} — ${claiming}`,
    body: `${from}; ${label.retailerName} listed it at ${price(claim.evidence.unitPrice, locale)} on ${day(claim.evidence.observedAt, locale)}. We’ll ask ${label.retailerName} for ${price(claim.amount, locale)} and tell you when they answer.`,
  };
}

export function claimGrownMessage(label: LineLabel, before: Claim, after: Claim): Message {
  const { locale } = label;
  return {
    title: `The ${label.productName} dropped further, to ${price(after.evidence.unitPrice, locale)} — we’re now claiming ${price(after.amount, locale)}`,
    body: `${label.retailerName} listed it at ${price(after.evidence.unitPrice, locale)} on ${day(after.evidence.observedAt, locale)}, below the ${price(before.evidence.unitPrice, locale)} we had seen. Your claim grows from ${price(before.amount, locale)} to ${price(after.amount, locale)}.`,
  };
}

export function claimTimelineText(label: LineLabel, claim: Claim, grown: boolean): string {
  const { locale } = label;
  return grown
    ? `The ${label.productName} dropped further to ${price(claim.evidence.unitPrice, locale)}; the refund claim is now ${price(claim.amount, locale)}.`
    : `The ${label.productName} dropped to ${price(claim.evidence.unitPrice, locale)} at ${label.retailerName}; Atelier opened a refund claim for ${price(claim.amount, locale)}.`;
}

export function watchStartedText(label: LineLabel, policy: PriceAdjustmentPolicy, window: AdjustmentWindow | null, excluded: boolean): string {
  if (excluded) return `The ${label.productName} was bought on final sale, which ${label.retailerName} does not price-adjust; there is nothing to watch.`;
  if (policy.windowDays === 0) return `${label.retailerName} does not adjust prices after purchase, so the ${label.productName} is not price-protected.`;
  if (!window) return `Atelier will watch the ${label.productName}'s price for ${policy.windowDays} days from delivery.`;
  return `Atelier is watching the ${label.productName}'s price until ${day(new Date(Date.parse(window.end) - 1).toISOString(), label.locale)} (${label.retailerName}'s ${policy.windowDays}-day window).`;
}

export function watchClosedText(label: LineLabel, reason: WatchCloseReason, window: AdjustmentWindow | null, claimed: Money | null): string {
  if (reason === 'adjustment-used') return `${label.retailerName} allows one price adjustment and it has been claimed, so the ${label.productName}'s price watch has ended.`;
  if (reason === 'final-sale-excluded') return `The ${label.productName} is a final-sale item ${label.retailerName} does not price-adjust; its price watch has ended.`;
  const ended = window ? ` on ${day(new Date(Date.parse(window.end) - 1).toISOString(), label.locale)}` : '';
  const outcome = claimed && claimed.amountMinor > 0 ? `; ${price(claimed, label.locale)} was claimed in all` : '; its price did not drop';
  return `Price protection on the ${label.productName} ended${ended}${outcome}.`;
}
