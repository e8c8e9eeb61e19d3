import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { money } from '../money.ts';
import { EMPTY_WATCH_STATE, type LineWatchState } from './claims.ts';
import { assertValidLine, assertValidPolicy, daysLeft, isWindowOpen, watchCloseReason, watchShouldClose, windowFor } from './policy.ts';
import { day, lineOf, policyOf, PURCHASED_AT, seen } from './test-fixtures.ts';

describe('windowFor', () => {
  it('runs windowDays × 24 h from the purchase', () => {
    assert.deepEqual(windowFor(lineOf(), policyOf({ windowDays: 30 })), { start: PURCHASED_AT, end: '2025-03-31T10:00:00.000Z' });
  });

  it('does not exist for a delivery-based line until it is delivered, then runs from delivery', () => {
    const policy = policyOf({ windowFrom: 'delivery', windowDays: 14 });
    assert.equal(windowFor(lineOf(), policy), null);
    assert.deepEqual(windowFor(lineOf({ deliveredAt: day(5) }), policy), { start: day(5), end: day(19) });
  });

  it('ignores the delivery date under a purchase-based policy', () => {
    assert.deepEqual(windowFor(lineOf({ deliveredAt: day(5) }), policyOf({ windowDays: 10 })), { start: day(0), end: day(10) });
  });

  it('does not exist for a final-sale line the policy excludes, and does when it does not', () => {
    assert.equal(windowFor(lineOf({ finalSale: true }), policyOf({ excludeFinalSale: true })), null);
    assert.deepEqual(windowFor(lineOf({ finalSale: true }), policyOf({ excludeFinalSale: false, windowDays: 1 })), { start: day(0), end: day(1) });
  });

  it('normalises offsets to one canonical spelling and is empty for a zero-day policy', () => {
    const line = lineOf({ purchasedAt: '2025-03-01T12:00:00+02:00' });
    assert.deepEqual(windowFor(line, policyOf({ windowDays: 0 })), { start: '2025-03-01T10:00:00.000Z', end: '2025-03-01T10:00:00.000Z' });
    assert.equal(isWindowOpen(line, policyOf({ windowDays: 0 }), '2025-03-01T10:00:00Z'), false);
  });

  it('reads a bare date as UTC midnight and refuses a date-time without an offset', () => {
    assert.deepEqual(windowFor(lineOf({ purchasedAt: '2025-03-01' }), policyOf({ windowDays: 1 })), { start: '2025-03-01T00:00:00.000Z', end: '2025-03-02T00:00:00.000Z' });
    assert.throws(() => windowFor(lineOf({ purchasedAt: '2025-03-01T10:00' }), policyOf()), RangeError);
    assert.throws(() => windowFor(lineOf({ purchasedAt: 'yesterday' }), policyOf()), RangeError);
  });
});

describe('isWindowOpen', () => {
  const line = lineOf();
  const policy = policyOf({ windowDays: 30 });
  it('is half-open: open at the start instant, closed at the end instant', () => {
    assert.equal(isWindowOpen(line, policy, day(-0.001)), false);
    assert.equal(isWindowOpen(line, policy, day(0)), true);
    assert.equal(isWindowOpen(line, policy, '2025-03-31T09:59:59.999Z'), true);
    assert.equal(isWindowOpen(line, policy, day(30)), false);
  });
  it('is never open without a window', () => {
    assert.equal(isWindowOpen(line, policyOf({ windowFrom: 'delivery' }), day(1)), false);
  });
});

describe('daysLeft', () => {
  const line = lineOf();
  const policy = policyOf({ windowDays: 30 });
  it('counts whole days, rounding up while the window is open', () => {
    assert.equal(daysLeft(line, policy, day(0)), 30);
    assert.equal(daysLeft(line, policy, day(0.5)), 30);
    assert.equal(daysLeft(line, policy, day(29)), 1);
    assert.equal(daysLeft(line, policy, day(30 - 1 / 24)), 1);
  });
  it('is 0 once closed, the full length before opening, null without a window', () => {
    assert.equal(daysLeft(line, policy, day(30)), 0);
    assert.equal(daysLeft(line, policy, day(400)), 0);
    assert.equal(daysLeft(line, policy, day(-3)), 30);
    assert.equal(daysLeft(line, policyOf({ windowFrom: 'delivery' }), day(1)), null);
  });
});

describe('watchCloseReason / watchShouldClose', () => {
  const detected: LineWatchState = {
    claims: [
      {
        sequence: 1,
        status: 'detected',
        referenceUnitPrice: money(10_000, 'EUR'),
        amount: money(1_000, 'EUR'),
        evidence: { observationId: seen(9_000, 1).id, unitPrice: money(9_000, 'EUR'), observedAt: day(1) },
        firstDropAt: day(1),
      },
    ],
  };
  const claims = detected.claims as LineWatchState['claims'];
  const filed: LineWatchState = { claims: claims.map((claim) => ({ ...claim, status: 'filed' as const })) };

  it('keeps watching inside the window, and closes when it ends', () => {
    assert.equal(watchCloseReason(lineOf(), policyOf(), day(29)), null);
    assert.equal(watchCloseReason(lineOf(), policyOf(), day(30)), 'window-ended');
    assert.equal(watchShouldClose(lineOf(), policyOf(), day(30)), true);
  });

  it('keeps watching a line that waits for delivery', () => {
    assert.equal(watchShouldClose(lineOf(), policyOf({ windowFrom: 'delivery' }), day(400)), false);
  });

  it('closes an excluded final-sale line at once', () => {
    assert.equal(watchCloseReason(lineOf({ finalSale: true }), policyOf({ excludeFinalSale: true }), day(0)), 'final-sale-excluded');
  });

  it('closes a one-adjustment line once its claim is filed, but not while it is detected or under unlimited', () => {
    assert.equal(watchCloseReason(lineOf(), policyOf({ adjustments: 'one' }), day(2), filed), 'adjustment-used');
    assert.equal(watchCloseReason(lineOf(), policyOf({ adjustments: 'one' }), day(2), detected), null);
    assert.equal(watchCloseReason(lineOf(), policyOf({ adjustments: 'unlimited' }), day(2), filed), null);
    assert.equal(watchCloseReason(lineOf(), policyOf(), day(2), EMPTY_WATCH_STATE), null);
  });
});

describe('validation', () => {
  it('refuses impossible policies and lines', () => {
    assert.throws(() => assertValidPolicy(policyOf({ windowDays: -1 })), RangeError);
    assert.throws(() => assertValidPolicy(policyOf({ windowDays: 1.5 })), RangeError);
    assert.throws(() => assertValidLine(lineOf({ quantity: 0 })), RangeError);
    assert.throws(() => assertValidLine(lineOf({ quantity: 1.5 })), RangeError);
    assert.throws(() => assertValidLine(lineOf({ unitPricePaid: { amountMinor: -1, currency: 'EUR' } })), RangeError);
    assert.throws(() => assertValidLine(lineOf({ deliveredAt: 'soon' })), RangeError);
    assert.doesNotThrow(() => assertValidLine(lineOf({ deliveredAt: day(3) })));
  });
});
