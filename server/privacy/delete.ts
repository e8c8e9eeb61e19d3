/**
 * Deleting a project, or a whole account, in one transaction. Photos and personal data go;
 * accounting stays: purchase lines (and through them watches and claims) are moved to an
 * anonymous placeholder account that has no name, no e-mail that reaches anyone and no password,
 * so the studio's books and refund history still add up.
 *
 * The audit log is append-only (triggers refuse UPDATE and DELETE) and hash-chained; it is not
 * touched. It holds no customer's personal data: its actor is the support person who acted, its
 * target a claim id, its before/after the claim's status, amounts and the retailer's reference.
 * After deletion those claim ids lead to the anonymous placeholder, not to the person.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { forbidden, HttpError } from '../http/errors.ts';

export interface Deleted {
  readonly projects: number;
  readonly files: number;
  readonly anonymisedPurchases: number;
}

export const ANONYMOUS_NAME = 'Former customer';
export const ANONYMOUS_EMAIL_DOMAIN = 'anonymised.invalid';

function mismatch(what: string, expected: string): HttpError {
  return new HttpError(400, 'confirmation_mismatch', `Type ${what} exactly (“${expected}”) to confirm; nothing was deleted`, { issues: [{ path: 'body.confirm', message: `must be ${what}` }] });
}

/** A placeholder owner for the purchase lines of a person who is no longer here. */
async function anonymousOwner(trx: Transaction<Database>, now: string): Promise<string> {
  const id = `anon-${randomUUID()}`;
  await trx
    .insertInto('users')
    .values({ id, email: `${id}@${ANONYMOUS_EMAIL_DOMAIN}`, name: ANONYMOUS_NAME, role: 'customer', password_hash: '!', preferences: '{}', created_at: now })
    .execute();
  return id;
}

async function countFiles(trx: Transaction<Database>, where: { projectIds: readonly string[]; ownerId?: string }): Promise<number> {
  if (where.projectIds.length === 0 && !where.ownerId) return 0;
  const row = await trx
    .selectFrom('files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([...(where.projectIds.length ? [eb('project_id', 'in', where.projectIds)] : []), ...(where.ownerId ? [eb('owner_id', '=', where.ownerId)] : [])]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * Other people's notifications about the deleted projects (a designer's "Maya sent the photo you
 * asked for") name the customer and lead nowhere now: they go too. Found by the project id in
 * their link (`/projects/…` or `#/projects/…`) or data.
 */
async function forgetProjectNews(trx: Transaction<Database>, projectIds: readonly string[]): Promise<void> {
  for (const projectId of projectIds) {
    const encoded = encodeURIComponent(projectId);
    await trx
      .deleteFrom('notifications')
      .where((eb) => eb.or([eb('link', 'like', `/projects/${encoded}%`), eb('link', 'like', `#/projects/${encoded}%`), eb('data', 'like', `%"${projectId}"%`)]))
      .execute();
  }
}

/** Deletes one project and everything in it (rooms, options, photos, its timeline); its purchases stay the customer's. */
export async function deleteProject(db: Kysely<Database>, input: { projectId: string; userId: string; isAdmin: boolean; confirm: string }): Promise<Deleted> {
  return db.transaction().execute(async (trx) => {
    const project = await trx.selectFrom('projects').select(['name', 'customer_id']).where('id', '=', input.projectId).executeTakeFirstOrThrow();
    if (project.customer_id !== input.userId && !input.isAdmin) throw forbidden('Only the project’s customer can delete it');
    if (input.confirm.trim() !== project.name.trim()) throw mismatch('the project’s name', project.name);
    const files = await countFiles(trx, { projectIds: [input.projectId] });
    await forgetProjectNews(trx, [input.projectId]);
    await trx.deleteFrom('projects').where('id', '=', input.projectId).execute();
    return { projects: 1, files, anonymisedPurchases: 0 };
  });
}

/**
 * Deletes the account: its projects (with rooms, options, photos), inspiration images,
 * notifications, timeline, sessions (every device is signed out) and settings; purchase lines
 * move to an anonymous placeholder.
 */
export async function deleteAccount(db: Kysely<Database>, input: { userId: string; confirm: string; now: string }): Promise<Deleted> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select(['email', 'role']).where('id', '=', input.userId).executeTakeFirstOrThrow();
    if (user.role !== 'customer') throw forbidden('Studio accounts are closed by an administrator');
    if (input.confirm.trim().toLowerCase() !== user.email.toLowerCase()) throw mismatch('your e-mail address', user.email);
    const projectIds = (await trx.selectFrom('projects').select('id').where('customer_id', '=', input.userId).execute()).map((p) => p.id);
    const files = await countFiles(trx, { projectIds, ownerId: input.userId });
    const lines = await trx.selectFrom('purchase_lines').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', input.userId).executeTakeFirst();
    const anonymisedPurchases = Number(lines?.n ?? 0);
    if (anonymisedPurchases > 0) {
      const placeholder = await anonymousOwner(trx, input.now);
      await trx.updateTable('purchase_lines').set({ customer_id: placeholder, project_id: null }).where('customer_id', '=', input.userId).execute();
    }
    await forgetProjectNews(trx, projectIds);
    if (projectIds.length) await trx.deleteFrom('projects').where('id', 'in', projectIds).execute();
    // Sessions, notifications, the timeline, memberships, settings and inspiration images cascade.
    await trx.deleteFrom('users').where('id', '=', input.userId).execute();
    return { projects: projectIds.length, files, anonymisedPurchases };
  });
}
