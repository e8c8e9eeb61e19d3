import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { money } from '../money.ts';
import { assertValidWatchState, canTransition, claimedTotalMinor, dropTarget, EMPTY_WATCH_STATE, openClaimOf, transitionClaim, type Claim, type ClaimStatus, type LineWatchState } from './claims.ts';
import { day, policyOf } from './test-fixtures.ts';

function claim(sequence: number, status: ClaimStatus, referenceMinor: number, priceMinor: number): Claim {
  return {
    sequence,
    status,
    referenceUnitPrice: money(referenceMinor, 'EUR'),
    amount: money(referenceMinor - priceMinor, 'EUR'),
    evidence: { observationId: `obs-${sequence}`, unitPrice: money(priceMinor, 'EUR'), observedAt: day(sequence) },
    firstDropAt: day(sequence),
  };
}

const paid = money(10_000, 'EUR');

describe('claim life cycle', () => {
  it('allows exactly detected → filed → refunded | denied | expired, and denied → detected | filed', () => {
    const statuses: ClaimStatus[] = ['detected', 'filed', 'refunded', 'denied', 'expired'];
    const allowed = statuses.flatMap((from) => statuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    assert.deepEqual(allowed, ['detected→filed', 'filed→refunded', 'filed→denied', 'filed→expired', 'denied→detected', 'denied→filed']);
  });

  it('a detected claim does not expire by itself; expiry is for a filed claim', () => {
    assert.equal(canTransition('detected', 'expired'), false);
    assert.equal(canTransition('filed', 'expired'), true);
  });

  it('moves one claim and reports the before/after for the audit trail', () => {
    const state: LineWatchState = { claims: [claim(1, 'detected', 10_000, 9_000)] };
    const result = transitionClaim(state, 1, 'filed');
    assert.ok(result.ok);
    assert.equal(result.state.claims[0]?.status, 'filed');
    assert.deepEqual(result.change, { kind: 'updated', before: state.claims[0], after: result.state.claims[0] });
    assert.equal(state.claims[0]?.status, 'detected', 'the input state is not mutated');
  });

  it('refuses unknown claims and illegal moves', () => {
    const state: LineWatchState = { claims: [claim(1, 'detected', 10_000, 9_000)] };
    assert.deepEqual(transitionClaim(state, 2, 'filed'), { ok: false, reason: 'no-such-claim' });
    assert.deepEqual(transitionClaim(state, 1, 'refunded'), { ok: false, reason: 'not-allowed' });
  });

  it('reopens a denied claim to detected only when it is the latest claim', () => {
    const state: LineWatchState = { claims: [claim(1, 'denied', 10_000, 9_000), claim(2, 'filed', 9_000, 8_000)] };
    assert.deepEqual(transitionClaim(state, 1, 'detected'), { ok: false, reason: 'not-latest-claim' });
    const refiled = transitionClaim(state, 1, 'filed');
    assert.ok(refiled.ok);
    const latestDenied: LineWatchState = { claims: [claim(1, 'denied', 10_000, 9_000)] };
    const reopened = transitionClaim(latestDenied, 1, 'detected');
    assert.ok(reopened.ok);
    assert.equal(openClaimOf(reopened.state)?.sequence, 1);
  });
});

describe('dropTarget', () => {
  it('measures the first claim from the price paid', () => {
    assert.deepEqual(dropTarget(policyOf(), paid, EMPTY_WATCH_STATE), { kind: 'open', reference: paid, sequence: 1 });
  });

  it('grows the detected claim under either policy', () => {
    const state: LineWatchState = { claims: [claim(1, 'detected', 10_000, 9_000)] };
    for (const adjustments of ['one', 'unlimited'] as const) {
      assert.deepEqual(dropTarget(policyOf({ adjustments }), paid, state), { kind: 'grow', claim: state.claims[0] });
    }
  });

  it('after filing: none under one; the filed price as reference under unlimited, whatever the outcome', () => {
    for (const status of ['filed', 'refunded', 'denied', 'expired'] as const) {
      const state: LineWatchState = { claims: [claim(1, status, 10_000, 9_000)] };
      assert.deepEqual(dropTarget(policyOf({ adjustments: 'one' }), paid, state), { kind: 'adjustment-used' });
      assert.deepEqual(dropTarget(policyOf({ adjustments: 'unlimited' }), paid, state), { kind: 'open', reference: money(9_000, 'EUR'), sequence: 2 });
    }
  });
});

describe('state helpers', () => {
  it('sums every claim whatever its status', () => {
    assert.equal(claimedTotalMinor({ claims: [claim(1, 'denied', 10_000, 9_000), claim(2, 'detected', 9_000, 8_500)] }), 1_500);
    assert.equal(claimedTotalMinor(EMPTY_WATCH_STATE), 0);
  });

  it('refuses stored states that break the invariants', () => {
    assert.throws(() => assertValidWatchState({ claims: [claim(2, 'filed', 10_000, 9_000)] }, 'EUR'), /sequences/);
    assert.throws(() => assertValidWatchState({ claims: [claim(1, 'detected', 10_000, 9_000), claim(2, 'detected', 9_000, 8_000)] }, 'EUR'), /latest/);
    assert.throws(() => assertValidWatchState({ claims: [claim(1, 'filed', 10_000, 9_000)] }, 'USD'), /EUR/);
    assert.doesNotThrow(() => assertValidWatchState({ claims: [claim(1, 'refunded', 10_000, 9_000), claim(2, 'detected', 9_000, 8_000)] }, 'EUR'));
  });
});
