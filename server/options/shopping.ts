/**
 * [Options] The shopping list of an approved option, read from the pinned version, and "mark
 * purchased": one transaction records the purchase line through [Watch] (its watch opens and is
 * checked against observed prices) and the shopping-list line's purchase. Marking a line again
 * with the same facts returns what was recorded; different facts are a 409 with the record.
 */
import { sql, type Kysely } from 'kysely';
import { canonicalIso, instantMs } from '../../core/watch/index.ts';
import type { Engine } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { recordPurchaseLine } from '../watch/purchases.ts';
import { retryTransient } from '../watch/transient.ts';
import { activeApprovalRow, toApproval } from './approvals.ts';
import { optionCurrency, entryLookup, pricingFailure } from './pricing.ts';
import { optionContext, type Db } from './records.ts';
import { buildShoppingList, type ShoppingLine, type ShoppingList, type ShoppingPurchase } from './shopping-list.ts';
import { productsOf, readVersion } from './versions.ts';

/** A purchase date up to this far ahead of the server's clock is accepted (clocks differ a little). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

async function approvalOf(db: Db, optionId: string) {
  const context = await optionContext(db, optionId);
  const row = await activeApprovalRow(db, context.option.roomId);
  if (!row || row.option_id !== optionId) {
    throw new HttpError(409, 'not_approved', `${context.option.name} is not the approved option of this room: the shopping list is built from the approved option.`);
  }
  return { context, row };
}

export async function loadShoppingList(db: Db, optionId: string): Promise<ShoppingList> {
  const { context, row } = await approvalOf(db, optionId);
  const approval = await toApproval(db, row);
  const versionRow = await db.selectFrom('option_versions').selectAll().where('id', '=', row.version_id).executeTakeFirstOrThrow();
  const version = readVersion(versionRow);
  const products = await productsOf(db, version.snapshot);
  const purchaseRows = await db.selectFrom('shopping_purchases').selectAll().where('approval_id', '=', row.id).execute();
  const purchases = new Map<string, ShoppingPurchase>(
    purchaseRows.map((p) => [p.line_key, { purchaseLineId: p.purchase_line_id, orderRef: p.order_ref, unitPricePaid: { amountMinor: p.unit_price_minor, currency: p.currency }, purchasedAt: p.purchased_at, recordedAt: p.recorded_at }]),
  );
  const currency = optionCurrency(context.budget?.currency, version.snapshot.items, entryLookup(version.prices));
  try {
    const list = buildShoppingList({ items: version.snapshot.items, prices: version.prices, currency, productUrls: new Map(products.map((p) => [p.id, p.productUrl])), purchases });
    return { approval, ...list };
  } catch (error) {
    const failure = pricingFailure(error);
    throw new HttpError(409, failure.code, failure.message);
  }
}

export interface MarkPurchasedInput {
  readonly orderRef: string;
  readonly unitPricePaid: { readonly amountMinor: number; readonly currency: string };
  readonly purchasedAt: string;
}

function findLine(list: ShoppingList, key: string): { line: ShoppingLine; retailerId: string } {
  for (const retailer of list.retailers) {
    const line = retailer.lines.find((candidate) => candidate.key === key);
    if (line) return { line, retailerId: retailer.retailerId };
  }
  throw new HttpError(404, 'not_found', `The shopping list has no line "${key}"`);
}

const samePurchase = (p: ShoppingPurchase, input: MarkPurchasedInput, purchasedAt: string) =>
  p.orderRef === input.orderRef && p.unitPricePaid.amountMinor === input.unitPricePaid.amountMinor && p.unitPricePaid.currency === input.unitPricePaid.currency && p.purchasedAt === purchasedAt;

export async function markPurchased(db: Kysely<Database>, engine: Engine, optionId: string, key: string, input: MarkPurchasedInput, userId: string): Promise<{ line: ShoppingLine; recorded: boolean }> {
  const ms = instantMs(input.purchasedAt);
  const now = new Date();
  if (ms > now.getTime() + FUTURE_TOLERANCE_MS) throw new HttpError(400, 'invalid_request', 'body.purchasedAt: is in the future', { issues: [{ path: 'body.purchasedAt', message: 'is in the future' }] });
  if (Number.isNaN(ms)) throw new HttpError(400, 'invalid_request', 'body.purchasedAt: is not a date', { issues: [{ path: 'body.purchasedAt', message: 'is not a date' }] });
  const purchasedAt = canonicalIso(ms);
  return retryTransient(() =>
    db.transaction().execute(async (trx) => {
      const { context, row } = await approvalOf(trx, optionId);
      // One writer per approval at a time: a second click waits and then finds the first's record.
      if (engine === 'sqlite') await sql`update option_approvals set approved_at = approved_at where id = ${row.id}`.execute(trx);
      else await trx.selectFrom('option_approvals').select('id').where('id', '=', row.id).forUpdate().execute();
      const list = await loadShoppingList(trx, optionId);
      const { line, retailerId } = findLine(list, key);
      if (line.purchase) {
        if (samePurchase(line.purchase, input, purchasedAt)) return { line, recorded: false };
        throw new HttpError(409, 'already_purchased', `${line.name} was already marked purchased (order ${line.purchase.orderRef}, ${line.purchase.purchasedAt.slice(0, 10)}).`, { current: line });
      }
      if (input.unitPricePaid.currency !== line.unitPrice.currency) {
        throw new HttpError(400, 'invalid_request', `body.unitPricePaid: is in ${input.unitPricePaid.currency}, but ${line.name} is sold in ${line.unitPrice.currency}`, {
          issues: [{ path: 'body.unitPricePaid.currency', message: `must be ${line.unitPrice.currency}` }],
        });
      }
      if (!context.customerId) throw new HttpError(409, 'no_customer', 'This project has no customer to record the purchase for.');
      const product = await trx.selectFrom('products').select(['final_sale']).where('id', '=', line.productId).executeTakeFirst();
      const recorded = await recordPurchaseLine(
        trx,
        { customerId: context.customerId, projectId: context.option.projectId, productId: line.productId, retailerId, quantity: line.quantity, unitPriceMinor: input.unitPricePaid.amountMinor, currency: input.unitPricePaid.currency, purchasedAt, orderRef: input.orderRef, finalSale: product?.final_sale === 1 },
        now.toISOString(),
      );
      let purchaseLineId = recorded?.lineId;
      if (!purchaseLineId) {
        // The order already has this product (imported, or another colour of it): the same purchase is linked, a different one refused.
        const existing = await trx
          .selectFrom('purchase_lines')
          .select(['id', 'quantity', 'unit_price_minor', 'purchased_at'])
          .where('customer_id', '=', context.customerId)
          .where('retailer_id', '=', retailerId)
          .where('order_ref', '=', input.orderRef)
          .where('product_id', '=', line.productId)
          .executeTakeFirstOrThrow();
        if (existing.quantity !== line.quantity || existing.unit_price_minor !== input.unitPricePaid.amountMinor || instantMs(existing.purchased_at) !== ms) {
          throw new HttpError(409, 'order_conflict', `Order ${input.orderRef} already has ${line.name} recorded differently (${existing.quantity} at another price or date); check the order reference.`);
        }
        purchaseLineId = existing.id;
      }
      const recordedAt = now.toISOString();
      await trx
        .insertInto('shopping_purchases')
        .values({ approval_id: row.id, line_key: key, purchase_line_id: purchaseLineId, order_ref: input.orderRef, unit_price_minor: input.unitPricePaid.amountMinor, currency: input.unitPricePaid.currency, purchased_at: purchasedAt, recorded_by: userId, recorded_at: recordedAt })
        .execute();
      return { line: { ...line, purchase: { purchaseLineId, orderRef: input.orderRef, unitPricePaid: input.unitPricePaid, purchasedAt, recordedAt } }, recorded: true };
    }),
  );
}
