import type { Kysely } from 'kysely';
import type { ScopedResource } from '../../core/api/endpoint.ts';
import type { Database } from '../db/schema.ts';
import { fileTarget } from '../files/scope.ts';

/**
 * How a path parameter leads to the project that decides membership. A feature that adds a
 * project-scoped resource adds its resolver here; an endpoint naming a resource without one
 * fails at start-up, not at request time.
 */
type Resolver = (db: Kysely<Database>, id: string) => Promise<string | ScopeTarget | null>;

/**
 * What a resource leads to when a project id alone does not say it: its project (a purchase may
 * have none) and the one person it belongs to, who counts as a member for it (a customer's own
 * purchase line and its claims).
 */
export interface ScopeTarget {
  readonly projectId: string | null;
  readonly ownerId: string | null;
  /** A resource of a person rather than one project (an inspiration image): membership of any of these counts. */
  readonly projectIds?: readonly string[];
}

async function purchaseLineTarget(db: Kysely<Database>, lineId: string | undefined): Promise<ScopeTarget | null> {
  if (!lineId) return null;
  const row = await db.selectFrom('purchase_lines').select(['project_id', 'customer_id']).where('id', '=', lineId).executeTakeFirst();
  return row ? { projectId: row.project_id, ownerId: row.customer_id } : null;
}

export const SCOPE_RESOLVERS: Partial<Record<ScopedResource, Resolver>> = {
  project: async (db, id) => (await db.selectFrom('projects').select('id').where('id', '=', id).executeTakeFirst())?.id ?? null,
  room: async (db, id) => (await db.selectFrom('rooms').select('project_id').where('id', '=', id).executeTakeFirst())?.project_id ?? null,
  option: async (db, id) =>
    (
      await db
        .selectFrom('design_options')
        .innerJoin('rooms', 'rooms.id', 'design_options.room_id')
        .select('rooms.project_id')
        .where('design_options.id', '=', id)
        .executeTakeFirst()
    )?.project_id ?? null,
  purchase: (db, id) => purchaseLineTarget(db, id),
  photo: (db, id) => fileTarget(db, id),
  claim: async (db, id) => purchaseLineTarget(db, (await db.selectFrom('claims').select('line_id').where('id', '=', id).executeTakeFirst())?.line_id),
};

export const RESOURCE_LABEL: Record<ScopedResource, string> = {
  project: 'Project',
  room: 'Room',
  option: 'Design option',
  claim: 'Claim',
  photo: 'Photo',
  purchase: 'Purchase',
};

export async function isProjectMember(db: Kysely<Database>, projectId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('project_members')
    .select('user_id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
