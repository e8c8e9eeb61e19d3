/**
 * Properties of the watch rule over random lines, policies, observation sets and support
 * actions. The unit tests show the rule on examples; these show it holds everywhere we can reach.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { money } from '../money.ts';
import { claimedTotalMinor, EMPTY_WATCH_STATE, transitionClaim, type LineWatchState } from './claims.ts';
import { explainObservation, processObservations } from './evaluate.ts';
import { instantMs, MS_PER_DAY } from './instants.ts';
import type { PriceObservation } from './observations.ts';
import { windowMsFor, type PriceAdjustmentPolicy, type PurchaseLine } from './policy.ts';
import { day } from './test-fixtures.ts';

const policyArb: fc.Arbitrary<PriceAdjustmentPolicy> = fc.record({
  windowDays: fc.oneof({ arbitrary: fc.constantFrom(14, 30, 45), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 45 }), weight: 1 }),
  windowFrom: fc.constantFrom('purchase', 'delivery'),
  adjustments: fc.constantFrom('one', 'unlimited'),
  excludeFinalSale: fc.boolean(),
});

const lineArb: fc.Arbitrary<PurchaseLine> = fc.record({
  id: fc.constant('line-1'),
  productId: fc.constant('sofa-1'),
  quantity: fc.integer({ min: 1, max: 5 }),
  unitPricePaid: fc.oneof({ arbitrary: fc.noBias(fc.integer({ min: 8_000, max: 12_000 })), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 20_000 }), weight: 1 }).map((minor) => money(minor, 'EUR')),
  purchasedAt: fc.constant(day(0)),
  deliveredAt: fc.option(fc.integer({ min: 0, max: 20 * 24 }).map((hours) => day(hours / 24)), { nil: null, freq: 3 }),
  finalSale: fc.constantFrom(false, false, false, true),
});

/** Observations mostly of the line's product, mostly in its currency, spread around any window. */
const observationsArb: fc.Arbitrary<PriceObservation[]> = fc
  .array(
    fc.record({
      productId: fc.constantFrom('sofa-1', 'sofa-1', 'sofa-1', 'lamp-9'),
      // Prices on a 50-cent grid, so that equal lowest prices (the evidence tie-break) are common.
      priceMinor: fc.oneof(fc.integer({ min: 0, max: 440 }), fc.noBias(fc.integer({ min: 100, max: 260 }))).map((step) => step * 50),
      currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'EUR', 'USD'),
      // Whole minutes from 5 days before the purchase to 70 days after; ties in time happen.
      minute: fc.oneof({ arbitrary: fc.noBias(fc.integer({ min: 0, max: 30 * 24 * 60 })), weight: 3 }, { arbitrary: fc.integer({ min: -5 * 24 * 60, max: 70 * 24 * 60 }), weight: 1 }).map((m) => m - (m % 7)),
    }),
    { maxLength: 40, size: 'medium' },
  )
  .map((rows) => rows.map((row, index) => ({ id: `obs-${index}`, productId: row.productId, unitPrice: money(row.priceMinor, row.currency), observedAt: day(row.minute / (24 * 60)) })));

/** What support might do between two feeds; applied only where the claim allows it. */
type SupportAction = 'file' | 'refund' | 'deny' | 'expire' | 'reopen';
const supportArb = fc.constantFrom<SupportAction>('file', 'file', 'file', 'refund', 'deny', 'expire', 'reopen');

function support(state: LineWatchState, action: SupportAction): LineWatchState {
  for (const claim of [...state.claims].reverse()) {
    const to = action === 'file' ? 'filed' : action === 'refund' ? 'refunded' : action === 'deny' ? 'denied' : action === 'expire' ? 'expired' : 'detected';
    const result = transitionClaim(state, claim.sequence, to);
    if (result.ok) return result.state;
    if (action === 'reopen' && claim.status === 'denied') {
      const refiled = transitionClaim(state, claim.sequence, 'filed');
      if (refiled.ok) return refiled.state;
    }
  }
  return state;
}

/** Feeds the observations in `batches` pieces with a support action after each: a realistic history. */
const historyArb = fc.record({
  line: lineArb,
  policy: policyArb,
  observations: observationsArb,
  steps: fc.array(fc.record({ take: fc.integer({ min: 0, max: 8 }), action: supportArb }), { minLength: 1, maxLength: 6 }),
});

function replay(history: { line: PurchaseLine; policy: PriceAdjustmentPolicy; observations: PriceObservation[]; steps: { take: number; action: SupportAction }[] }): LineWatchState {
  let state = EMPTY_WATCH_STATE;
  let fed = 0;
  for (const step of history.steps) {
    state = processObservations(history.line, history.policy, state, history.observations.slice(fed, fed + step.take)).state;
    fed += step.take;
    state = support(state, step.action);
  }
  return processObservations(history.line, history.policy, state, history.observations.slice(fed)).state;
}

/** The lowest same-currency price of the line's product inside its window, if any. */
function lowestInWindow(line: PurchaseLine, policy: PriceAdjustmentPolicy, observations: PriceObservation[]): number | null {
  const window = windowMsFor(line, policy);
  if (!window) return null;
  let lowest: number | null = null;
  for (const o of observations) {
    const at = instantMs(o.observedAt);
    if (o.productId !== line.productId || o.unitPrice.currency !== 'EUR' || at < window.startMs || at >= window.endMs) continue;
    lowest = lowest === null ? o.unitPrice.amountMinor : Math.min(lowest, o.unitPrice.amountMinor);
  }
  return lowest;
}

describe('price-watch properties', () => {
  it('claims come only from in-window observations of the product, in its currency', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const state = replay(history);
        const window = windowMsFor(history.line, history.policy);
        if (!window) return assert.deepEqual(state.claims, []);
        const byId = new Map(history.observations.map((o) => [o.id, o]));
        for (const claim of state.claims) {
          const evidence = byId.get(claim.evidence.observationId);
          assert.ok(evidence && evidence.productId === history.line.productId && evidence.unitPrice.currency === 'EUR');
          for (const at of [instantMs(claim.evidence.observedAt), instantMs(claim.firstDropAt)]) assert.ok(window.startMs <= at && at < window.endMs);
          assert.ok(claim.amount.amountMinor > 0);
        }
      }),
    );
  });

  it('the claims of a line never add up to more than quantity × price paid', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        assert.ok(claimedTotalMinor(replay(history)) <= history.line.quantity * history.line.unitPricePaid.amountMinor);
      }),
    );
  });

  it('the order observations arrive in does not matter, from any reachable state', () => {
    fc.assert(
      fc.property(
        historyArb,
        observationsArb.chain((observations) => fc.tuple(fc.constant(observations), fc.shuffledSubarray(observations, { minLength: observations.length, maxLength: observations.length }))),
        (history, [observations, shuffled]) => {
          const state = replay(history);
          const fresh = observations.map((o) => ({ ...o, id: `new-${o.id}` }));
          const reordered = shuffled.map((o) => ({ ...o, id: `new-${o.id}` }));
          const inOrder = processObservations(history.line, history.policy, state, fresh);
          const outOfOrder = processObservations(history.line, history.policy, state, reordered);
          assert.deepEqual(outOfOrder.state, inOrder.state);
          assert.deepEqual(outOfOrder.changes, inOrder.changes);
        },
      ),
    );
  });

  it('feeding the same observations twice changes nothing', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const state = replay(history);
        const again = processObservations(history.line, history.policy, state, history.observations);
        const settled = again.state;
        const thrice = processObservations(history.line, history.policy, settled, history.observations);
        assert.equal(thrice.state, settled);
        assert.deepEqual(thrice.changes, []);
        // Without support acting in between, the replayed feed itself was already a fixed point.
        const plain = processObservations(history.line, history.policy, EMPTY_WATCH_STATE, history.observations).state;
        assert.equal(processObservations(history.line, history.policy, plain, history.observations).state, plain);
      }),
    );
  });

  it('a feed split into parts gives the same claims as the feed whole', () => {
    fc.assert(
      fc.property(lineArb, policyArb, observationsArb, fc.nat(), (line, policy, observations, cut) => {
        const at = observations.length ? cut % (observations.length + 1) : 0;
        const whole = processObservations(line, policy, EMPTY_WATCH_STATE, observations).state;
        const first = processObservations(line, policy, EMPTY_WATCH_STATE, observations.slice(0, at)).state;
        assert.deepEqual(processObservations(line, policy, first, observations.slice(at)).state, whole);
      }),
    );
  });

  it('unlimited: the line claims (paid − lowest in-window price) × quantity, however support filed in between', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const policy = { ...history.policy, adjustments: 'unlimited' as const };
        const state = replay({ ...history, policy });
        const lowest = lowestInWindow(history.line, policy, history.observations);
        const paid = history.line.unitPricePaid.amountMinor;
        const expected = lowest !== null && lowest < paid ? (paid - lowest) * history.line.quantity : 0;
        assert.equal(claimedTotalMinor(state), expected);
      }),
    );
  });

  it('one: never more than one claim, and without filing it is the full drop to the lowest price', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const policy = { ...history.policy, adjustments: 'one' as const };
        assert.ok(replay({ ...history, policy }).claims.length <= 1);
        const unfiled = processObservations(history.line, policy, EMPTY_WATCH_STATE, history.observations).state;
        const lowest = lowestInWindow(history.line, policy, history.observations);
        const paid = history.line.unitPricePaid.amountMinor;
        assert.equal(claimedTotalMinor(unfiled), lowest !== null && lowest < paid ? (paid - lowest) * history.line.quantity : 0);
      }),
    );
  });

  it('a delivery-based line without delivery, or an excluded final-sale line, never has a claim', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const undelivered = replay({ ...history, line: { ...history.line, deliveredAt: null }, policy: { ...history.policy, windowFrom: 'delivery' } });
        const finalSale = replay({ ...history, line: { ...history.line, finalSale: true }, policy: { ...history.policy, excludeFinalSale: true } });
        assert.deepEqual([undelivered.claims, finalSale.claims], [[], []]);
      }),
    );
  });

  it('prices at or above what was paid never open a claim', () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const paid = history.line.unitPricePaid.amountMinor;
        const rises = history.observations.map((o) => ({ ...o, unitPrice: money(Math.max(o.unitPrice.amountMinor, paid), o.unitPrice.currency) }));
        assert.deepEqual(replay({ ...history, observations: rises }).claims, []);
      }),
    );
  });

  it('an observation in another currency is an error and changes no claim', () => {
    fc.assert(
      fc.property(lineArb, policyArb, observationsArb, (line, policy, observations) => {
        const result = processObservations(line, policy, EMPTY_WATCH_STATE, observations);
        const window = windowMsFor(line, policy);
        const expectedErrors = observations.filter((o) => {
          const at = instantMs(o.observedAt);
          return window && o.productId === line.productId && o.unitPrice.currency !== 'EUR' && window.startMs <= at && at < window.endMs;
        });
        assert.deepEqual(
          result.errors.map((e) => e.observationId),
          expectedErrors.sort((a, b) => instantMs(a.observedAt) - instantMs(b.observedAt) || (a.id < b.id ? -1 : 1)).map((o) => o.id),
        );
        const withoutThem = processObservations(line, policy, EMPTY_WATCH_STATE, observations.filter((o) => o.unitPrice.currency === 'EUR'));
        assert.deepEqual(result.state, withoutThem.state);
      }),
    );
  });

  it('explainObservation says "drop" exactly when the observation alone opens a claim', () => {
    fc.assert(
      fc.property(lineArb, policyArb, observationsArb, (line, policy, observations) => {
        for (const observation of observations) {
          const verdict = explainObservation(line, policy, EMPTY_WATCH_STATE, observation);
          const opened = processObservations(line, policy, EMPTY_WATCH_STATE, [observation]).changes.length > 0;
          assert.equal(verdict.kind === 'drop', opened, JSON.stringify({ verdict, observation }));
        }
      }),
    );
  });

  it('the window is exactly windowDays × 24 h long', () => {
    fc.assert(
      fc.property(lineArb, policyArb, (line, policy) => {
        const window = windowMsFor(line, policy);
        if (window) assert.equal(window.endMs - window.startMs, policy.windowDays * MS_PER_DAY);
      }),
    );
  });
});
