/**
 * [Intake] The catalog ranks search results and alternatives by a customer's style: this is
 * where that style comes from — their stored answers, turned into the style vector of
 * core/intake/style.ts. Registered once when the routes are assembled.
 */
import type { Kysely } from 'kysely';
import { isEmptyVector, styleScorer, styleTagProfile } from '../../core/intake/index.ts';
import { setStyleProfileSource, type CustomerStyle } from '../catalog/style-profile.ts';
import type { Database } from '../db/schema.ts';
import { parseAnswers, vectorOf } from './profiles.ts';

/** The last styles read, per customer and answers: a scorer remembers its products' scores across searches. */
const recent = new Map<string, { readonly answers: string; readonly style: CustomerStyle }>();
const RECENT_LIMIT = 256;

export async function customerStyleFromAnswers(db: Kysely<Database>, customerId: string): Promise<CustomerStyle | null> {
  const row = await db.selectFrom('customer_profiles').select('style_answers').where('customer_id', '=', customerId).executeTakeFirst();
  const text = row?.style_answers ?? null;
  const cached = recent.get(customerId);
  if (cached && cached.answers === text) return cached.style;
  const answers = parseAnswers(text);
  if (!answers) return null;
  const vector = vectorOf(answers);
  if (isEmptyVector(vector)) return null;
  const style: CustomerStyle = { tags: styleTagProfile(vector), affinity: styleScorer(vector) };
  recent.delete(customerId);
  recent.set(customerId, { answers: text ?? '', style });
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  return style;
}

export function registerStyleProfiles(): void {
  setStyleProfileSource(customerStyleFromAnswers);
}
