import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { CurrencyCode } from '../../core/api/schemas.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';

export const PolicySchema = z.object({
  windowDays: z.number().int().min(0).max(365),
  windowFrom: z.enum(['purchase', 'delivery']),
  adjustments: z.enum(['one', 'unlimited']),
  excludeFinalSale: z.boolean(),
});
export type Policy = z.infer<typeof PolicySchema>;

export const DEFAULT_POLICY: Policy = { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true };

export interface RetailerChange {
  readonly name: string;
  readonly currency?: string;
  readonly policy?: Partial<Policy>;
}

export interface Retailer {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly policy: Policy;
}

export async function findRetailer(db: Kysely<Database>, name: string): Promise<Retailer | null> {
  const row = await db.selectFrom('retailers').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    policy: { windowDays: row.window_days, windowFrom: row.window_from as Policy['windowFrom'], adjustments: row.adjustments as Policy['adjustments'], excludeFinalSale: row.exclude_final_sale === 1 },
  };
}

/**
 * Creates the retailer or changes what is given; running it twice with the same values changes
 * nothing. A new retailer needs its currency. Changing the currency of a retailer that already
 * has products is refused: prices would silently change meaning.
 */
export async function setRetailer(db: Kysely<Database>, change: RetailerChange, now = new Date()): Promise<RetailerResult> {
  return db.transaction().execute((trx) => setRetailerWithin(trx, change, now));
}

export interface RetailerResult {
  readonly retailer: Retailer;
  readonly created: boolean;
  readonly changed: boolean;
}

/** `setRetailer` inside a transaction the caller holds (a catalog import creates its retailer with its rows). */
export async function setRetailerWithin(trx: Transaction<Database>, change: RetailerChange, now = new Date()): Promise<RetailerResult> {
  if (change.currency !== undefined && !CurrencyCode.safeParse(change.currency).success) {
    throw new HttpError(400, 'invalid_currency', `Currency "${change.currency}" must be a three-letter ISO-4217 code such as USD`);
  }
  const policyPatch = PolicySchema.partial().safeParse(change.policy ?? {});
  if (!policyPatch.success) throw new HttpError(400, 'invalid_policy', `Invalid policy: ${policyPatch.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const existing = await findRetailer(trx, change.name);
  const stamp = now.toISOString();
  if (!existing) {
    if (!change.currency) throw new HttpError(400, 'currency_required', `Retailer "${change.name}" is new: give its currency (--currency CODE)`);
    const policy = { ...DEFAULT_POLICY, ...policyPatch.data };
    const retailer = { id: randomUUID(), name: change.name, currency: change.currency, policy };
    await trx
      .insertInto('retailers')
      .values({ id: retailer.id, name: retailer.name, currency: retailer.currency, window_days: policy.windowDays, window_from: policy.windowFrom, adjustments: policy.adjustments, exclude_final_sale: policy.excludeFinalSale ? 1 : 0, created_at: stamp, updated_at: stamp })
      .execute();
    return { retailer, created: true, changed: true };
  }
  const policy = { ...existing.policy, ...policyPatch.data };
  const currency = change.currency ?? existing.currency;
  if (currency !== existing.currency) {
    const product = await trx.selectFrom('products').select('id').where('retailer_id', '=', existing.id).limit(1).executeTakeFirst();
    if (product) throw new HttpError(409, 'currency_locked', `${existing.name} already has products priced in ${existing.currency}; its currency cannot change to ${currency}`);
  }
  const retailer = { ...existing, currency, policy };
  const changed = JSON.stringify(retailer) !== JSON.stringify(existing);
  if (changed) {
    await trx
      .updateTable('retailers')
      .set({ currency, window_days: policy.windowDays, window_from: policy.windowFrom, adjustments: policy.adjustments, exclude_final_sale: policy.excludeFinalSale ? 1 : 0, updated_at: stamp })
      .where('id', '=', existing.id)
      .execute();
  }
  return { retailer, created: false, changed };
}
