/**
 * The customer's style profile, as the catalog ranks alternatives by it. [Intake] owns the
 * profile (the questionnaire a customer answers once); until it registers its source, nobody
 * has a profile and alternatives rank by price closeness alone.
 *
 *   setStyleProfileSource(async (db, customerId) => profileFromAnswers(await answersOf(db, customerId)));
 */
import type { Kysely } from 'kysely';
import type { StyleProfile } from '../../core/catalog/alternatives.ts';
import type { Database } from '../db/schema.ts';

export type { StyleProfile };

/** Style tag → weight for one customer; null when they have none yet. */
export type StyleProfileSource = (db: Kysely<Database>, customerId: string) => Promise<StyleProfile | null>;

const NO_PROFILE: StyleProfileSource = async () => null;

let source: StyleProfileSource = NO_PROFILE;

/** Registers where profiles come from (once, at start); `undefined` restores "no profiles". */
export function setStyleProfileSource(next: StyleProfileSource | undefined): void {
  source = next ?? NO_PROFILE;
}

export async function styleProfileFor(db: Kysely<Database>, customerId: string | null): Promise<StyleProfile | null> {
  if (customerId === null) return null;
  const profile = await source(db, customerId);
  return profile && Object.keys(profile).length > 0 ? profile : null;
}
