/**
 * [Intake] The catalog ranks search results and alternatives by a customer's style: this is
 * where that style comes from — their stored answers, turned into the style vector of
 * core/intake/style.ts. Registered once when the routes are assembled.
 */
import type { Kysely } from 'kysely';
import { isEmptyVector, productAffinity, styleTagProfile } from '../../core/intake/index.ts';
import { setStyleProfileSource, type CustomerStyle } from '../catalog/style-profile.ts';
import type { Database } from '../db/schema.ts';
import { parseAnswers, vectorOf } from './profiles.ts';

export async function customerStyleFromAnswers(db: Kysely<Database>, customerId: string): Promise<CustomerStyle | null> {
  const row = await db.selectFrom('customer_profiles').select('style_answers').where('customer_id', '=', customerId).executeTakeFirst();
  const answers = parseAnswers(row?.style_answers ?? null);
  if (!answers) return null;
  const vector = vectorOf(answers);
  if (isEmptyVector(vector)) return null;
  return { tags: styleTagProfile(vector), affinity: (product) => productAffinity(vector, product) };
}

export function registerStyleProfiles(): void {
  setStyleProfileSource(customerStyleFromAnswers);
}
