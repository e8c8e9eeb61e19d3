import * as api from '../../core/api/intake.ts';
import { firstName, isStage } from '../../core/intake/index.ts';
import { implement } from '../http/context.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addTimelineEvents } from '../notify/timeline.ts';
import { customerCurrency, keptPiecesOf, profileRow, styleProfileOf, toKeptPiece, upsertProfile } from '../intake/profiles.ts';
import { recordStageChange, changeStage, progressOf, trackerOf } from '../intake/stages.ts';
import { startCustomerProject } from '../intake/start-project.ts';
import { registerStyleProfiles } from '../intake/style-source.ts';
import { summaries } from './projects.ts';

// Search and alternatives rank by the customer's style profile from here on.
registerStyleProfiles();

async function summaryOf(db: Parameters<typeof summaries>[0], projectId: string) {
  const [project] = await summaries(db, [projectId]);
  if (!project) throw notFound('Project');
  return project;
}

export const intakeRoutes = [
  implement(api.getIntakeKnown, async ({ user, services }) => {
    const db = services.db;
    const { currency, fixed } = await customerCurrency(db, user.id, user.preferences.locale);
    const profile = await profileRow(db, user.id);
    const last = await db
      .selectFrom('projects')
      .select(['budget_minor', 'budget_currency'])
      .where('customer_id', '=', user.id)
      .where('budget_minor', 'is not', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const count = await db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', user.id).executeTakeFirst();
    return {
      currency,
      currencyFixed: fixed,
      address: profile?.address ?? null,
      keptPieces: await keptPiecesOf(db, user.id),
      styleProfile: await styleProfileOf(db, user.id),
      projectCount: Number(count?.n ?? 0),
      lastBudget: last && last.budget_minor !== null && last.budget_currency ? { amountMinor: last.budget_minor, currency: last.budget_currency } : null,
    };
  }),

  implement(api.startProject, async ({ user, body, services }) => {
    const projectId = await startCustomerProject(services.db, user, body);
    return { project: await summaryOf(services.db, projectId) };
  }),

  implement(api.getMyStyleProfile, async ({ user, services }) => ({ profile: await styleProfileOf(services.db, user.id) })),

  implement(api.saveMyStyleProfile, async ({ user, body, services }) => {
    if (user.role !== 'customer') throw new HttpError(403, 'forbidden', 'Only a customer has a style profile');
    const now = new Date().toISOString();
    await services.db.transaction().execute(async (trx) => {
      const { currency } = await customerCurrency(trx, user.id, user.preferences.locale);
      await upsertProfile(trx, user.id, { currency, styleAnswers: body }, now);
      // Projects that waited only for the style profile move on to photos.
      const waiting = await trx.selectFrom('projects').innerJoin('project_intake', 'project_intake.project_id', 'projects.id').select('projects.id').where('projects.customer_id', '=', user.id).where('projects.stage', '=', 'intake').execute();
      for (const project of waiting) await recordStageChange(trx, { projectId: project.id, to: 'photos', actor: user, at: now });
    });
    const profile = await styleProfileOf(services.db, user.id);
    if (!profile) throw new Error('the style profile just saved cannot be read back');
    return { profile };
  }),

  implement(api.getProjectStyleProfile, async ({ params, services }) => {
    const db = services.db;
    const project = await db
      .selectFrom('projects')
      .leftJoin('users', 'users.id', 'projects.customer_id')
      .leftJoin('project_intake', 'project_intake.project_id', 'projects.id')
      .select(['projects.id', 'projects.customer_id', 'users.name as customer_name', 'projects.budget_minor', 'projects.budget_currency', 'project_intake.target_date', 'project_intake.address'])
      .where('projects.id', '=', params.projectId)
      .executeTakeFirst();
    if (!project) throw notFound('Project');
    const rooms = await db
      .selectFrom('intake_rooms')
      .innerJoin('rooms', 'rooms.id', 'intake_rooms.room_id')
      .select(['rooms.id', 'rooms.name', 'intake_rooms.kind', 'intake_rooms.purpose'])
      .where('intake_rooms.project_id', '=', project.id)
      .orderBy('rooms.created_at')
      .execute();
    const pieces = rooms.length
      ? await db.selectFrom('room_kept_pieces').innerJoin('kept_pieces', 'kept_pieces.id', 'room_kept_pieces.piece_id').selectAll('kept_pieces').select('room_kept_pieces.room_id').where('room_kept_pieces.room_id', 'in', rooms.map((r) => r.id)).execute()
      : [];
    return {
      customer: project.customer_id && project.customer_name ? { userId: project.customer_id, name: project.customer_name } : null,
      profile: project.customer_id ? await styleProfileOf(db, project.customer_id) : null,
      rooms: rooms.map((room) => ({
        roomId: room.id,
        name: room.name,
        kind: api.RoomKindSchema.catch('other').parse(room.kind),
        purpose: room.purpose,
        keptPieces: pieces.filter((piece) => piece.room_id === room.id).map(toKeptPiece),
      })),
      budget: project.budget_minor !== null && project.budget_currency ? { amountMinor: project.budget_minor, currency: project.budget_currency } : null,
      targetDate: project.target_date ?? null,
      address: project.address ?? null,
    };
  }),

  implement(api.getProjectTracker, async ({ params, services }) => ({ tracker: await trackerOf(services.db, params.projectId) })),

  implement(api.changeProjectStage, async ({ params, body, user, services }) => {
    if (!isStage(body.to)) throw new HttpError(400, 'invalid_request', 'body.to: is not a stage');
    const changed = await changeStage(services.db, { projectId: params.projectId, from: body.from, to: body.to, note: body.note || undefined, attachmentId: body.attachmentId, actor: user });
    return { tracker: await trackerOf(services.db, params.projectId), changed };
  }),

  implement(api.listMyProgress, async ({ user, services }) => {
    const mine = await services.db.selectFrom('project_members').select('project_id').where('user_id', '=', user.id).execute();
    return { progress: await progressOf(services.db, mine.map((m) => m.project_id)) };
  }),

  implement(api.listUnassignedProjects, async ({ services }) => {
    const db = services.db;
    const unassigned = await db
      .selectFrom('projects')
      .select('projects.id')
      .where('projects.customer_id', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('project_members').select('project_members.user_id').whereRef('project_members.project_id', '=', 'projects.id').where('project_members.role', '=', 'designer'))))
      .execute();
    const ids = unassigned.map((row) => row.id);
    const projects = await summaries(db, ids);
    const intake = ids.length ? await db.selectFrom('project_intake').select(['project_id', 'target_date']).where('project_id', 'in', ids).execute() : [];
    const rooms = ids.length ? await db.selectFrom('intake_rooms').innerJoin('rooms', 'rooms.id', 'intake_rooms.room_id').select(['intake_rooms.project_id', 'rooms.name', 'intake_rooms.kind']).where('intake_rooms.project_id', 'in', ids).orderBy('rooms.created_at').execute() : [];
    return {
      projects: projects.map((project) => ({
        ...project,
        targetDate: intake.find((row) => row.project_id === project.id)?.target_date ?? null,
        rooms: rooms.filter((room) => room.project_id === project.id).map((room) => ({ name: room.name, kind: api.RoomKindSchema.catch('other').parse(room.kind) })),
      })),
    };
  }),

  implement(api.takeProject, async ({ params, user, services }) => {
    const now = new Date().toISOString();
    await services.db.transaction().execute(async (trx) => {
      const project = await trx.selectFrom('projects').select(['id', 'customer_id', 'name']).where('id', '=', params.projectId).executeTakeFirst();
      if (!project) throw notFound('Project');
      const designers = await trx.selectFrom('project_members').select('user_id').where('project_id', '=', project.id).where('role', '=', 'designer').execute();
      if (designers.some((d) => d.user_id === user.id)) return;
      if (designers.length > 0) throw new HttpError(409, 'already_taken', 'Another designer has already taken this project.');
      await trx.insertInto('project_members').values({ project_id: project.id, user_id: user.id, role: 'designer', added_at: now }).execute();
      await trx.updateTable('projects').set({ updated_at: now }).where('id', '=', project.id).execute();
      if (project.customer_id) {
        await addTimelineEvents(trx, [{ projectId: project.id, subjectUserId: project.customer_id, actorName: user.name, kind: 'project.designer', text: `${firstName(user.name)} is your designer for “${project.name}”.`, at: now }]);
      }
    });
    return { project: await summaryOf(services.db, params.projectId) };
  }),
];
