/**
 * The customer's style profile, as the catalog ranks search results and alternatives by it.
 * [Intake] owns the profile (the questionnaire a customer answers once) and registers its source
 * at start (server/intake/style-source.ts); until then nobody has a profile, search ranks by
 * relevance alone and alternatives by price closeness.
 *
 * A source answers with the customer's style: the style tags they like (tag → weight) and, when
 * it knows more than tags (materials, colours, retailers), an `affinity` for a whole product.
 * A bare tag map is accepted too; its affinity is the share of the profile a product's tags carry.
 */
import type { Kysely } from 'kysely';
import { styleCloseness, type StyleProfile } from '../../core/catalog/alternatives.ts';
import type { SearchableProduct } from '../../core/catalog/search.ts';
import { can, needsMembership } from '../../core/permissions.ts';
import type { User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { isProjectMember } from '../http/scopes.ts';

export type { StyleProfile };

export interface CustomerStyle {
  /** style tag → weight */
  readonly tags: StyleProfile;
  /** 0…1: how well a product suits the customer */
  readonly affinity: (product: SearchableProduct) => number;
}

/** Style tag → weight for one customer (or their whole style); null when they have none yet. */
export type StyleProfileSource = (db: Kysely<Database>, customerId: string) => Promise<StyleProfile | CustomerStyle | null>;

const NO_PROFILE: StyleProfileSource = async () => null;

let source: StyleProfileSource = NO_PROFILE;

/** Registers where profiles come from (once, at start); `undefined` restores "no profiles". */
export function setStyleProfileSource(next: StyleProfileSource | undefined): void {
  source = next ?? NO_PROFILE;
}

function isCustomerStyle(value: StyleProfile | CustomerStyle): value is CustomerStyle {
  return typeof (value as { affinity?: unknown }).affinity === 'function';
}

/** The customer's style, or null when they have no profile (or an empty one). */
export async function customerStyleFor(db: Kysely<Database>, customerId: string | null): Promise<CustomerStyle | null> {
  if (customerId === null) return null;
  const found = await source(db, customerId);
  if (!found) return null;
  if (isCustomerStyle(found)) return found;
  if (Object.keys(found).length === 0) return null;
  return { tags: found, affinity: (product) => styleCloseness(found, product) };
}

export async function styleProfileFor(db: Kysely<Database>, customerId: string | null): Promise<StyleProfile | null> {
  const style = await customerStyleFor(db, customerId);
  return style && Object.keys(style.tags).length > 0 ? style.tags : null;
}

/**
 * Whose style a search ranks by: the project's customer when a project is named (the caller must
 * be allowed to read it), else the caller's own when they are a customer, else nobody's.
 */
export async function searchingForCustomer(db: Kysely<Database>, user: User, projectId: string | undefined): Promise<string | null> {
  if (projectId === undefined) return user.role === 'customer' ? user.id : null;
  const project = await db.selectFrom('projects').select(['id', 'customer_id']).where('id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('Project');
  const member = needsMembership(user.role, 'project:read') ? await isProjectMember(db, project.id, user.id) : undefined;
  if (!can(user, 'project:read', member)) throw forbidden('You are not a member of this project');
  return project.customer_id;
}
