/**
 * The stage tracker: the stages a project goes through, who each one waits on, typical
 * durations, and a simple schedule — the date each stage is expected to begin — from when the
 * current stage began and the customer's target date. Dates are UTC calendar days
 * ("2026-12-03"); time is passed in, never read.
 */
export const STAGES = ['intake', 'photos', 'designing', 'options_ready', 'revisions', 'approved', 'ordering', 'delivered', 'protected'] as const;
export type Stage = (typeof STAGES)[number];

/** Who the project waits on while it is in a stage. */
export type Party = 'customer' | 'designer' | 'studio';

export const WAITING_ON: Readonly<Record<Stage, Party>> = {
  intake: 'customer',
  photos: 'customer',
  designing: 'designer',
  options_ready: 'customer',
  revisions: 'designer',
  approved: 'customer',
  ordering: 'studio',
  delivered: 'studio',
  protected: 'studio',
};

/** Typical days a stage lasts; `protected` runs for the retailers' windows and has no end here. */
export const TYPICAL_DAYS: Readonly<Record<Stage, number>> = {
  intake: 2,
  photos: 3,
  designing: 10,
  options_ready: 5,
  revisions: 7,
  approved: 3,
  ordering: 21,
  delivered: 2,
  protected: 0,
};

/** A stage compressed to meet a target date never gets less than this. */
export const MINIMUM_DAYS = 1;

export interface StageEntry {
  readonly stage: Stage;
  /** when the project entered it (ISO instant) */
  readonly at: string;
}

export interface ScheduleInput {
  readonly stage: Stage;
  /** every change of stage so far, oldest first; the last one for `stage` says when it began */
  readonly history: readonly StageEntry[];
  /** when the current stage began if history does not say (the project's creation) */
  readonly fallbackStart: string;
  /** the day the customer wants the room done (pieces delivered), "YYYY-MM-DD" */
  readonly targetDate: string | null;
  readonly now: string;
}

export interface ScheduledStage {
  readonly stage: Stage;
  readonly status: 'done' | 'current' | 'upcoming';
  /** the day it began (done, current) or is expected to begin (upcoming) */
  readonly date: string;
  readonly waitingOn: Party;
}

export interface Schedule {
  readonly stages: readonly ScheduledStage[];
  /** the next stage and the day it is expected, null once protected */
  readonly next: { readonly stage: Stage; readonly date: string } | null;
  readonly waitingOn: Party;
  /** false when even compressed the delivery lands after the target date */
  readonly onTrack: boolean;
  /** the expected delivery day */
  readonly deliveryDate: string;
}

const DAY_MS = 86_400_000;

export function dayOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/**
 * The stages with their dates. Done stages keep the day they began; the current one its start;
 * later ones follow at typical durations from the later of today and the current stage's typical
 * end. When that puts delivery after the target date, the stages still ahead are shortened in
 * proportion (never under MINIMUM_DAYS) to meet it; `onTrack` says whether they could.
 */
export function scheduleStages(input: ScheduleInput): Schedule {
  const current = stageIndex(input.stage);
  const startOf = new Map<Stage, string>();
  for (const entry of input.history) startOf.set(entry.stage, dayOf(entry.at));
  const currentStart = dayNumber(startOf.get(input.stage) ?? dayOf(input.fallbackStart));
  const today = dayNumber(dayOf(input.now));
  const deliveredIndex = stageIndex('delivered');

  // Days each stage ahead of the current one lasts; the first of them starts at `firstNext`.
  const ahead = STAGES.slice(current + 1);
  let durations = ahead.map((stage) => TYPICAL_DAYS[stage]);
  const firstNext = Math.max(today, currentStart + TYPICAL_DAYS[input.stage]);
  /** how many stages ahead come before delivery (their durations decide its date) */
  const beforeDelivery = Math.max(0, deliveredIndex - current - 1);
  const toDelivery = (list: readonly number[]) => list.slice(0, beforeDelivery).reduce((sum, days) => sum + days, 0);
  let onTrack = true;
  if (input.targetDate && current < deliveredIndex) {
    const target = dayNumber(input.targetDate);
    const needed = toDelivery(durations);
    if (firstNext + needed > target) {
      const factor = needed > 0 ? Math.max(0, target - firstNext) / needed : 0;
      durations = durations.map((days, i) => (i < beforeDelivery ? Math.max(MINIMUM_DAYS, Math.floor(days * factor)) : days));
      onTrack = firstNext + toDelivery(durations) <= target;
    }
  }

  const stages: ScheduledStage[] = [];
  let cursor = firstNext;
  STAGES.forEach((stage, index) => {
    if (index < current) {
      stages.push({ stage, status: 'done', date: startOf.get(stage) ?? dayString(currentStart), waitingOn: WAITING_ON[stage] });
    } else if (index === current) {
      stages.push({ stage, status: 'current', date: dayString(currentStart), waitingOn: WAITING_ON[stage] });
    } else {
      stages.push({ stage, status: 'upcoming', date: dayString(cursor), waitingOn: WAITING_ON[stage] });
      cursor += durations[index - current - 1] as number;
    }
  });
  const nextStage = stages[current + 1];
  const delivered = stages[deliveredIndex] as ScheduledStage;
  return {
    stages,
    next: nextStage ? { stage: nextStage.stage, date: nextStage.date } : null,
    waitingOn: WAITING_ON[input.stage],
    onTrack,
    deliveryDate: delivered.date,
  };
}
