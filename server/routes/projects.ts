import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import * as api from '../../core/api/foundation.ts';
import type { ProjectSummarySchema, RoomSchema } from '../../core/api/schemas.ts';
import { PlacedItemSchema, RoomShapeSchema } from '../../core/api/schemas.ts';
import { migrateOptionSnapshot } from '../../core/options/snapshot.ts';
import type { Role } from '../../core/permissions.ts';
import type { Database } from '../db/schema.ts';
import { implement } from '../http/context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { productsByIds } from '../catalog/products.ts';

type ProjectSummary = z.infer<typeof ProjectSummarySchema>;
type Room = z.infer<typeof RoomSchema>;

export async function summaries(db: Kysely<Database>, projectIds: readonly string[] | 'all'): Promise<ProjectSummary[]> {
  let query = db.selectFrom('projects').selectAll().orderBy('updated_at', 'desc');
  if (projectIds !== 'all') {
    if (projectIds.length === 0) return [];
    query = query.where('id', 'in', projectIds);
  }
  const projects = await query.execute();
  if (projects.length === 0) return [];
  const ids = projects.map((p) => p.id);
  const members = await db
    .selectFrom('project_members')
    .innerJoin('users', 'users.id', 'project_members.user_id')
    .select(['project_members.project_id', 'users.id', 'users.name', 'users.role'])
    .where('project_members.project_id', 'in', ids)
    .orderBy('project_members.added_at')
    .execute();
  const roomCounts = await db
    .selectFrom('rooms')
    .select(['project_id', db.fn.countAll<number>().as('count')])
    .where('project_id', 'in', ids)
    .groupBy('project_id')
    .execute();
  return projects.map((project) => {
    const mine = members.filter((m) => m.project_id === project.id);
    const customer = mine.find((m) => m.id === project.customer_id);
    return {
      id: project.id,
      name: project.name,
      stage: project.stage as ProjectSummary['stage'],
      customer: customer ? { userId: customer.id, name: customer.name, role: customer.role as Role } : null,
      designers: mine.filter((m) => m.role === 'designer').map((m) => ({ userId: m.id, name: m.name, role: 'designer' as const })),
      roomCount: Number(roomCounts.find((r) => r.project_id === project.id)?.count ?? 0),
      budget: project.budget_minor !== null && project.budget_currency ? { amountMinor: project.budget_minor, currency: project.budget_currency } : null,
      updatedAt: project.updated_at,
    };
  });
}

export function toRoom(row: { id: string; project_id: string; name: string; shape: string; updated_at: string }): Room {
  const shape = RoomShapeSchema.parse(JSON.parse(row.shape));
  return { ...shape, id: row.id, projectId: row.project_id, name: row.name, updatedAt: row.updated_at };
}

export const projectRoutes = [
  implement(api.listProjects, async ({ user, services }) => {
    if (user.role === 'support' || user.role === 'admin') return { projects: await summaries(services.db, 'all') };
    const mine = await services.db.selectFrom('project_members').select('project_id').where('user_id', '=', user.id).execute();
    return { projects: await summaries(services.db, mine.map((m) => m.project_id)) };
  }),

  implement(api.createProject, async ({ user, body, services }) => {
    const customerId = user.role === 'customer' ? user.id : body.customerId;
    const now = new Date().toISOString();
    const id = randomUUID();
    await services.db.transaction().execute(async (trx) => {
      if (customerId) {
        const customer = await trx.selectFrom('users').select(['id', 'role']).where('id', '=', customerId).executeTakeFirst();
        if (!customer || customer.role !== 'customer') throw new HttpError(400, 'invalid_request', 'body.customerId: is not a customer of this studio', { issues: [{ path: 'body.customerId', message: 'is not a customer of this studio' }] });
      }
      await trx
        .insertInto('projects')
        .values({ id, name: body.name, stage: 'intake', customer_id: customerId ?? null, budget_minor: body.budget?.amountMinor ?? null, budget_currency: body.budget?.currency ?? null, created_at: now, updated_at: now })
        .execute();
      const members = [{ project_id: id, user_id: user.id, role: user.role === 'admin' ? 'designer' : user.role, added_at: now }];
      if (customerId && customerId !== user.id) members.push({ project_id: id, user_id: customerId, role: 'customer', added_at: now });
      await trx.insertInto('project_members').values(members).execute();
    });
    const [project] = await summaries(services.db, [id]);
    if (!project) throw notFound('Project');
    return { project };
  }),

  implement(api.getProject, async ({ params, services }) => {
    const [summary] = await summaries(services.db, [params.projectId]);
    if (!summary) throw notFound('Project');
    const rooms = await services.db.selectFrom('rooms').selectAll().where('project_id', '=', params.projectId).orderBy('created_at').execute();
    const options = rooms.length
      ? await services.db.selectFrom('design_options').selectAll().where('room_id', 'in', rooms.map((r) => r.id)).orderBy('created_at').execute()
      : [];
    return {
      project: {
        ...summary,
        rooms: rooms.map(toRoom),
        options: options.map((o) => ({
          id: o.id,
          roomId: o.room_id,
          name: o.name,
          updatedAt: o.updated_at,
          itemCount: (JSON.parse(o.document) as { items?: unknown[] }).items?.length ?? 0, // every snapshot version keeps items in `items`
        })),
      },
    };
  }),

  implement(api.getRoom, async ({ params, services }) => {
    const row = await services.db.selectFrom('rooms').selectAll().where('id', '=', params.roomId).executeTakeFirst();
    if (!row) throw notFound('Room');
    return { room: toRoom(row) };
  }),

  implement(api.getOption, async ({ params, services }) => {
    const row = await services.db.selectFrom('design_options').selectAll().where('id', '=', params.optionId).executeTakeFirst();
    if (!row) throw notFound('Design option');
    const migrated = migrateOptionSnapshot(JSON.parse(row.document));
    if (!migrated.ok) throw new HttpError(409, migrated.reason === 'newer-version' ? 'newer_version' : 'invalid_document', migrated.message);
    const items = PlacedItemSchema.array().parse(migrated.snapshot.items);
    const productIds = [...new Set(items.map((i) => i.productId).filter((id): id is string => id !== null))];
    return {
      option: { id: row.id, roomId: row.room_id, name: row.name, items, updatedAt: row.updated_at },
      products: await productsByIds(services.db, productIds),
    };
  }),
];
