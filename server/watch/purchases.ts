/**
 * Purchase lines in: `atelier purchases import FILE` (and, later, the shopping list).
 *
 * Native CSV `customer_email,retailer,sku,quantity,unit_price,currency,purchased_at,
 * delivered_at,order_ref`. Every line opens a watch with its window (core/watch), tells the
 * customer's timeline, and is checked at once against prices already observed in its window.
 * Importing the same file again records nothing twice: a line is identified by customer,
 * retailer, order and product. A repeated line that now has a delivery date records the delivery
 * (and moves a delivery-based window); one that contradicts what was recorded is rejected.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { formatMoney } from '../../core/money.ts';
import { canonicalIso, instantMs, isExcludedFromWatch, windowFor } from '../../core/watch/index.ts';
import type { Database } from '../db/schema.ts';
import { addTimelineEvents, STUDIO_ACTOR } from '../notify/timeline.ts';
import { readCsvRows, rowPrice, type CsvRowEvent } from './csv-rows.ts';
import { detectForLines } from './detect.ts';
import { lineLabels, policyOf, withClaims } from './load.ts';
import { watchStartedText } from './messages.ts';
import { FUTURE_TOLERANCE_MS } from './prices.ts';
import { keepRejects, type RowReject } from './rejects.ts';
import { chunks, loadPolicies, toPurchaseLine, toStoredWatch, type LineRow, type RetailerPolicies } from './rows.ts';
import { addCounts, emptyCounts, type SettleCounts } from './settle.ts';
import { retryTransient } from './transient.ts';

export const PURCHASE_COLUMNS = ['customer_email', 'retailer', 'sku', 'quantity', 'unit_price', 'currency', 'purchased_at', 'delivered_at', 'order_ref'] as const;

export interface PurchaseImportReport extends SettleCounts {
  readonly source: string;
  rows: number;
  linesAdded: number;
  linesUnchanged: number;
  deliveriesRecorded: number;
  readonly rejected: { line: number; reason: string }[];
}

interface GoodRow {
  readonly line: number;
  readonly raw: string;
  readonly email: string;
  readonly retailerId: string;
  readonly retailerName: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly currency: string;
  readonly purchasedAt: string;
  readonly deliveredAt: string | null;
  readonly orderRef: string;
}

export async function importPurchasesFile(db: Kysely<Database>, file: string, options: { now?: Date; batchSize?: number } = {}): Promise<PurchaseImportReport> {
  const events = readCsvRows(createReadStream(file, { highWaterMark: 64 * 1024 }), { name: 'purchases', required: PURCHASE_COLUMNS });
  return importPurchaseRows(db, events, { ...options, source: path.resolve(file) });
}

export async function importPurchaseRows(db: Kysely<Database>, events: AsyncIterable<CsvRowEvent> | Iterable<CsvRowEvent>, options: { source: string; now?: Date; batchSize?: number }): Promise<PurchaseImportReport> {
  const now = options.now ?? new Date();
  const latestAllowed = now.getTime() + FUTURE_TOLERANCE_MS;
  const policies = await loadPolicies(db);
  const retailers = new Map([...policies.byId].map(([id, r]) => [r.name.toLowerCase(), { id, name: r.name, currency: r.currency }]));
  const report: PurchaseImportReport = { source: options.source, rows: 0, linesAdded: 0, linesUnchanged: 0, deliveriesRecorded: 0, rejected: [], ...emptyCounts() };
  let batch: GoodRow[] = [];
  let rejects: RowReject[] = [];

  const instant = (text: string, column: string): string => {
    const ms = instantMs(text);
    if (Number.isNaN(ms)) throw new RangeError(`${column} "${text}" is not an ISO-8601 date or date-time with Z or an offset`);
    if (ms > latestAllowed) throw new RangeError(`${column} ${text} is in the future`);
    return canonicalIso(ms);
  };

  const check = (line: number, raw: string, v: Readonly<Record<string, string>>): GoodRow | string => {
    const email = (v.customer_email ?? '').toLowerCase();
    if (!email) return 'customer_email is empty';
    const retailer = retailers.get((v.retailer ?? '').toLowerCase());
    if (!retailer) return v.retailer ? `unknown retailer "${v.retailer}"` : 'retailer is empty';
    if (!v.sku) return 'sku is empty';
    if (!/^\d{1,6}$/.test(v.quantity ?? '') || Number(v.quantity) < 1) return `quantity "${v.quantity}" must be a whole number of at least 1`;
    const price = rowPrice({ currency: v.currency, amount: v.unit_price }, 'unit_price', retailer);
    if (typeof price === 'string') return price;
    const { currency, minor: unitPriceMinor } = price;
    if (!v.order_ref) return 'order_ref is empty';
    if (v.order_ref.length > 200) return 'order_ref is longer than 200 characters';
    try {
      const purchasedAt = instant(v.purchased_at ?? '', 'purchased_at');
      const deliveredAt = v.delivered_at ? instant(v.delivered_at, 'delivered_at') : null;
      if (deliveredAt !== null && deliveredAt < purchasedAt) return `delivered_at ${v.delivered_at} is before purchased_at ${v.purchased_at}`;
      return { line, raw, email, retailerId: retailer.id, retailerName: retailer.name, sku: v.sku, quantity: Number(v.quantity), unitPriceMinor, currency, purchasedAt, deliveredAt, orderRef: v.order_ref };
    } catch (error) {
      return (error as Error).message;
    }
  };

  const flush = async () => {
    const rows = batch;
    const rowRejects = rejects;
    batch = [];
    rejects = [];
    await writePurchaseBatch(db, rows, rowRejects, options.source, now.toISOString(), policies, report);
  };
  for await (const event of events) {
    report.rows++;
    if (event.kind === 'reject') rejects.push(event);
    else {
      const checked = check(event.line, event.raw, event.values);
      if (typeof checked === 'string') rejects.push({ line: event.line, raw: event.raw, reason: checked });
      else batch.push(checked);
    }
    if (batch.length >= (options.batchSize ?? 500) || rejects.length >= 1000) await flush();
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** A line being recorded, with who bought it (for the customer's timeline). */
type NewLine = LineRow & { readonly customer_id: string; readonly project_id: string | null };

interface Resolved {
  readonly row: GoodRow;
  readonly customerId: string;
  readonly projectId: string | null;
  readonly productId: string;
  readonly finalSale: boolean;
}

async function resolve(db: Kysely<Database>, rows: readonly GoodRow[], rejects: RowReject[]): Promise<Resolved[]> {
  const emails = [...new Set(rows.map((r) => r.email))];
  const users = new Map<string, { id: string; role: string }>();
  for (const part of chunks(emails, 500)) for (const u of await db.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', part).execute()) users.set(u.email, u);
  // A customer with exactly one project: their purchases belong to it.
  const projects = new Map<string, string[]>();
  const customerIds = [...users.values()].map((u) => u.id);
  for (const part of chunks(customerIds, 500)) {
    for (const p of await db.selectFrom('projects').select(['id', 'customer_id']).where('customer_id', 'in', part).execute()) projects.set(p.customer_id!, [...(projects.get(p.customer_id!) ?? []), p.id]);
  }
  const products = new Map<string, { id: string; final_sale: number }>();
  for (const retailerId of new Set(rows.map((r) => r.retailerId))) {
    const skus = [...new Set(rows.filter((r) => r.retailerId === retailerId).map((r) => r.sku))];
    for (const part of chunks(skus, 500)) {
      for (const p of await db.selectFrom('products').select(['id', 'sku', 'final_sale']).where('retailer_id', '=', retailerId).where('sku', 'in', part).execute()) products.set(`${retailerId}\0${p.sku}`, p);
    }
  }
  const out: Resolved[] = [];
  for (const row of rows) {
    const user = users.get(row.email);
    const product = products.get(`${row.retailerId}\0${row.sku}`);
    const reason = !user ? `unknown customer "${row.email}"` : user.role !== 'customer' ? `${row.email} is a ${user.role}, not a customer` : !product ? `unknown SKU "${row.sku}" at ${row.retailerName}` : null;
    if (reason || !user || !product) rejects.push({ line: row.line, raw: row.raw, reason: reason ?? 'unresolved' });
    else {
      const own = projects.get(user.id) ?? [];
      out.push({ row, customerId: user.id, projectId: own.length === 1 ? own[0]! : null, productId: product.id, finalSale: product.final_sale === 1 });
    }
  }
  return out;
}

async function writePurchaseBatch(db: Kysely<Database>, rows: readonly GoodRow[], rejects: RowReject[], source: string, now: string, policies: RetailerPolicies, report: PurchaseImportReport): Promise<void> {
  const resolved = await resolve(db, rows, rejects);
  const done = await retryTransient(() =>
    db.transaction().execute(async (trx) => {
      const batchRejects = [...rejects];
      const touched: NewLine[] = [];
      const started: NewLine[] = [];
      let unchanged = 0;
      let deliveries = 0;
      for (const part of chunks(resolved, 200)) {
        const values = part.map((r) => ({
          id: randomUUID(),
          customer_id: r.customerId,
          project_id: r.projectId,
          product_id: r.productId,
          retailer_id: r.row.retailerId,
          quantity: r.row.quantity,
          unit_price_minor: r.row.unitPriceMinor,
          currency: r.row.currency,
          purchased_at: r.row.purchasedAt,
          delivered_at: r.row.deliveredAt,
          order_ref: r.row.orderRef,
          final_sale: r.finalSale ? 1 : 0,
          created_at: now,
        }));
        const inserted = new Set((await trx.insertInto('purchase_lines').values(values).onConflict((oc) => oc.doNothing()).returning('id').execute()).map((row) => row.id));
        for (const [i, value] of values.entries()) {
          const lineRow: NewLine = { ...value, line_id: value.id };
          if (inserted.has(value.id)) {
            started.push(lineRow);
            continue;
          }
          const outcome = await reconcile(trx, lineRow, part[i]!, policies);
          if (outcome.kind === 'conflict') batchRejects.push({ line: part[i]!.row.line, raw: part[i]!.row.raw, reason: outcome.reason });
          else if (outcome.kind === 'delivered') {
            deliveries++;
            touched.push(outcome.line);
          } else unchanged++;
        }
      }
      await openWatches(trx, started, policies, now);
      await keepRejects(trx, 'purchases', source, batchRejects, now);
      const fresh = started.map((row) => toStoredWatch(row, policyOf(policies, row.retailer_id), []));
      const redelivered = touched.length ? await withClaims(trx, touched, policies) : [];
      const counts = await detectForLines(trx, [...fresh, ...redelivered], policies, now);
      return { started: started.length, unchanged, deliveries, batchRejects, counts };
    }),
  );
  // Counted once committed: a batch run again after losing a race is not counted twice.
  report.linesAdded += done.started;
  report.linesUnchanged += done.unchanged;
  report.deliveriesRecorded += done.deliveries;
  for (const reject of done.batchRejects) report.rejected.push({ line: reject.line, reason: reject.reason });
  addCounts(report, done.counts);
}

type Reconciled = { kind: 'unchanged' } | { kind: 'delivered'; line: NewLine } | { kind: 'conflict'; reason: string };

/** A line already recorded under the same customer, retailer, order and product. */
async function reconcile(trx: Transaction<Database>, incoming: NewLine, resolved: Resolved, policies: RetailerPolicies): Promise<Reconciled> {
  const existing = await trx
    .selectFrom('purchase_lines')
    .selectAll()
    .where('customer_id', '=', incoming.customer_id)
    .where('retailer_id', '=', incoming.retailer_id)
    .where('order_ref', '=', resolved.row.orderRef)
    .where('product_id', '=', incoming.product_id)
    .executeTakeFirstOrThrow();
  if (existing.quantity !== incoming.quantity || existing.unit_price_minor !== incoming.unit_price_minor || existing.purchased_at !== incoming.purchased_at) {
    const paid = formatMoney({ amountMinor: existing.unit_price_minor, currency: existing.currency });
    return { kind: 'conflict', reason: `order ${existing.order_ref} already has this product as ${existing.quantity} × ${paid} bought ${existing.purchased_at}; this row differs` };
  }
  if (incoming.delivered_at === null || existing.delivered_at === incoming.delivered_at) return { kind: 'unchanged' };
  if (existing.delivered_at !== null) return { kind: 'conflict', reason: `order ${existing.order_ref}: delivery was already recorded on ${existing.delivered_at}` };
  const line: NewLine = { ...incoming, line_id: existing.id, project_id: existing.project_id, final_sale: existing.final_sale };
  await trx.updateTable('purchase_lines').set({ delivered_at: incoming.delivered_at }).where('id', '=', existing.id).execute();
  const window = windowFor(toPurchaseLine(line), policyOf(policies, line.retailer_id));
  await trx.updateTable('watches').set({ window_start: window?.start ?? null, window_end: window?.end ?? null }).where('line_id', '=', existing.id).execute();
  return { kind: 'delivered', line };
}

/** One watch per new line (already closed for a final-sale item the policy excludes), and a timeline sentence. */
async function openWatches(trx: Transaction<Database>, lines: readonly NewLine[], policies: RetailerPolicies, now: string): Promise<void> {
  if (lines.length === 0) return;
  const labels = await lineLabels(trx, lines.map((l) => l.line_id));
  const watches = [];
  const events = [];
  for (const row of lines) {
    const { watch } = toStoredWatch(row, policyOf(policies, row.retailer_id), []);
    const excluded = isExcludedFromWatch(watch.line, watch.policy);
    const window = windowFor(watch.line, watch.policy);
    watches.push({ line_id: row.line_id, product_id: row.product_id, status: excluded ? 'closed' : 'open', closed_reason: excluded ? 'final-sale-excluded' : null, closed_at: excluded ? now : null, window_start: window?.start ?? null, window_end: window?.end ?? null });
    const label = labels.get(row.line_id);
    if (label) events.push({ projectId: row.project_id, subjectUserId: row.customer_id, actorName: STUDIO_ACTOR, kind: 'watch.started', text: watchStartedText(label, watch.policy, window, excluded), at: now });
  }
  for (const part of chunks(watches, 300)) await trx.insertInto('watches').values(part).execute();
  await addTimelineEvents(trx, events);
}

/** A purchase line recorded one at a time (the [Options] shopping list's "mark purchased"). */
export interface PurchaseLineInput {
  readonly customerId: string;
  readonly projectId: string | null;
  readonly productId: string;
  readonly retailerId: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
  readonly currency: string;
  readonly purchasedAt: string;
  readonly orderRef: string;
  readonly finalSale: boolean;
}

/**
 * Records one purchase line inside the caller's transaction, as an import would: the line, its
 * watch (with the timeline sentence) and detection against prices already observed in its window.
 * Returns null when the customer's order already has this product (nothing is written).
 */
export async function recordPurchaseLine(trx: Transaction<Database>, input: PurchaseLineInput, now: string): Promise<{ lineId: string; counts: SettleCounts } | null> {
  const policies = await loadPolicies(trx);
  const value = {
    id: randomUUID(),
    customer_id: input.customerId,
    project_id: input.projectId,
    product_id: input.productId,
    retailer_id: input.retailerId,
    quantity: input.quantity,
    unit_price_minor: input.unitPriceMinor,
    currency: input.currency,
    purchased_at: canonicalIso(instantMs(input.purchasedAt)),
    delivered_at: null,
    order_ref: input.orderRef,
    final_sale: input.finalSale ? 1 : 0,
    created_at: now,
  };
  const inserted = await trx.insertInto('purchase_lines').values(value).onConflict((oc) => oc.doNothing()).returning('id').execute();
  if (inserted.length === 0) return null;
  const line: NewLine = { ...value, line_id: value.id };
  await openWatches(trx, [line], policies, now);
  const counts = await detectForLines(trx, [toStoredWatch(line, policyOf(policies, line.retailer_id), [])], policies, now);
  return { lineId: value.id, counts };
}
