/**
 * Reads for the watch rules: lines with their claims, observations of products, and the labels
 * messages need. Lists go through `in (…)` in chunks; callers bound how much they ask for.
 */
import type { PriceAdjustmentPolicy } from '../../core/watch/index.ts';
import { DEFAULT_PREFERENCES } from '../auth/users.ts';
import type { LineLabel } from './messages.ts';
import { chunks, claimsByLine, CLAIM_COLUMNS, LINE_COLUMNS, toStoredWatch, type ClaimRow, type Db, type LineRow, type ObservationRow, type RetailerPolicies, type StoredWatch } from './rows.ts';

const IN_CHUNK = 500;

export async function claimRowsForLines(db: Db, lineIds: readonly string[]): Promise<ClaimRow[]> {
  const out: ClaimRow[] = [];
  for (const part of chunks(lineIds, IN_CHUNK)) {
    out.push(...(await db.selectFrom('claims').select(CLAIM_COLUMNS).where('line_id', 'in', part).execute()));
  }
  return out;
}

export async function claimRowsForProducts(db: Db, productIds: readonly string[]): Promise<ClaimRow[]> {
  const out: ClaimRow[] = [];
  for (const part of chunks(productIds, IN_CHUNK)) {
    out.push(...(await db.selectFrom('claims').select(CLAIM_COLUMNS).where('product_id', 'in', part).execute()));
  }
  return out;
}

/** Lines by id, whatever their watch's status, with their claims: for re-evaluating after a conflict. */
export async function storedWatchesByLineIds(db: Db, lineIds: readonly string[], policies: RetailerPolicies): Promise<StoredWatch[]> {
  const rows: LineRow[] = [];
  for (const part of chunks(lineIds, IN_CHUNK)) {
    rows.push(...(await db.selectFrom('purchase_lines as l').select(LINE_COLUMNS).where('l.id', 'in', part).execute()));
  }
  return withClaims(db, rows, policies);
}

/** Attaches each line's stored claims and its retailer's policy. */
export async function withClaims(db: Db, rows: readonly LineRow[], policies: RetailerPolicies): Promise<StoredWatch[]> {
  const claims = claimsByLine(await claimRowsForLines(db, rows.map((row) => row.line_id)));
  return rows.map((row) => toStoredWatch(row, policyOf(policies, row.retailer_id), claims.get(row.line_id) ?? []));
}

export function policyOf(policies: RetailerPolicies, retailerId: string): PriceAdjustmentPolicy {
  const retailer = policies.byId.get(retailerId);
  if (!retailer) throw new Error(`Retailer ${retailerId} of a purchase line is missing`);
  return retailer.policy;
}

/** Observations of these products from `fromIso` on (what any of their open windows can see). */
export async function observationsOf(db: Db, productIds: readonly string[], fromIso: string | null): Promise<ObservationRow[]> {
  const out: ObservationRow[] = [];
  for (const part of chunks(productIds, IN_CHUNK)) {
    let query = db.selectFrom('price_observations').select(['id', 'product_id', 'price_minor', 'currency', 'observed_at']).where('product_id', 'in', part);
    if (fromIso) query = query.where('observed_at', '>=', fromIso);
    out.push(...(await query.execute()));
  }
  return out;
}

/** Product and retailer names and the customer's locale, for the lines a message is about. */
export async function lineLabels(db: Db, lineIds: readonly string[]): Promise<Map<string, LineLabel>> {
  const labels = new Map<string, LineLabel>();
  for (const part of chunks([...new Set(lineIds)], IN_CHUNK)) {
    const rows = await db
      .selectFrom('purchase_lines as l')
      .innerJoin('products as p', 'p.id', 'l.product_id')
      .innerJoin('retailers as r', 'r.id', 'l.retailer_id')
      .innerJoin('users as u', 'u.id', 'l.customer_id')
      .select(['l.id', 'l.customer_id', 'l.project_id', 'p.name as product_name', 'r.name as retailer_name', 'u.preferences'])
      .where('l.id', 'in', part)
      .execute();
    for (const row of rows) labels.set(row.id, { customerId: row.customer_id, projectId: row.project_id, productName: row.product_name, retailerName: row.retailer_name, locale: localeOf(row.preferences) });
  }
  return labels;
}

/** What a label is looked up by: a line already read with its buyer (no second look at the line). */
export interface LabelKey {
  readonly lineId: string;
  readonly productId: string;
  readonly customerId: string;
  readonly projectId: string | null;
  readonly retailerId: string;
}

export function labelKeyOf(stored: StoredWatch): LabelKey {
  return { lineId: stored.watch.line.id, productId: stored.watch.line.productId, customerId: stored.customerId, projectId: stored.projectId, retailerId: stored.retailerId };
}

/**
 * The labels of lines already read with their buyer: product names and the customers' locales
 * by id, the retailer's name from the policies. A line whose customer or product is gone
 * meanwhile gets no label (nobody to tell).
 */
export async function labelsOf(db: Db, keys: readonly LabelKey[], policies: RetailerPolicies): Promise<Map<string, LineLabel>> {
  const names = new Map<string, string>();
  for (const part of chunks([...new Set(keys.map((k) => k.productId))], IN_CHUNK)) {
    for (const row of await db.selectFrom('products').select(['id', 'name']).where('id', 'in', part).execute()) names.set(row.id, row.name);
  }
  const customerLocales = new Map<string, string>();
  for (const part of chunks([...new Set(keys.map((k) => k.customerId))], IN_CHUNK)) {
    for (const row of await db.selectFrom('users').select(['id', 'preferences']).where('id', 'in', part).execute()) customerLocales.set(row.id, localeOf(row.preferences));
  }
  const labels = new Map<string, LineLabel>();
  for (const key of keys) {
    const productName = names.get(key.productId);
    const locale = customerLocales.get(key.customerId);
    const retailerName = policies.byId.get(key.retailerId)?.name;
    if (productName === undefined || locale === undefined || retailerName === undefined) continue;
    labels.set(key.lineId, { customerId: key.customerId, projectId: key.projectId, productName, retailerName, locale });
  }
  return labels;
}

// A sweep closing a day's windows labels tens of thousands of lines of a few thousand customers,
// most with the same preferences: each distinct text is parsed once (bounded, emptied when full).
const locales = new Map<string, string>();

function localeOf(preferences: string): string {
  let locale = locales.get(preferences);
  if (locale === undefined) {
    locale = parseLocale(preferences);
    if (locales.size >= 10_000) locales.clear();
    locales.set(preferences, locale);
  }
  return locale;
}

function parseLocale(preferences: string): string {
  try {
    const parsed = JSON.parse(preferences) as { locale?: unknown };
    return typeof parsed.locale === 'string' ? parsed.locale : DEFAULT_PREFERENCES.locale;
  } catch {
    return DEFAULT_PREFERENCES.locale;
  }
}
