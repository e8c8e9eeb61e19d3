/**
 * Refund claims of one purchase line, and the life of a claim.
 *
 *   detected ──file──▶ filed ──▶ refunded | denied | expired
 *       ▲                ▲                    │
 *       └─── reopen ─────┴────────────────────┘ (a denied claim, by support)
 *
 * `detected` is the one *open* claim a line may have: the only claim the rules may still grow
 * when a lower price turns up. Filing freezes it — the retailer has been asked for that amount.
 * Under `unlimited` adjustments a filed claim's price becomes the reference for the next claim,
 * so a line can have several claims, each for the additional drop below the one before.
 *
 * Why a detected claim does not expire when the window closes: retailers judge a price
 * adjustment by the date of the drop, not by the date we file, so a drop seen inside the window
 * stays claimable afterwards, and support's queue simply puts it first. `expired` is therefore
 * never set by these rules; support records it for a *filed* claim the retailer let lapse.
 *
 * Why a denied claim keeps its place in the chain: support may reopen it, so its drop is still
 * "spoken for". Letting the next claim reach back past it would claim the same euros twice.
 *
 * Invariants of a `LineWatchState` (checked by `assertValidWatchState`): sequences run 1, 2, 3…;
 * only the last claim may be `detected`; every amount is in the line's currency.
 */
import type { Money } from '../money.ts';
import type { PriceAdjustmentPolicy } from './policy.ts';

export type ClaimStatus = 'detected' | 'filed' | 'refunded' | 'denied' | 'expired';

/** The observation that proves a claim: the lowest in-window price below its reference. */
export interface ClaimEvidence {
  readonly observationId: string;
  readonly unitPrice: Money;
  readonly observedAt: string;
}

export interface Claim {
  /** 1, 2, 3… within the line; (line id, sequence) is the claim's natural key in a store. */
  readonly sequence: number;
  readonly status: ClaimStatus;
  /** The unit price this claim measures its drop from: the price paid, or the previous claim's price. */
  readonly referenceUnitPrice: Money;
  /** (reference − evidence price) × quantity, never pushing the line past quantity × price paid. */
  readonly amount: Money;
  readonly evidence: ClaimEvidence;
  /** Earliest in-window observation below the reference (canonical ISO): "the price dropped on…". */
  readonly firstDropAt: string;
}

/** Everything the rules need to remember about one line: its claims, oldest first. */
export interface LineWatchState {
  readonly claims: readonly Claim[];
}

export const EMPTY_WATCH_STATE: LineWatchState = Object.freeze({ claims: Object.freeze([]) });

/** What to persist: a new claim row, or a changed one (before/after is the audit entry). */
export type ClaimChange = { readonly kind: 'opened'; readonly claim: Claim } | { readonly kind: 'updated'; readonly before: Claim; readonly after: Claim };

/** Where the next below-reference price goes. */
export type DropTarget =
  | { readonly kind: 'grow'; readonly claim: Claim }
  | { readonly kind: 'open'; readonly reference: Money; readonly sequence: number }
  | { readonly kind: 'adjustment-used' };

/**
 * The open claim to grow, or the reference a new claim would measure from, or nothing when a
 * `one`-adjustment line has already filed its claim.
 */
export function dropTarget(policy: PriceAdjustmentPolicy, unitPricePaid: Money, state: LineWatchState): DropTarget {
  const latest = state.claims.at(-1);
  if (!latest) return { kind: 'open', reference: unitPricePaid, sequence: 1 };
  if (latest.status === 'detected') return { kind: 'grow', claim: latest };
  if (policy.adjustments === 'one') return { kind: 'adjustment-used' };
  return { kind: 'open', reference: latest.evidence.unitPrice, sequence: latest.sequence + 1 };
}

/** The claim the rules may still grow, if any. */
export function openClaimOf(state: LineWatchState): Claim | null {
  const latest = state.claims.at(-1);
  return latest?.status === 'detected' ? latest : null;
}

/** Sum of every claim on the line, whatever its status; the cap applies to this sum. */
export function claimedTotalMinor(state: LineWatchState): number {
  let total = 0;
  for (const claim of state.claims) total += claim.amount.amountMinor;
  return total;
}

const NEXT_STATUSES: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  detected: ['filed'],
  filed: ['refunded', 'denied', 'expired'],
  denied: ['detected', 'filed'],
  refunded: [],
  expired: [],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export type ClaimTransitionResult =
  | { readonly ok: true; readonly state: LineWatchState; readonly change: ClaimChange }
  | { readonly ok: false; readonly reason: 'no-such-claim' | 'not-allowed' | 'not-latest-claim' };

/**
 * Moves one claim to a new status (support's actions: file, refund, deny, expire, reopen).
 *
 * A denied claim reopens to `detected` only while it is the line's latest claim: an earlier
 * claim that grew again would overlap the drop a later claim already measures. Otherwise support
 * reopens it straight to `filed`. After reopening, re-run the line against its stored in-window
 * observations (`evaluateLine`): a reopened claim may grow from prices seen while it was denied,
 * and re-running is always safe because the evaluation is idempotent.
 */
export function transitionClaim(state: LineWatchState, sequence: number, to: ClaimStatus): ClaimTransitionResult {
  const index = state.claims.findIndex((claim) => claim.sequence === sequence);
  const before = state.claims[index];
  if (!before) return { ok: false, reason: 'no-such-claim' };
  if (!canTransition(before.status, to)) return { ok: false, reason: 'not-allowed' };
  if (to === 'detected' && index !== state.claims.length - 1) return { ok: false, reason: 'not-latest-claim' };
  const after: Claim = { ...before, status: to };
  const claims = state.claims.slice();
  claims[index] = after;
  return { ok: true, state: { claims }, change: { kind: 'updated', before, after } };
}

/** Throws when a stored state breaks the invariants the rules rely on (a store or migration bug). */
export function assertValidWatchState(state: LineWatchState, currency: string): void {
  state.claims.forEach((claim, index) => {
    if (claim.sequence !== index + 1) throw new RangeError(`Claim sequences must run 1, 2, 3…; found ${claim.sequence} at position ${index + 1}`);
    if (claim.status === 'detected' && index !== state.claims.length - 1) throw new RangeError(`Only the latest claim may be detected; claim ${claim.sequence} is`);
    for (const amount of [claim.amount, claim.referenceUnitPrice, claim.evidence.unitPrice]) {
      if (amount.currency !== currency) throw new RangeError(`Claim ${claim.sequence} is in ${amount.currency}, the line in ${currency}`);
    }
  });
}
