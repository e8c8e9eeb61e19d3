/**
 * The desk's reports: what was recovered, by retailer and month; how claims ended (refunded in
 * full, in part, denied, expired); and the median days from detection to refund. Computed from
 * the claims themselves, so they always agree with the queue.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { DeskReportSchema } from '../../core/api/desk.ts';
import { OUTCOMES } from '../../core/api/desk.ts';
import { money } from '../../core/money.ts';
import { MS_PER_DAY } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';

export type DeskReport = z.infer<typeof DeskReportSchema>;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function deskReport(db: Kysely<Database>): Promise<DeskReport> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('purchase_lines as l', 'l.id', 'c.line_id')
    .innerJoin('retailers as r', 'r.id', 'l.retailer_id')
    .select(['c.status', 'c.amount_minor', 'c.currency', 'c.refunded_amount_minor', 'c.refunded_at', 'c.created_at', 'r.id as retailer_id', 'r.name as retailer_name'])
    .where('c.status', 'in', ['refunded', 'denied', 'expired'])
    .execute();
  const recovered = new Map<string, DeskReport['recovered'][number]>();
  const counts: Record<(typeof OUTCOMES)[number], number> = { refunded: 0, partial: 0, denied: 0, expired: 0 };
  const days: number[] = [];
  for (const row of rows) {
    if (row.status !== 'refunded') {
      counts[row.status as 'denied' | 'expired']++;
      continue;
    }
    const refunded = row.refunded_amount_minor ?? row.amount_minor;
    counts[refunded < row.amount_minor ? 'partial' : 'refunded']++;
    const at = row.refunded_at ?? row.created_at;
    days.push(Math.max(0, (Date.parse(at) - Date.parse(row.created_at)) / MS_PER_DAY));
    const month = at.slice(0, 7);
    const key = `${row.retailer_id}|${month}|${row.currency}`;
    const entry = recovered.get(key) ?? { retailer: { id: row.retailer_id, name: row.retailer_name }, month, amount: money(0, row.currency), claims: 0 };
    recovered.set(key, { ...entry, amount: money(entry.amount.amountMinor + refunded, row.currency), claims: entry.claims + 1 });
  }
  const decided = rows.length;
  const med = median(days);
  return {
    recovered: [...recovered.values()].sort((a, b) => b.month.localeCompare(a.month) || a.retailer.name.localeCompare(b.retailer.name)),
    outcomes: OUTCOMES.map((outcome) => ({ outcome, count: counts[outcome], rate: decided ? counts[outcome] / decided : 0 })),
    decided,
    medianDaysToRefund: med === null ? null : Math.round(med * 10) / 10,
  };
}
