/**
 * [Intake] The stage tracker. `recordStageChange` is the one place a project's stage changes
 * with a story: it updates `projects.stage`, appends to `project_stages` and posts the timeline
 * sentence naming who did it — all in the caller's transaction. `trackerOf` and `progressOf`
 * read the schedule (core/intake/schedule.ts) for a project.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { ProgressSchema, TrackerSchema } from '../../core/api/intake.ts';
import { isStage, scheduleStages, stageChangeText, type Schedule, type Stage } from '../../core/intake/index.ts';
import { timeOrderedId } from '../db/ids.ts';
import type { Database } from '../db/schema.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addNotifications } from '../notify/notifications.ts';
import { listTimeline, STUDIO_ACTOR, timelineRow } from '../notify/timeline.ts';

type Db = Kysely<Database> | Transaction<Database>;
export type Tracker = z.infer<typeof TrackerSchema>;
export type Progress = z.infer<typeof ProgressSchema>;

export interface StageChange {
  readonly projectId: string;
  readonly to: Stage;
  readonly actor: { readonly id: string | null; readonly name: string };
  readonly note?: string | undefined;
  readonly attachmentId?: string | undefined;
  /** a sentence of the caller's instead of the standard one */
  readonly text?: string;
  readonly at: string;
}

interface ProjectFacts {
  readonly id: string;
  readonly name: string;
  readonly stage: Stage;
  readonly customerId: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly targetDate: string | null;
}

async function projectFacts(db: Db, projectId: string): Promise<ProjectFacts> {
  const row = await db
    .selectFrom('projects')
    .leftJoin('project_intake', 'project_intake.project_id', 'projects.id')
    .select(['projects.id', 'projects.name', 'projects.stage', 'projects.customer_id', 'projects.created_at', 'projects.updated_at', 'project_intake.target_date'])
    .where('projects.id', '=', projectId)
    .executeTakeFirst();
  if (!row) throw notFound('Project');
  return { id: row.id, name: row.name, stage: isStage(row.stage) ? row.stage : 'intake', customerId: row.customer_id, createdAt: row.created_at, updatedAt: row.updated_at, targetDate: row.target_date ?? null };
}

async function scheduleFor(db: Db, facts: ProjectFacts, now: string): Promise<{ schedule: Schedule; history: { stage: Stage; at: string; actorName: string; note: string | null; attachmentId: string | null; eventId: string | null }[] }> {
  const rows = await db.selectFrom('project_stages').selectAll().where('project_id', '=', facts.id).orderBy('id').execute();
  const history = rows.filter((row) => isStage(row.stage)).map((row) => ({ stage: row.stage as Stage, at: row.entered_at, actorName: row.actor_name, note: row.note, attachmentId: row.attachment_id, eventId: row.event_id }));
  // A stage set elsewhere without a story (publishing, approving) began, at the latest, at the project's last change.
  const fallbackStart = history.length === 0 ? facts.createdAt : facts.updatedAt;
  const schedule = scheduleStages({ stage: facts.stage, history: history.at(-1)?.stage === facts.stage ? history : history.filter((h) => h.stage !== facts.stage), fallbackStart, targetDate: facts.targetDate, now });
  return { schedule, history };
}

/**
 * Moves the project to `to` and tells the customer who did it and what comes next. Returns false
 * (and writes nothing) when the project is already there.
 */
export async function recordStageChange(trx: Db, change: StageChange): Promise<boolean> {
  const facts = await projectFacts(trx, change.projectId);
  const hasHistory = (await trx.selectFrom('project_stages').select('id').where('project_id', '=', facts.id).executeTakeFirst()) !== undefined;
  if (facts.stage === change.to && hasHistory) return false;
  // A project made before the tracker starts its history with the stage it was in.
  if (!hasHistory && facts.stage !== change.to) {
    await trx.insertInto('project_stages').values({ project_id: facts.id, stage: facts.stage, entered_at: facts.createdAt, actor_id: null, actor_name: STUDIO_ACTOR, note: null, attachment_id: null, event_id: null }).execute();
  }
  await trx.updateTable('projects').set({ stage: change.to, updated_at: change.at }).where('id', '=', facts.id).execute();
  const eventId = timeOrderedId();
  await trx
    .insertInto('project_stages')
    .values({ project_id: facts.id, stage: change.to, entered_at: change.at, actor_id: change.actor.id, actor_name: change.actor.name, note: change.note ?? null, attachment_id: change.attachmentId ?? null, event_id: eventId })
    .execute();
  const { schedule } = await scheduleFor(trx, { ...facts, stage: change.to }, change.at);
  const options = await trx
    .selectFrom('design_options')
    .innerJoin('rooms', 'rooms.id', 'design_options.room_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rooms.project_id', '=', facts.id)
    .executeTakeFirst();
  const text = change.text ?? stageChangeText({ to: change.to, actorName: change.actor.name, optionCount: Number(options?.n ?? 0), next: schedule.next });
  const subject = facts.customerId ?? change.actor.id;
  if (subject) {
    await trx.insertInto('timeline_events').values({ ...timelineRow({ projectId: facts.id, subjectUserId: subject, actorName: change.actor.name, kind: `stage.${change.to}`, text, at: change.at }), id: eventId }).execute();
  }
  // The customer hears about what someone else did (by the channel they chose for design news).
  if (facts.customerId && facts.customerId !== change.actor.id) {
    await addNotifications(trx, [{ userId: facts.customerId, kind: `stage.${change.to}`, title: facts.name, body: text, link: `#/projects/${facts.id}`, data: { projectId: facts.id, stage: change.to } }], change.at);
  }
  return true;
}

/** The stage change a caller asked for, guarded by the stage they saw. */
export async function changeStage(db: Kysely<Database>, input: { projectId: string; from: Stage; to: Stage; note?: string | undefined; attachmentId?: string | undefined; actor: { id: string; name: string } }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const facts = await projectFacts(trx, input.projectId);
    if (facts.stage === input.to) return false;
    if (facts.stage !== input.from) {
      throw new HttpError(409, 'stage_changed', `The project moved on to “${facts.stage}” since you looked; reload to see the current stage.`, { current: { stage: facts.stage } });
    }
    if (input.attachmentId !== undefined) {
      const file = await trx.selectFrom('files').select('id').where('id', '=', input.attachmentId).where('project_id', '=', facts.id).where('purpose', '=', 'video-note').executeTakeFirst();
      if (!file) throw new HttpError(400, 'invalid_request', 'Invalid request — body.attachmentId: is not a video note of this project', { issues: [{ path: 'body.attachmentId', message: 'is not a video note of this project' }] });
    }
    return recordStageChange(trx, { projectId: input.projectId, to: input.to, actor: input.actor, note: input.note, attachmentId: input.attachmentId, at: new Date().toISOString() });
  });
}

function progressFrom(facts: ProjectFacts, schedule: Schedule): Progress {
  return { projectId: facts.id, stage: facts.stage, waitingOn: schedule.waitingOn, next: schedule.next, targetDate: facts.targetDate, onTrack: schedule.onTrack, deliveryDate: schedule.deliveryDate };
}

export async function trackerOf(db: Db, projectId: string, now = new Date().toISOString()): Promise<Tracker> {
  const facts = await projectFacts(db, projectId);
  const { schedule, history } = await scheduleFor(db, facts, now);
  const byEvent = new Map(history.filter((h) => h.eventId).map((h) => [h.eventId as string, h]));
  const timeline = await listTimeline(db, { projectId }, 200);
  return {
    ...progressFrom(facts, schedule),
    stages: schedule.stages.map((s) => ({ ...s })),
    history: history.map(({ eventId: _eventId, ...entry }) => entry),
    timeline: timeline.map((event) => ({ id: event.id, kind: event.kind, text: event.text, actorName: event.actorName, at: event.at, note: byEvent.get(event.id)?.note ?? null, attachmentId: byEvent.get(event.id)?.attachmentId ?? null })),
  };
}

export async function progressOf(db: Db, projectIds: readonly string[], now = new Date().toISOString()): Promise<Progress[]> {
  const out: Progress[] = [];
  for (const projectId of projectIds) {
    const facts = await projectFacts(db, projectId);
    out.push(progressFrom(facts, (await scheduleFor(db, facts, now)).schedule));
  }
  return out;
}
