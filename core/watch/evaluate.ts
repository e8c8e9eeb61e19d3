/**
 * The price-watch rule for one purchase line: given the line's stored claims and some price
 * observations of its product, return the new claims and the changes to persist.
 *
 * Why the result does not depend on the order observations arrive in: a claim's amount is
 * decided by the lowest in-window price below its reference, its evidence by the least
 * observation under (price, time, id), and its drop date by the earliest below-reference
 * observation. Minima do not care about order, absorb repeats and combine piecewise, so for a
 * fixed set of claims
 *   - shuffling the observations gives the same result,
 *   - feeding the same observations again changes nothing (a sweep may re-check everything),
 *   - feeding a batch in parts gives the same result as feeding it whole.
 * The retailer's rules read "in observedAt order", and reading them that way gives the same
 * answer as long as nothing is filed in between.
 *
 * Filing is the one step that is not a minimum: support asks the retailer for the amount known
 * at that moment. A lower price observed *before* the filing but arriving *after* it is then:
 *   - under `unlimited`: the opening of the next claim, for the additional difference below the
 *     filed price. The line's total is therefore (price paid − lowest in-window price) × quantity
 *     however the filings fell between the observations;
 *   - under `one`: not claimable — the line's one adjustment has been used
 *     (`explainObservation` says `adjustment-used`, so support can see it and amend by hand).
 *
 * What is never done here: removing or shrinking a claim. If a line's window later moves (a
 * corrected delivery date), claims already made stand; support decides.
 */
import { money, type Money } from '../money.ts';
import { assertValidWatchState, claimedTotalMinor, dropTarget, type Claim, type ClaimChange, type ClaimEvidence, type LineWatchState } from './claims.ts';
import { canonicalIso, instantMs } from './instants.ts';
import { compareByPriceThenTime, firstIndexAtOrAfter, observationProblem, timelineOf, type ObservationProblem, type ObservationTimeline, type PriceObservation, type TimedObservation } from './observations.ts';
import { assertValidLine, assertValidPolicy, isExcludedFromWatch, windowMsFor, type PriceAdjustmentPolicy, type PurchaseLine } from './policy.ts';

/** An observation of the line's product that could not be counted, for the feed's error report. */
export type ObservationError =
  | { readonly kind: 'currency-mismatch'; readonly observationId: string; readonly expected: string; readonly actual: string }
  | { readonly kind: 'invalid-observation'; readonly observationId: string; readonly problem: ObservationProblem };

export interface LineEvaluation {
  /** The line's claims after the observations; the very same object when nothing changed. */
  readonly state: LineWatchState;
  /** At most one: the open claim is opened or grown. Empty when nothing changed. */
  readonly changes: readonly ClaimChange[];
  /** Not state: reported each time the observation is evaluated; a store dedupes by (line, observation). */
  readonly errors: readonly ObservationError[];
}

/**
 * Evaluates one line against its product's timeline (sorted, as `indexObservationsByProduct`
 * or `timelineOf` build it). Only observations inside the line's window are looked at, found by
 * binary search; a currency mismatch among them is reported in `errors` and not counted.
 */
export function evaluateLine(line: PurchaseLine, policy: PriceAdjustmentPolicy, state: LineWatchState, timeline: ObservationTimeline): LineEvaluation {
  assertValidPolicy(policy);
  assertValidLine(line);
  const currency = line.unitPricePaid.currency;
  assertValidWatchState(state, currency);
  const unchanged: LineEvaluation = { state, changes: [], errors: [] };
  if (timeline.productId !== line.productId) return unchanged;
  const window = windowMsFor(line, policy);
  if (!window) return unchanged;

  const target = dropTarget(policy, line.unitPricePaid, state);
  const referenceMinor = target.kind === 'grow' ? target.claim.referenceUnitPrice.amountMinor : target.kind === 'open' ? target.reference.amountMinor : Number.NEGATIVE_INFINITY;
  const { entries } = timeline;
  const end = firstIndexAtOrAfter(entries, window.endMs);
  const errors: ObservationError[] = [];
  let lowest: TimedObservation | null = null;
  let firstDropMs = Number.POSITIVE_INFINITY;
  for (let i = firstIndexAtOrAfter(entries, window.startMs); i < end; i++) {
    const entry = entries[i] as TimedObservation;
    const price = entry.observation.unitPrice;
    if (price.currency !== currency) {
      errors.push({ kind: 'currency-mismatch', observationId: entry.observation.id, expected: currency, actual: price.currency });
      continue;
    }
    if (price.amountMinor >= referenceMinor) continue;
    if (!lowest || compareByPriceThenTime(entry, lowest) < 0) lowest = entry;
    firstDropMs = Math.min(firstDropMs, entry.atMs);
  }
  if (!lowest || target.kind === 'adjustment-used') return errors.length ? { ...unchanged, errors } : unchanged;

  if (target.kind === 'grow') {
    const before = target.claim;
    const held: TimedObservation = { observation: { id: before.evidence.observationId, productId: line.productId, unitPrice: before.evidence.unitPrice, observedAt: before.evidence.observedAt }, atMs: instantMs(before.evidence.observedAt) };
    const lowerFound = compareByPriceThenTime(lowest, held) < 0;
    const earlierDrop = firstDropMs < instantMs(before.firstDropAt);
    if (!lowerFound && !earlierDrop) return { ...unchanged, errors };
    const evidence = lowerFound ? evidenceOf(lowest) : before.evidence;
    const after: Claim = {
      ...before,
      evidence,
      amount: cappedAmount(line, before.referenceUnitPrice, evidence.unitPrice, claimedTotalMinor(state) - before.amount.amountMinor),
      firstDropAt: earlierDrop ? canonicalIso(firstDropMs) : before.firstDropAt,
    };
    const claims = state.claims.slice(0, -1).concat(after);
    return { state: { claims }, changes: [{ kind: 'updated', before, after }], errors };
  }

  const amount = cappedAmount(line, target.reference, lowest.observation.unitPrice, claimedTotalMinor(state));
  if (amount.amountMinor <= 0) return { ...unchanged, errors };
  const claim: Claim = {
    sequence: target.sequence,
    status: 'detected',
    referenceUnitPrice: target.reference,
    amount,
    evidence: evidenceOf(lowest),
    firstDropAt: canonicalIso(firstDropMs),
  };
  return { state: { claims: [...state.claims, claim] }, changes: [{ kind: 'opened', claim }], errors };
}

/**
 * The incremental entry point: a line, its stored claims and whatever observations arrived, in
 * any order and possibly mixed with other products' (those are ignored). Unusable observations
 * of the line's product come back as `invalid-observation` errors.
 */
export function processObservations(line: PurchaseLine, policy: PriceAdjustmentPolicy, state: LineWatchState, observations: Iterable<PriceObservation>): LineEvaluation {
  const { timeline, rejected } = timelineOf(line.productId, observations);
  const evaluation = evaluateLine(line, policy, state, timeline);
  if (rejected.length === 0) return evaluation;
  const invalid = rejected.map((r): ObservationError => ({ kind: 'invalid-observation', observationId: r.observation.id, problem: r.problem }));
  return { ...evaluation, errors: [...invalid, ...evaluation.errors] };
}

export type IgnoredBecause = 'other-product' | 'final-sale-excluded' | 'awaiting-delivery' | 'before-window' | 'after-window' | 'adjustment-used' | 'not-below-reference';

/**
 * What one observation means for a line, in words support and the customer can be shown
 * ("observed after your 30-day window"). A `drop` counts toward the line's open claim, or opens
 * one; it changes an existing claim only when it is lower (or as low and earlier) than the
 * claim's evidence. Agrees with `evaluateLine` check for check.
 */
export type ObservationVerdict =
  | { readonly kind: 'drop'; readonly reference: Money }
  | { readonly kind: 'ignored'; readonly because: IgnoredBecause }
  | { readonly kind: 'error'; readonly error: ObservationError };

export function explainObservation(line: PurchaseLine, policy: PriceAdjustmentPolicy, state: LineWatchState, observation: PriceObservation): ObservationVerdict {
  if (observation.productId !== line.productId) return { kind: 'ignored', because: 'other-product' };
  const problem = observationProblem(observation);
  if (problem) return { kind: 'error', error: { kind: 'invalid-observation', observationId: observation.id, problem } };
  if (isExcludedFromWatch(line, policy)) return { kind: 'ignored', because: 'final-sale-excluded' };
  const window = windowMsFor(line, policy);
  if (!window) return { kind: 'ignored', because: 'awaiting-delivery' };
  const atMs = instantMs(observation.observedAt);
  if (atMs < window.startMs) return { kind: 'ignored', because: 'before-window' };
  if (atMs >= window.endMs) return { kind: 'ignored', because: 'after-window' };
  const currency = line.unitPricePaid.currency;
  if (observation.unitPrice.currency !== currency) {
    return { kind: 'error', error: { kind: 'currency-mismatch', observationId: observation.id, expected: currency, actual: observation.unitPrice.currency } };
  }
  const target = dropTarget(policy, line.unitPricePaid, state);
  if (target.kind === 'adjustment-used') return { kind: 'ignored', because: 'adjustment-used' };
  const reference = target.kind === 'grow' ? target.claim.referenceUnitPrice : target.reference;
  if (observation.unitPrice.amountMinor >= reference.amountMinor) return { kind: 'ignored', because: 'not-below-reference' };
  return { kind: 'drop', reference };
}

function evidenceOf(entry: TimedObservation): ClaimEvidence {
  const { id, unitPrice, observedAt } = entry.observation;
  return { observationId: id, unitPrice, observedAt };
}

/**
 * (reference − price) × quantity, but never more than the line's remaining headroom under
 * quantity × price paid. With chained references and non-negative prices the cap cannot bind;
 * it is kept so that no stored state, however it came about, can promise more than was paid.
 */
function cappedAmount(line: PurchaseLine, reference: Money, price: Money, otherClaimsMinor: number): Money {
  const drop = money((reference.amountMinor - price.amountMinor) * line.quantity, reference.currency);
  const headroom = line.unitPricePaid.amountMinor * line.quantity - otherClaimsMinor;
  return money(Math.max(0, Math.min(drop.amountMinor, headroom)), reference.currency);
}
