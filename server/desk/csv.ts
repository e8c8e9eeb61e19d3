/**
 * The desk's CSV files: the claims (the queue, for a spreadsheet or a retailer's portal), the
 * reports, and a claim's price observations for its evidence pack. RFC 4180 quoting; a cell
 * that a spreadsheet would run as a formula is prefixed with an apostrophe.
 */
import { minorUnitDigits } from '../../core/money.ts';
import type { DeskClaim } from './claims.ts';
import type { DeskReport } from './reports.ts';

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Minor units as a plain decimal in the currency's own precision (12000 USD → 120.00, 500 JPY → 500). */
function decimal(minor: number | null | undefined, currency: string): string | null {
  if (minor === null || minor === undefined) return null;
  const digits = minorUnitDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

export const CLAIM_CSV_HEADER = [
  'claim_id', 'status', 'customer_email', 'customer_name', 'retailer', 'sku', 'product', 'order_ref', 'quantity', 'unit_price_paid', 'currency',
  'claimed', 'refunded', 'detected_at', 'filed_at', 'channel', 'retailer_ref', 'refunded_at', 'denial_reason', 'days_left', 'waited_hours', 'breached', 'version',
] as const;

export function claimsCsv(claims: readonly DeskClaim[]): string {
  return toCsv(
    CLAIM_CSV_HEADER,
    claims.map((c) => [
      c.id, c.status, c.customer.email, c.customer.name, c.retailer.name, c.product.sku, c.product.name, c.line.orderRef, c.line.quantity, decimal(c.line.unitPricePaid.amountMinor, c.amount.currency), c.amount.currency,
      decimal(c.amount.amountMinor, c.amount.currency), decimal(c.refundedAmount?.amountMinor, c.amount.currency), c.detectedAt, c.filedAt, c.channel, c.retailerRef, c.refundedAt, c.denialReason, c.window.daysLeft, c.waiting.hours, c.waiting.breached ? 'yes' : 'no', c.version,
    ]),
  );
}

export function reportCsv(report: DeskReport): string {
  const recovered = report.recovered.map((r) => ['recovered', r.retailer.name, r.month, decimal(r.amount.amountMinor, r.amount.currency), r.amount.currency, r.claims, null]);
  const outcomes = report.outcomes.map((o) => ['outcome', o.outcome, null, null, null, o.count, o.rate.toFixed(4)]);
  const med = [['median_days_detection_to_refund', null, null, report.medianDaysToRefund, null, null, null]];
  return toCsv(['section', 'name', 'month', 'amount', 'currency', 'claims', 'rate'], [...recovered, ...outcomes, ...med]);
}

export interface ObservationLine {
  readonly observedAt: string;
  readonly unitPrice: { readonly amountMinor: number; readonly currency: string };
  readonly source: string;
  readonly inWindow: boolean;
  readonly belowReference: boolean;
  readonly isEvidence: boolean;
}

export const OBSERVATION_CSV_HEADER = ['retailer', 'sku', 'price', 'currency', 'observed_at', 'source', 'in_window', 'below_reference', 'evidence'] as const;

/** A claim's observations for the retailer: the price in major units of its currency, as the feeds write it. */
export function observationsCsv(product: { readonly retailer: string; readonly sku: string }, history: readonly ObservationLine[]): string {
  return toCsv(
    OBSERVATION_CSV_HEADER,
    history.map((p) => [product.retailer, product.sku, decimal(p.unitPrice.amountMinor, p.unitPrice.currency), p.unitPrice.currency, p.observedAt, p.source, p.inWindow ? 'yes' : 'no', p.belowReference ? 'yes' : 'no', p.isEvidence ? 'yes' : 'no']),
  );
}
