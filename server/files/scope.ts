import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ScopeTarget } from '../http/scopes.ts';

/**
 * Who may see a file: members of its project; for a person's own file outside any project (an
 * inspiration image), the person and the members of any of their projects (their designer).
 */
export async function fileTarget(db: Kysely<Database>, fileId: string): Promise<ScopeTarget | null> {
  const row = await db.selectFrom('files').select(['project_id', 'owner_id']).where('id', '=', fileId).executeTakeFirst();
  if (!row) return null;
  if (row.project_id !== null || row.owner_id === null) return { projectId: row.project_id, ownerId: row.owner_id };
  const projects = await db.selectFrom('projects').select('id').where('customer_id', '=', row.owner_id).execute();
  return { projectId: null, ownerId: row.owner_id, projectIds: projects.map((p) => p.id) };
}
