/**
 * Timeline events: the plain sentences that tell a customer's story ("Price protection on the
 * Alba sofa ended on 17 March"). Attached to a project when the event belongs to one, and always
 * to the person it is about, so a purchase outside any project still has its story.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { timeOrderedId } from '../db/ids.ts';
import type { Database, TimelineEventsTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Who speaks for automatic events. A named person acts under their own name. */
export const STUDIO_ACTOR = 'Atelier';

export interface NewTimelineEvent {
  readonly projectId: string | null;
  readonly subjectUserId: string;
  readonly actorName: string;
  /** A stable name: `watch.started`, `claim.detected`, `watch.closed`, … */
  readonly kind: string;
  readonly text: string;
  readonly at: string;
}

export interface TimelineEvent extends NewTimelineEvent {
  readonly id: string;
}

export function timelineRow(event: NewTimelineEvent): Insertable<TimelineEventsTable> {
  return { id: timeOrderedId(), project_id: event.projectId, subject_user_id: event.subjectUserId, actor_name: event.actorName, kind: event.kind, text: event.text, at: event.at };
}

const INSERT_CHUNK = 500;

export async function addTimelineEvents(db: Db, events: readonly NewTimelineEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    await db.insertInto('timeline_events').values(events.slice(i, i + INSERT_CHUNK).map(timelineRow)).execute();
  }
}

/** A project's events, or a person's (their own story across projects), newest first. */
export async function listTimeline(db: Db, about: { projectId: string } | { subjectUserId: string }, limit = 100): Promise<TimelineEvent[]> {
  let query = db.selectFrom('timeline_events').selectAll();
  query = 'projectId' in about ? query.where('project_id', '=', about.projectId) : query.where('subject_user_id', '=', about.subjectUserId);
  const rows = await query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, projectId: row.project_id, subjectUserId: row.subject_user_id, actorName: row.actor_name, kind: row.kind, text: row.text, at: row.at }));
}
