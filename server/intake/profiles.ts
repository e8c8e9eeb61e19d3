/**
 * [Intake] What a customer told us once: their profile row (currency, address, style answers)
 * and the pieces of their own furniture they keep. Read to pre-fill a second project; written
 * by the intake and the style profile screen.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { KeptPieceSchema, StyleProfileSchema } from '../../core/api/intake.ts';
import { StyleAnswersSchema } from '../../core/api/intake.ts';
import type { Category } from '../../core/catalog.ts';
import { currencyForLocale, KNOWN_COLOURS, styleSummary, styleVector, type StyleAnswers, type StyleVector } from '../../core/intake/index.ts';
import type { CustomerProfilesTable, Database, KeptPiecesTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type KeptPiece = z.infer<typeof KeptPieceSchema>;
export type StyleProfile = z.infer<typeof StyleProfileSchema>;

export async function profileRow(db: Db, customerId: string): Promise<Selectable<CustomerProfilesTable> | undefined> {
  return db.selectFrom('customer_profiles').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
}

/** The currency a customer's budgets are in: their profile's, else their locale's; `fixed` once a project set it. */
export async function customerCurrency(db: Db, customerId: string, locale: string): Promise<{ currency: string; fixed: boolean }> {
  const row = await profileRow(db, customerId);
  return row ? { currency: row.currency, fixed: true } : { currency: currencyForLocale(locale), fixed: false };
}

/** Creates or updates the profile row; fields left undefined keep their value. */
export async function upsertProfile(db: Db, customerId: string, fields: { currency: string; address?: string | null; styleAnswers?: StyleAnswers }, now: string): Promise<void> {
  const existing = await profileRow(db, customerId);
  const style = fields.styleAnswers ? { style_answers: JSON.stringify(fields.styleAnswers), style_updated_at: now } : {};
  if (!existing) {
    await db
      .insertInto('customer_profiles')
      .values({ customer_id: customerId, currency: fields.currency, address: fields.address ?? null, style_answers: null, style_updated_at: null, ...style, created_at: now, updated_at: now })
      .execute();
    return;
  }
  await db
    .updateTable('customer_profiles')
    .set({ ...(fields.address !== undefined ? { address: fields.address } : {}), ...style, updated_at: now })
    .where('customer_id', '=', customerId)
    .execute();
}

export function toKeptPiece(row: Selectable<KeptPiecesTable>): KeptPiece {
  return { id: row.id, name: row.name, category: row.category as Category, widthMm: row.width_mm, depthMm: row.depth_mm, heightMm: row.height_mm, photoFileId: row.photo_file_id };
}

export async function keptPiecesOf(db: Db, customerId: string): Promise<KeptPiece[]> {
  const rows = await db.selectFrom('kept_pieces').selectAll().where('customer_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toKeptPiece);
}

/** The stored answers, or null; answers that no longer parse (a card retired) count as none. */
export function parseAnswers(text: string | null): StyleAnswers | null {
  if (!text) return null;
  const parsed = StyleAnswersSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

export function vectorOf(answers: StyleAnswers): StyleVector {
  return styleVector(answers, KNOWN_COLOURS);
}

/** The customer's profile with its summary (retailer ids named), or null before they answered. */
export async function styleProfileOf(db: Db, customerId: string): Promise<StyleProfile | null> {
  const row = await profileRow(db, customerId);
  const answers = parseAnswers(row?.style_answers ?? null);
  if (!row || !answers || !row.style_updated_at) return null;
  const summary = styleSummary(answers, vectorOf(answers));
  const retailers = summary.retailerIds.length ? await db.selectFrom('retailers').select(['id', 'name']).where('id', 'in', summary.retailerIds).execute() : [];
  const named = summary.retailerIds.flatMap((id) => retailers.filter((r) => r.id === id).map((r) => ({ id: r.id, name: r.name })));
  const { retailerIds: _ids, ...rest } = summary;
  return { answers: { ...answers, cards: { ...answers.cards }, materials: [...answers.materials], retailerIds: [...answers.retailerIds] }, summary: { ...rest, styles: [...rest.styles], avoids: [...rest.avoids], materials: [...rest.materials], colours: [...rest.colours], retailers: named }, updatedAt: row.style_updated_at };
}
