/**
 * One claim on one screen: the desk's view of the claim, its evidence (line, product, policy,
 * price history), the customer's story (their project's timeline, or theirs when the purchase
 * has no project), what they were told about this claim, and the claim's audit history.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toNotification } from '../notify/notifications.ts';
import { listTimeline } from '../notify/timeline.ts';
import { evidenceOf } from '../watch/views.ts';
import { auditOf } from './audit.ts';
import { deskClaimById } from './claims.ts';

export async function deskClaimDetail(db: Kysely<Database>, claimId: string, canAct: boolean, now = new Date().toISOString()) {
  const claim = await deskClaimById(db, claimId, now);
  const evidence = await evidenceOf(db, claimId, now);
  if (!claim || !evidence) return null;
  const timeline = await listTimeline(db, claim.line.projectId ? { projectId: claim.line.projectId } : { subjectUserId: claim.customer.id }, 100);
  const messageRows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', claim.customer.id)
    .where('data', 'like', `%${claimId}%`)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const audit = await auditOf(db, 'claim', claimId);
  return {
    claim,
    evidence,
    timeline: timeline.map((e) => ({ id: e.id, kind: e.kind, text: e.text, actorName: e.actorName, at: e.at })),
    messages: messageRows.map(toNotification),
    audit: audit.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, before: e.before, after: e.after })),
    canAct,
  };
}
