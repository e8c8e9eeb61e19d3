/**
 * [Options] Published versions: immutable snapshots of an option (items + finishes) with the
 * prices of their products at publish time, numbered v1, v2… per option. Publishing is guarded by
 * the number of the latest version the publisher saw (a stale one is a 409 with the current), and
 * tells the customer in the same transaction (notification + timeline).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ChangesSchema, VersionSummarySchema } from '../../core/api/options.ts';
import { subtractMoney } from '../../core/money.ts';
import { diffOptions, migrateOptionSnapshot, type OptionSnapshot } from '../../core/options/index.ts';
import { optionTotal } from '../../core/pricing/index.ts';
import { productsByIds, type Product } from '../catalog/products.ts';
import { describeFile, insertFile, type StoredFile } from '../files/store.ts';
import type { Engine } from '../db/database.ts';
import type { Database, OptionVersionsTable } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addNotifications } from '../notify/notifications.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { recordStageChange } from '../intake/stages.ts';
import { entryLookup, optionCurrency, priceDocument, priceEntries, pricingFailure, type PriceEntry } from './pricing.ts';
import { lockOption, optionContext, optionLink, person, readLiveSnapshot, type Db, type OptionContext } from './records.ts';

export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type Changes = z.infer<typeof ChangesSchema>;
type VersionRow = Selectable<OptionVersionsTable>;

export interface StoredVersion {
  readonly row: VersionRow;
  readonly snapshot: OptionSnapshot;
  readonly prices: readonly PriceEntry[];
}

export const versionLabel = (number: number) => `v${number}`;

export function readVersion(row: VersionRow): StoredVersion {
  const migrated = migrateOptionSnapshot(JSON.parse(row.snapshot));
  if (!migrated.ok) throw new HttpError(409, 'invalid_document', `Version ${versionLabel(row.number)} cannot be read: ${migrated.message}`);
  return { row, snapshot: migrated.snapshot, prices: JSON.parse(row.prices) as PriceEntry[] };
}

export async function summarise(db: Db, version: StoredVersion, budgetCurrency: string | null): Promise<VersionSummary> {
  const { row, snapshot, prices } = version;
  const attachment = row.attachment_id ? await describeFile(db, row.attachment_id) : null;
  const currency = optionCurrency(budgetCurrency, snapshot.items, entryLookup(prices));
  return {
    id: row.id,
    optionId: row.option_id,
    number: row.number,
    label: versionLabel(row.number),
    note: row.note,
    publishedBy: person(row.published_by, row.published_by_name, row.published_by_role),
    publishedAt: row.published_at,
    itemCount: snapshot.items.length,
    pricing: priceDocument(snapshot.items, prices, currency),
    attachment,
  };
}

export async function versionRows(db: Db, optionId: string): Promise<VersionRow[]> {
  return db.selectFrom('option_versions').selectAll().where('option_id', '=', optionId).orderBy('number', 'desc').execute();
}

export async function latestVersionRow(db: Db, optionId: string): Promise<VersionRow | null> {
  return (await db.selectFrom('option_versions').selectAll().where('option_id', '=', optionId).orderBy('number', 'desc').limit(1).executeTakeFirst()) ?? null;
}

export async function versionByNumber(db: Db, optionId: string, number: number): Promise<StoredVersion> {
  const row = await db.selectFrom('option_versions').selectAll().where('option_id', '=', optionId).where('number', '=', number).executeTakeFirst();
  if (!row) throw notFound(`Version ${versionLabel(number)}`);
  return readVersion(row);
}

export async function productsOf(db: Db, snapshot: OptionSnapshot): Promise<Product[]> {
  const ids = [...new Set(snapshot.items.flatMap((item) => (item.productId ? [item.productId] : [])))];
  return productsByIds(db as Kysely<Database>, ids);
}

/** The products a version names, as the catalog describes them now but at the prices the version recorded. */
export async function productsAtVersionPrices(db: Db, version: StoredVersion): Promise<Product[]> {
  const prices = new Map(version.prices.map((entry) => [entry.productId, entry.price]));
  return (await productsOf(db, version.snapshot)).map((product) => ({ ...product, price: prices.get(product.id) ?? product.price }));
}

export interface Publisher {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

/**
 * Writes the option as it stands as the next version inside `trx` (the option already locked)
 * and tells the customer. Used by publishing and by an approval that pins the customer's changes.
 */
export async function writeVersion(trx: Transaction<Database>, context: OptionContext, number: number, note: string, by: Publisher, now: string, extra: { snapshot?: OptionSnapshot; attachmentId?: string | undefined } = {}): Promise<StoredVersion> {
  if (extra.attachmentId) await checkAttachment(trx, context, extra.attachmentId);
  const document = extra.snapshot ?? (await readLiveSnapshot(trx, context.option.id));
  const prices = priceEntries(await productsOf(trx, document));
  const row: VersionRow = {
    id: randomUUID(),
    option_id: context.option.id,
    number,
    note,
    snapshot: JSON.stringify(document),
    prices: JSON.stringify(prices),
    attachment_id: extra.attachmentId ?? null,
    published_by: by.id,
    published_by_name: by.name,
    published_by_role: by.role,
    published_at: now,
  };
  await trx.insertInto('option_versions').values(row).execute();
  return { row, snapshot: document, prices };
}

export async function publishVersion(db: Kysely<Database>, engine: Engine, optionId: string, input: { expectedLatest: number; note: string; attachmentId?: string | undefined }, by: Publisher): Promise<VersionSummary> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await lockOption(trx, engine, optionId);
    const context = await optionContext(trx, optionId);
    const approved = await trx.selectFrom('option_approvals').select('id').where('option_id', '=', optionId).where('replaced_at', 'is', null).executeTakeFirst();
    if (approved) throw new HttpError(409, 'option_locked', `${context.option.name} is approved and locked: it is the basis of the shopping list. Duplicate it to keep designing.`);
    const latest = await latestVersionRow(trx, optionId);
    const latestNumber = latest?.number ?? 0;
    if (input.expectedLatest !== latestNumber) {
      const current = latest ? await summarise(trx, readVersion(latest), context.budget?.currency ?? null) : null;
      throw new HttpError(409, 'stale_version', `Someone published ${versionLabel(latestNumber)} of ${context.option.name} meanwhile; look at it before publishing again.`, { current });
    }
    const version = await writeVersion(trx, context, latestNumber + 1, input.note, by, now, { attachmentId: input.attachmentId });
    const summary = await summarise(trx, version, context.budget?.currency ?? null);
    const title = `${firstName(by.name)} published ${summary.label} of ${context.option.name}`;
    if (context.customerId) {
      await addNotifications(trx, [{ userId: context.customerId, kind: 'option.published', title, body: input.note.slice(0, 280), link: `${optionLink(context.option)}/versions/${summary.number}`, data: { optionId, number: summary.number } }], now);
    }
    await addTimelineEvents(trx, [{ projectId: context.option.projectId, subjectUserId: context.customerId ?? by.id, actorName: by.name, kind: 'option.published', text: `${by.name} published ${summary.label} of ${context.option.name}`, at: now }]);
    if (['intake', 'photos', 'designing', 'revisions'].includes(context.stage)) {
      await recordStageChange(trx, { projectId: context.option.projectId, to: 'options_ready', actor: { id: by.id, name: by.name }, at: now });
    }
    return summary;
  });
}

/** An attachment must be a note file (photo or video) uploaded for this option's project. */
async function checkAttachment(db: Db, context: OptionContext, fileId: string): Promise<void> {
  const file = await db.selectFrom('files').select(['purpose', 'project_id']).where('id', '=', fileId).executeTakeFirst();
  if (!file || file.purpose !== 'video-note' || file.project_id !== context.option.projectId) {
    throw new HttpError(400, 'invalid_request', 'body.attachmentId: is not a photo or video uploaded for this option', { issues: [{ path: 'body.attachmentId', message: 'is not a photo or video uploaded for this option' }] });
  }
}

/** Stores a photo or video for the next version's note (checked by content: 415/413 otherwise). */
export async function uploadAttachment(db: Kysely<Database>, optionId: string, bytes: Uint8Array, name: string, by: Publisher): Promise<StoredFile> {
  const context = await optionContext(db, optionId);
  const id = await insertFile(db, { purpose: 'video-note', bytes, name, ownerId: context.customerId, uploadedBy: by.id, projectId: context.option.projectId, roomId: context.option.roomId, shotKey: null, at: new Date().toISOString() });
  const file = await describeFile(db, id);
  if (!file) throw notFound('File');
  return file;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** One side of a comparison: its document and the prices it is read at. */
interface Side {
  readonly label: string;
  readonly snapshot: OptionSnapshot;
  readonly prices: readonly PriceEntry[];
}

async function side(db: Db, optionId: string, ref: number | 'live'): Promise<Side> {
  if (ref === 'live') {
    const snapshot = await readLiveSnapshot(db, optionId);
    return { label: 'live', snapshot, prices: priceEntries(await productsOf(db, snapshot)) };
  }
  const version = await versionByNumber(db, optionId, ref);
  return { label: versionLabel(ref), snapshot: version.snapshot, prices: version.prices };
}

/**
 * What changed from `fromRef` to `toRef`. The pieces' price changes are priced at the later
 * side's prices (so they add up to `designChange`); `priceMovement` is what the catalog did to
 * the earlier side's pieces in between; together they make the change between the two totals.
 */
export async function optionChanges(db: Db, optionId: string, fromRef: number | 'live', toRef: number | 'live'): Promise<Changes> {
  const context = await optionContext(db, optionId);
  const before = await side(db, optionId, fromRef);
  const after = await side(db, optionId, toRef);
  const products = await productsOf(db, { ...after.snapshot, items: [...before.snapshot.items, ...after.snapshot.items] });
  const afterPrices = new Map(after.prices.map((entry) => [entry.productId, entry.price]));
  const shown = products.map((product) => ({ ...product, price: afterPrices.get(product.id) ?? product.price }));
  const combined = [...after.prices, ...before.prices.filter((entry) => !afterPrices.has(entry.productId))];
  const lookup = entryLookup(combined);
  const currency = optionCurrency(context.budget?.currency, [...after.snapshot.items, ...before.snapshot.items], lookup);
  try {
    const diff = diffOptions(before.snapshot, after.snapshot, { lookup, currency });
    const totalBefore = optionTotal(before.snapshot.items, entryLookup(before.prices), currency);
    return {
      from: before.label,
      to: after.label,
      products: shown,
      result: {
        ok: true,
        added: [...diff.added],
        removed: [...diff.removed],
        swapped: [...diff.swapped],
        moved: [...diff.moved],
        recoloured: [...diff.recoloured],
        quantityChanged: [...diff.quantityChanged],
        finishesChanged: [...diff.finishesChanged],
        totalBefore,
        totalAfter: diff.totalAfter,
        priceChange: subtractMoney(diff.totalAfter, totalBefore),
        designChange: diff.priceChange,
        priceMovement: subtractMoney(diff.totalBefore, totalBefore),
      } as Extract<Changes['result'], { ok: true }>,
    };
  } catch (error) {
    return { from: before.label, to: after.label, products: shown, result: pricingFailure(error) };
  }
}
