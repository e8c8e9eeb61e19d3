import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { money } from '../money.ts';
import { claimedTotalMinor, EMPTY_WATCH_STATE, transitionClaim, type LineWatchState } from './claims.ts';
import { explainObservation, processObservations } from './evaluate.ts';
import { day, fileOpenClaim, lineOf, policyOf, seen } from './test-fixtures.ts';

const one = policyOf({ adjustments: 'one' });
const unlimited = policyOf({ adjustments: 'unlimited' });

function feed(state: LineWatchState, ...observations: Parameters<typeof seen>[]): LineWatchState {
  return processObservations(lineOf({ quantity: 2 }), unlimited, state, observations.map((args) => seen(...args))).state;
}

describe('a drop below the price paid', () => {
  it('opens a detected claim for (paid − observed) × quantity, with the observation as evidence', () => {
    const drop = seen(8_000, 3);
    const result = processObservations(lineOf({ quantity: 2 }), one, EMPTY_WATCH_STATE, [drop]);
    assert.equal(result.changes.length, 1);
    assert.deepEqual(result.state.claims, [
      {
        sequence: 1,
        status: 'detected',
        referenceUnitPrice: money(10_000, 'EUR'),
        amount: money(4_000, 'EUR'),
        evidence: { observationId: drop.id, unitPrice: money(8_000, 'EUR'), observedAt: drop.observedAt },
        firstDropAt: day(3),
      },
    ]);
    assert.deepEqual(result.changes[0], { kind: 'opened', claim: result.state.claims[0] });
  });

  it('grows the detected claim to the new lowest price, and keeps the first drop date', () => {
    const first = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(9_000, 2)]);
    const lower = seen(7_500, 5);
    const second = processObservations(lineOf(), one, first.state, [lower, seen(8_000, 6)]);
    assert.equal(second.state.claims.length, 1);
    assert.deepEqual(second.state.claims[0]?.amount, money(2_500, 'EUR'));
    assert.equal(second.state.claims[0]?.evidence.observationId, lower.id);
    assert.equal(second.state.claims[0]?.firstDropAt, day(2));
    assert.deepEqual(second.changes, [{ kind: 'updated', before: first.state.claims[0], after: second.state.claims[0] }]);
  });

  it('a price rise, or a price equal to the reference, changes nothing — the same state object comes back', () => {
    const state = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(9_000, 2)]).state;
    const result = processObservations(lineOf(), one, state, [seen(12_000, 3), seen(9_500, 4), seen(10_000, 5)]);
    assert.equal(result.state, state);
    assert.deepEqual(result.changes, []);
    assert.deepEqual(processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(10_000, 1), seen(11_000, 2)]).state, EMPTY_WATCH_STATE);
  });

  it('a price of zero claims the whole price paid, and never more', () => {
    const result = processObservations(lineOf({ quantity: 3 }), unlimited, EMPTY_WATCH_STATE, [seen(0, 1)]);
    assert.deepEqual(result.state.claims[0]?.amount, money(30_000, 'EUR'));
  });

  it('of equal lowest prices, the earliest is the evidence and re-feeding the later one changes nothing', () => {
    const early = seen(8_000, 2);
    const late = seen(8_000, 4);
    const fromLate = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [late]);
    const both = processObservations(lineOf(), one, fromLate.state, [early]);
    assert.equal(both.state.claims[0]?.evidence.observationId, early.id);
    assert.deepEqual(both.state.claims[0]?.amount, fromLate.state.claims[0]?.amount);
    assert.equal(processObservations(lineOf(), one, both.state, [late]).state, both.state);
    for (const batch of [[early, late], [late, early]]) {
      assert.equal(processObservations(lineOf(), one, EMPTY_WATCH_STATE, batch).state.claims[0]?.evidence.observationId, early.id);
    }
  });
});

describe('the window', () => {
  it('counts only observations in [start, end)', () => {
    const result = processObservations(lineOf(), policyOf({ windowDays: 30 }), EMPTY_WATCH_STATE, [seen(5_000, -0.01), seen(5_000, 30), seen(9_000, 29.99)]);
    assert.deepEqual(result.state.claims.map((claim) => claim.amount), [money(1_000, 'EUR')]);
  });

  it('a delivery-based line has no claims until delivered, then counts from delivery', () => {
    const policy = policyOf({ windowFrom: 'delivery', windowDays: 10 });
    const observations = [seen(5_000, 1), seen(9_000, 6)];
    assert.equal(processObservations(lineOf(), policy, EMPTY_WATCH_STATE, observations).state.claims.length, 0);
    const delivered = processObservations(lineOf({ deliveredAt: day(4) }), policy, EMPTY_WATCH_STATE, observations);
    assert.deepEqual(delivered.state.claims.map((claim) => claim.amount), [money(1_000, 'EUR')]);
  });

  it('a detected claim stays claimable after the window closes; later prices do not touch it', () => {
    const state = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(9_000, 29)]).state;
    const after = processObservations(lineOf(), one, state, [seen(1_000, 31)]);
    assert.equal(after.state, state);
    assert.equal(after.state.claims[0]?.status, 'detected');
  });

  it('observations of another product do not count', () => {
    const result = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(1_000, 1, { productId: 'lamp-9' })]);
    assert.equal(result.state, EMPTY_WATCH_STATE);
  });
});

describe('final sale', () => {
  it('is skipped where the policy excludes it, and watched where it does not', () => {
    const line = lineOf({ finalSale: true });
    assert.equal(processObservations(line, policyOf({ excludeFinalSale: true }), EMPTY_WATCH_STATE, [seen(5_000, 1)]).state.claims.length, 0);
    assert.equal(processObservations(line, policyOf({ excludeFinalSale: false }), EMPTY_WATCH_STATE, [seen(5_000, 1)]).state.claims.length, 1);
  });
});

describe('after filing', () => {
  it('policy one allows no further claim on the line', () => {
    const filed = fileOpenClaim(processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(9_000, 1)]).state);
    const result = processObservations(lineOf(), one, filed, [seen(5_000, 2)]);
    assert.equal(result.state, filed);
  });

  it('policy unlimited opens a new claim for the additional difference below the filed price', () => {
    const filed = fileOpenClaim(feed(EMPTY_WATCH_STATE, [9_000, 1]));
    const next = processObservations(lineOf({ quantity: 2 }), unlimited, filed, [seen(9_500, 2), seen(8_200, 3), seen(8_000, 4)]);
    assert.deepEqual(
      next.state.claims.map((claim) => [claim.sequence, claim.status, claim.referenceUnitPrice.amountMinor, claim.amount.amountMinor]),
      [
        [1, 'filed', 10_000, 2_000],
        [2, 'detected', 9_000, 2_000],
      ],
    );
    assert.equal(next.state.claims[1]?.firstDropAt, day(3), 'only drops below the new reference date the new claim');
  });

  it('unlimited: a price between the filed price and the price paid opens nothing', () => {
    const filed = fileOpenClaim(feed(EMPTY_WATCH_STATE, [9_000, 1]));
    assert.equal(processObservations(lineOf({ quantity: 2 }), unlimited, filed, [seen(9_500, 2)]).state, filed);
  });

  it('unlimited: a lower price observed before the filing but arriving after it becomes the next claim', () => {
    const filed = fileOpenClaim(feed(EMPTY_WATCH_STATE, [9_000, 5]));
    const late = feed(filed, [7_000, 2]);
    assert.deepEqual(late.claims.map((claim) => claim.amount.amountMinor), [2_000, 4_000]);
    assert.equal(claimedTotalMinor(late), (10_000 - 7_000) * 2);
  });

  it('a refunded, denied or expired claim still anchors the next claim at its price', () => {
    for (const outcome of ['refunded', 'denied', 'expired'] as const) {
      const filed = fileOpenClaim(feed(EMPTY_WATCH_STATE, [9_000, 1]));
      const settled = transitionClaim(filed, 1, outcome);
      assert.ok(settled.ok);
      const next = feed(settled.state, [8_500, 2]);
      assert.deepEqual(next.claims.map((claim) => claim.amount.amountMinor), [2_000, 1_000], outcome);
    }
  });

  it('a denied claim reopened to detected grows again when the line is re-run', () => {
    const observations = [seen(9_000, 1)];
    const filed = fileOpenClaim(processObservations(lineOf(), one, EMPTY_WATCH_STATE, observations).state);
    const denied = transitionClaim(filed, 1, 'denied');
    assert.ok(denied.ok);
    observations.push(seen(8_000, 2));
    assert.equal(processObservations(lineOf(), one, denied.state, observations).state, denied.state, 'while denied the adjustment is used');
    const reopened = transitionClaim(denied.state, 1, 'detected');
    assert.ok(reopened.ok);
    const rerun = processObservations(lineOf(), one, reopened.state, observations);
    assert.deepEqual(rerun.state.claims.map((claim) => [claim.status, claim.amount.amountMinor]), [['detected', 2_000]]);
  });
});

describe('errors', () => {
  it('an observation in another currency is an error result and is not counted', () => {
    const dollars = seen(1_000, 1, { unitPrice: money(1_000, 'USD') });
    const result = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [dollars, seen(9_000, 2)]);
    assert.deepEqual(result.errors, [{ kind: 'currency-mismatch', observationId: dollars.id, expected: 'EUR', actual: 'USD' }]);
    assert.deepEqual(result.state.claims.map((claim) => claim.amount.amountMinor), [1_000]);
  });

  it('an observation that cannot be placed in time, or is not a price, is reported', () => {
    const noOffset = seen(1_000, 1, { observedAt: '2025-03-02T10:00' });
    const negative = seen(-5, 1);
    const result = processObservations(lineOf(), one, EMPTY_WATCH_STATE, [noOffset, negative]);
    assert.deepEqual(result.errors, [
      { kind: 'invalid-observation', observationId: noOffset.id, problem: 'invalid-time' },
      { kind: 'invalid-observation', observationId: negative.id, problem: 'invalid-price' },
    ]);
    assert.equal(result.state, EMPTY_WATCH_STATE);
  });

  it('a stored state that breaks the invariants is refused loudly', () => {
    const state = feed(EMPTY_WATCH_STATE, [9_000, 1]);
    assert.throws(() => processObservations(lineOf({ unitPricePaid: money(10_000, 'USD') }), one, state, []), RangeError);
  });
});

describe('explainObservation', () => {
  const filed = fileOpenClaim(processObservations(lineOf(), one, EMPTY_WATCH_STATE, [seen(9_000, 1)]).state);
  const cases: [string, ReturnType<typeof explainObservation>][] = [
    ['other product', explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(1, 1, { productId: 'lamp-9' }))],
    ['final sale', explainObservation(lineOf({ finalSale: true }), one, EMPTY_WATCH_STATE, seen(1, 1))],
    ['awaiting delivery', explainObservation(lineOf(), policyOf({ windowFrom: 'delivery' }), EMPTY_WATCH_STATE, seen(1, 1))],
    ['before', explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(1, -1))],
    ['after', explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(1, 30))],
    ['used', explainObservation(lineOf(), one, filed, seen(1, 2))],
    ['rise', explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(10_000, 2))],
  ];
  it('says why an observation did not count', () => {
    assert.deepEqual(
      cases.map(([name, verdict]) => [name, verdict.kind === 'ignored' ? verdict.because : verdict.kind]),
      [
        ['other product', 'other-product'],
        ['final sale', 'final-sale-excluded'],
        ['awaiting delivery', 'awaiting-delivery'],
        ['before', 'before-window'],
        ['after', 'after-window'],
        ['used', 'adjustment-used'],
        ['rise', 'not-below-reference'],
      ],
    );
  });

  it('names the reference a drop is measured from, and reports errors', () => {
    assert.deepEqual(explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(9_000, 1)), { kind: 'drop', reference: money(10_000, 'EUR') });
    const verdict = explainObservation(lineOf(), one, EMPTY_WATCH_STATE, seen(9_000, 1, { unitPrice: money(9_000, 'GBP') }));
    assert.equal(verdict.kind === 'error' && verdict.error.kind, 'currency-mismatch');
  });
});
