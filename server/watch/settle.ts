/**
 * Evaluate watches with the core rules and write what changed — exactly once, however many
 * sweeps and imports run at the same time.
 *
 * Every write is guarded, never "read, decide, overwrite":
 *   - a new claim is inserted with ON CONFLICT DO NOTHING: UNIQUE(line_id, sequence) and the
 *     one-detected-claim-per-line index make a second writer's insert a no-op;
 *   - a grown claim is updated only if its version and status are still the ones we read;
 *   - a watch is closed only if it is still open.
 * A line whose guard failed is re-read and re-evaluated (the rules are idempotent, so a line a
 * concurrent writer already settled simply has nothing left to do). The claim and its news are
 * written in one transaction, so a crash leaves both or neither: the notification and timeline
 * event themselves, or (a feed batch, `news: 'queue'`) the outbox row they are delivered from
 * (news.ts).
 */
import { sql, type Insertable, type Transaction } from 'kysely';
import { money } from '../../core/money.ts';
import { claimedTotalMinor, evaluateWatches, watchCloseReason, windowFor, type Claim, type LineWatchState, type TimelineLookup, type WatchCloseReason, type WatchEvaluation } from '../../core/watch/index.ts';
import { timeOrderedId } from '../db/ids.ts';
import type { ClaimsTable, Database } from '../db/schema.ts';
import { STUDIO_ACTOR, type NewTimelineEvent } from '../notify/timeline.ts';
import { labelKeyOf, labelsOf, storedWatchesByLineIds } from './load.ts';
import { watchClosedText, type LineLabel } from './messages.ts';
import { queueClaimNews, writeClaimNews, type ClaimNews } from './news.ts';
import { chunks, type Db, type RetailerPolicies, type StoredWatch } from './rows.ts';

export type WriteRunner = <T>(work: (trx: Transaction<Database>) => Promise<T>) => Promise<T>;

export interface SettleOptions {
  readonly timelines: TimelineLookup;
  readonly policies: RetailerPolicies;
  /** Wall-clock instant written on new rows. */
  readonly now: string;
  /** Sweeps: close the watches the rules say are done as of this instant. */
  readonly closeAsOf?: string;
  /** Runs the writes: in a transaction of their own (sweeps) or in the caller's (imports). */
  readonly write: WriteRunner;
  /** How claims' news reach the customer: written now (default), or queued in the outbox for delivery after the commit. */
  readonly news?: 'now' | 'queue';
}

export interface SettleCounts {
  claimsOpened: number;
  claimsGrown: number;
  watchesClosed: number;
  /** Observations the rules could not count for a line (e.g. a currency the line was not paid in). */
  observationErrors: number;
  /** Lines re-read because another writer changed them first. */
  retried: number;
}

export function emptyCounts(): SettleCounts {
  return { claimsOpened: 0, claimsGrown: 0, watchesClosed: 0, observationErrors: 0, retried: 0 };
}

export function addCounts(total: SettleCounts, part: SettleCounts): void {
  total.claimsOpened += part.claimsOpened;
  total.claimsGrown += part.claimsGrown;
  total.watchesClosed += part.watchesClosed;
  total.observationErrors += part.observationErrors;
  total.retried += part.retried;
}

interface Closing {
  readonly stored: StoredWatch;
  readonly reason: WatchCloseReason;
  readonly state: LineWatchState;
}

interface Plan {
  readonly changed: readonly { readonly stored: StoredWatch; readonly evaluation: WatchEvaluation }[];
  readonly closing: readonly Closing[];
}

const MAX_ATTEMPTS = 6;

export async function settle(db: Db, watches: readonly StoredWatch[], options: SettleOptions): Promise<SettleCounts> {
  const counts = emptyCounts();
  let pending = watches;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const plan = planFor(pending, options, counts);
    if (plan.changed.length === 0 && plan.closing.length === 0) break;
    if (attempt > MAX_ATTEMPTS) throw new Error(`Claims on ${pending.length} line(s) kept changing under us; giving up after ${MAX_ATTEMPTS} attempts`);
    const queue = options.news === 'queue';
    // Queued news is labelled on delivery; closings are told now.
    const labelled = queue ? plan.closing.map((c) => c.stored) : [...plan.changed.map((c) => c.stored), ...plan.closing.map((c) => c.stored)];
    const labels = labelled.length === 0 ? new Map<string, LineLabel>() : await labelsOf(db, labelled.map(labelKeyOf), options.policies);
    const written = await options.write((trx) => writePlan(trx, plan, labels, options.now, queue));
    counts.claimsOpened += written.claimsOpened;
    counts.claimsGrown += written.claimsGrown;
    counts.watchesClosed += written.watchesClosed;
    const conflicts = written.conflicts;
    if (conflicts.length === 0) break;
    counts.retried += conflicts.length;
    pending = await storedWatchesByLineIds(db, conflicts, options.policies);
  }
  return counts;
}

function planFor(pending: readonly StoredWatch[], options: SettleOptions, counts: SettleCounts): Plan {
  const byLine = new Map<string, StoredWatch>();
  for (const stored of pending) byLine.set(stored.watch.line.id, stored);
  const changed: { stored: StoredWatch; evaluation: WatchEvaluation }[] = [];
  const stateAfter = new Map<string, LineWatchState>();
  for (const evaluation of evaluateWatches(pending.map((stored) => stored.watch), options.timelines)) {
    counts.observationErrors += evaluation.errors.length;
    if (evaluation.changes.length === 0) continue;
    changed.push({ stored: byLine.get(evaluation.watch.line.id)!, evaluation });
    stateAfter.set(evaluation.watch.line.id, evaluation.state);
  }
  const closing: Closing[] = [];
  const asOf = options.closeAsOf;
  if (asOf !== undefined) {
    for (const stored of pending) {
      const { line, policy } = stored.watch;
      const state = stateAfter.get(line.id) ?? stored.watch.state;
      // The stored window says it is still open, and nothing else can close it: no need to ask.
      if (stored.windowEnd !== undefined && state.claims.length === 0 && !line.finalSale && (stored.windowEnd === null || stored.windowEnd > asOf)) continue;
      const reason = watchCloseReason(line, policy, asOf, state);
      if (reason) closing.push({ stored, reason, state });
    }
  }
  return { changed, closing };
}

function claimRow(stored: StoredWatch, claim: Claim, now: string): Insertable<ClaimsTable> {
  return {
    id: timeOrderedId(),
    line_id: stored.watch.line.id,
    product_id: stored.watch.line.productId,
    sequence: claim.sequence,
    status: claim.status,
    reference_unit_minor: claim.referenceUnitPrice.amountMinor,
    amount_minor: claim.amount.amountMinor,
    currency: claim.amount.currency,
    evidence_observation_id: Number(claim.evidence.observationId),
    evidence_unit_minor: claim.evidence.unitPrice.amountMinor,
    evidence_observed_at: claim.evidence.observedAt,
    first_drop_at: claim.firstDropAt,
    version: 1,
    created_at: now,
    updated_at: now,
  };
}

interface Written {
  readonly conflicts: string[];
  readonly claimsOpened: number;
  readonly claimsGrown: number;
  readonly watchesClosed: number;
}

/** Writes one plan; returns what it did, counted only by the caller once the transaction commits. */
async function writePlan(trx: Transaction<Database>, plan: Plan, labels: ReadonlyMap<string, LineLabel>, now: string, queue: boolean): Promise<Written> {
  const counts = { claimsOpened: 0, claimsGrown: 0, watchesClosed: 0 };
  const conflicts = new Set<string>();
  const news: ClaimNews[] = [];
  const events: NewTimelineEvent[] = [];
  const announce = (stored: StoredWatch, claimId: string, claim: Claim, before: Claim | null) => {
    news.push({ ...labelKeyOf(stored), claimId, quantity: stored.watch.line.quantity, claim, before, at: now });
  };

  const opened = plan.changed.flatMap(({ stored, evaluation }) => evaluation.changes.flatMap((change) => (change.kind === 'opened' ? [{ stored, claim: change.claim, row: claimRow(stored, change.claim, now) }] : [])));
  for (const part of chunks(opened, 200)) {
    const inserted = await trx
      .insertInto('claims')
      .values(part.map((o) => o.row))
      .onConflict((oc) => oc.doNothing())
      .returning('line_id')
      .execute();
    const landed = new Set(inserted.map((row) => row.line_id));
    for (const o of part) {
      if (!landed.has(o.row.line_id)) conflicts.add(o.row.line_id);
      else {
        counts.claimsOpened++;
        announce(o.stored, o.row.id, o.claim, null);
      }
    }
  }

  const grown = plan.changed.flatMap(({ stored, evaluation }) =>
    evaluation.changes.flatMap((change) => {
      if (change.kind !== 'updated') return [];
      const row = stored.claimRows.get(change.before.sequence);
      if (!row) conflicts.add(stored.watch.line.id);
      return row ? [{ stored, row, before: change.before, after: change.after }] : [];
    }),
  );
  for (const part of chunks(grown, 200)) {
    const updated = new Set(await growClaims(trx, part, now));
    for (const g of part) {
      if (!updated.has(g.row.id)) {
        conflicts.add(g.stored.watch.line.id);
        continue;
      }
      counts.claimsGrown++;
      // A grow that only moved the first-drop date earlier is not news for the customer.
      if (g.after.amount.amountMinor !== g.before.amount.amountMinor) announce(g.stored, g.row.id, g.after, g.before);
    }
  }

  const byReason = new Map<WatchCloseReason, Closing[]>();
  for (const closing of plan.closing) {
    if (conflicts.has(closing.stored.watch.line.id)) continue;
    let list = byReason.get(closing.reason);
    if (!list) byReason.set(closing.reason, (list = []));
    list.push(closing);
  }
  for (const [reason, list] of byReason) {
    for (const part of chunks(list, 400)) {
      const closed = await trx
        .updateTable('watches')
        .set({ status: 'closed', closed_reason: reason, closed_at: now })
        .where('status', '=', sql.lit('open'))
        // By the full key, so SQLite finds each row by its primary key.
        .where(sql<boolean>`(product_id, line_id) in (values ${sql.join(part.map((c) => sql`(${c.stored.watch.line.productId}, ${c.stored.watch.line.id})`))})`)
        .returning('line_id')
        .execute();
      const done = new Set(closed.map((row) => row.line_id));
      counts.watchesClosed += done.size;
      for (const { stored, state } of part) {
        if (!done.has(stored.watch.line.id)) continue;
        const { line, policy } = stored.watch;
        const label = labels.get(line.id);
        if (!label) continue;
        const claimed = money(claimedTotalMinor(state), line.unitPricePaid.currency);
        events.push({ projectId: label.projectId, subjectUserId: label.customerId, actorName: STUDIO_ACTOR, kind: 'watch.closed', text: watchClosedText(label, reason, windowFor(line, policy), claimed), at: now });
      }
    }
  }

  await writeClaimNews(trx, queue ? [] : news, labels, events, now);
  if (queue) await queueClaimNews(trx, news, now);
  return { conflicts: [...conflicts], ...counts };
}

/**
 * Grows claims in one statement, each only if its version and status are still those we read
 * (UPDATE … FROM a VALUES list, which both engines speak). Returns the ids it changed.
 */
async function growClaims(trx: Transaction<Database>, grows: readonly { row: { id: string; version: number }; after: Claim }[], now: string): Promise<string[]> {
  if (grows.length === 0) return [];
  const values = sql.join(
    grows.map(
      ({ row, after }) =>
        sql`(cast(${row.id} as text), cast(${row.version} as integer), cast(${after.amount.amountMinor} as integer), cast(${Number(after.evidence.observationId)} as bigint), cast(${after.evidence.unitPrice.amountMinor} as integer), cast(${after.evidence.observedAt} as text), cast(${after.firstDropAt} as text))`,
    ),
  );
  const { rows } = await sql<{ id: string }>`
    with grown (id, version, amount_minor, evidence_observation_id, evidence_unit_minor, evidence_observed_at, first_drop_at) as (values ${values})
    update claims set
      amount_minor = grown.amount_minor,
      evidence_observation_id = grown.evidence_observation_id,
      evidence_unit_minor = grown.evidence_unit_minor,
      evidence_observed_at = grown.evidence_observed_at,
      first_drop_at = grown.first_drop_at,
      version = claims.version + 1,
      updated_at = ${now}
    from grown
    where claims.id = grown.id and claims.version = grown.version and claims.status = 'detected'
    returning claims.id`.execute(trx);
  return rows.map((row) => row.id);
}
