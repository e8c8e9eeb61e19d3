import { parseRoute, routeHref } from '../../app/routes.ts';
import { assert, describe, it } from '../../testing/node-test.ts';
import { protectionTotals, windowProgress } from './totals.ts';
import type { Claim, ProtectedPurchase } from './types.ts';

const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

function claim(status: Claim['status'], amountMinor: number, currency = 'USD'): Claim {
  const at = '2026-01-02T00:00:00.000Z';
  return {
    id: `c-${status}-${amountMinor}`,
    lineId: 'l',
    sequence: 1,
    status,
    referenceUnitPrice: usd(100_000),
    amount: { amountMinor, currency },
    evidence: { observationId: 'o', unitPrice: usd(90_000), observedAt: at },
    firstDropAt: at,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

function purchase(watch: 'open' | 'closed', claims: Claim[]): ProtectedPurchase {
  return {
    id: 'l',
    customerId: 'u',
    projectId: null,
    product: { id: 'p', name: 'Alba sofa', sku: 'A1', imageUrl: null },
    retailer: { id: 'r', name: 'R', policy: { windowDays: 30, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true } },
    quantity: 1,
    unitPricePaid: usd(100_000),
    purchasedAt: '2026-01-01T00:00:00.000Z',
    deliveredAt: null,
    orderRef: 'O',
    finalSale: false,
    watch: { status: watch, closedReason: null, closedAt: null, windowStart: null, windowEnd: null, daysLeft: null },
    claims,
  };
}

describe('protection totals', () => {
  it('claims under way and refunded count as claimed; denied and expired do not; refunded is its own figure', () => {
    const totals = protectionTotals([
      purchase('open', [claim('detected', 12_000), claim('denied', 5_000)]),
      purchase('closed', [claim('refunded', 3_000), claim('expired', 1_000), claim('filed', 2_000, 'EUR')]),
    ]);
    assert.deepEqual(totals.claimed, [{ currency: 'EUR', amountMinor: 2_000 }, usd(15_000)]);
    assert.deepEqual(totals.refunded, [usd(3_000)]);
    assert.equal(totals.watching, 1);
  });

  it('window progress runs 0…1 and is null without a window', () => {
    const start = '2026-01-01T00:00:00.000Z';
    const end = '2026-01-11T00:00:00.000Z';
    assert.equal(windowProgress(null, end, 0), null);
    assert.equal(windowProgress(start, end, Date.parse('2026-01-06T00:00:00.000Z')), 0.5);
    assert.equal(windowProgress(start, end, Date.parse('2027-01-01T00:00:00.000Z')), 1);
    assert.equal(windowProgress(start, end, Date.parse('2025-01-01T00:00:00.000Z')), 0);
  });

  it('Protected purchases and a claim have routes of their own; notification links land on them', () => {
    assert.deepEqual(parseRoute('#/protected'), { name: 'protected' });
    assert.deepEqual(parseRoute('#/claims/01a2'), { name: 'claim', claimId: '01a2' });
    assert.deepEqual(parseRoute(routeHref({ name: 'claim', claimId: 'a/b' })), { name: 'claim', claimId: 'a/b' });
    assert.deepEqual(parseRoute(`#${'/claims/xyz'}`), { name: 'claim', claimId: 'xyz' });
  });
});
