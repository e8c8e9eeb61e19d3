/**
 * What the customer is told when support acts on their claim: a notification and a timeline
 * sentence, plain and in their locale ("Filed with West Elm today; they usually answer within 5
 * days", "Refunded $120.00 to your card").
 */
import { formatMoney, type Money } from '../../core/money.ts';
import type { LineLabel, Message } from '../watch/messages.ts';
import { formatDay } from '../watch/messages.ts';

/** How long retailers usually take to answer a price-adjustment request; said to the customer. */
export const USUAL_ANSWER_DAYS = 5;

function price(value: Money, locale: string): string {
  try {
    return formatMoney(value, locale);
  } catch {
    return formatMoney(value, 'en-US');
  }
}

export type DeskEvent =
  | { readonly kind: 'filed'; readonly amount: Money; readonly retailerRef: string }
  | { readonly kind: 'refunded'; readonly amount: Money; readonly claimed: Money; readonly refundedAt: string }
  | { readonly kind: 'denied'; readonly amount: Money; readonly reason: string }
  | { readonly kind: 'reopened'; readonly amount: Money }
  | { readonly kind: 'expired'; readonly amount: Money };

export function deskMessage(label: LineLabel, event: DeskEvent): Message & { readonly timeline: string } {
  const { locale, retailerName: retailer, productName: product } = label;
  switch (event.kind) {
    case 'filed':
      return {
        title: `Filed with ${retailer} today; they usually answer within ${USUAL_ANSWER_DAYS} days`,
        body: `We asked ${retailer} to refund ${price(event.amount, locale)} for the ${product} (their reference ${event.retailerRef}). We’ll tell you when they answer.`,
        timeline: `Atelier filed the ${product} price-drop claim for ${price(event.amount, locale)} with ${retailer} (reference ${event.retailerRef}).`,
      };
    case 'refunded': {
      const partial = event.amount.amountMinor < event.claimed.amountMinor;
      return {
        title: `Refunded ${price(event.amount, locale)} to your card`,
        body: partial
          ? `${retailer} refunded ${price(event.amount, locale)} of the ${price(event.claimed, locale)} we claimed for the ${product} on ${formatDay(event.refundedAt, locale)}.`
          : `${retailer} refunded the ${price(event.amount, locale)} price drop on the ${product} on ${formatDay(event.refundedAt, locale)}.`,
        timeline: `${retailer} refunded ${price(event.amount, locale)}${partial ? ` of ${price(event.claimed, locale)} claimed` : ''} for the ${product} price drop.`,
      };
    }
    case 'denied':
      return {
        title: `${retailer} declined the ${price(event.amount, locale)} claim on the ${product}`,
        body: `Their reason: ${event.reason}. If anything changes we’ll pick it up again.`,
        timeline: `${retailer} declined the ${product} price-drop claim for ${price(event.amount, locale)}: ${event.reason}.`,
      };
    case 'expired':
      return {
        title: `${retailer} didn’t answer the ${price(event.amount, locale)} claim on the ${product} in time`,
        body: `The claim has lapsed without a refund. We’re sorry — we’ll keep watching your other purchases.`,
        timeline: `The ${product} price-drop claim for ${price(event.amount, locale)} lapsed without an answer from ${retailer}.`,
      };
    case 'reopened':
      return {
        title: `We’re taking up the ${product} claim with ${retailer} again`,
        body: `The ${price(event.amount, locale)} claim is open again; we’ll tell you how it goes.`,
        timeline: `Atelier reopened the ${product} price-drop claim for ${price(event.amount, locale)}.`,
      };
  }
}
