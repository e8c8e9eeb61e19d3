/**
 * [Watch] API on both engines: the customer's protected purchases, a claim's evidence (each
 * customer only their own — including a purchase outside any project; designers on their
 * projects; support everywhere), and notifications for the signed-in person.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from './harness.ts';
import { daysAgo, PROJECT_ID, startClaimsWorld, type ClaimsWorld } from './claims-world.ts';

for (const engine of engines()) {
  describe(`[Watch] API on ${engine}`, () => {
    let world: ClaimsWorld;
    let mayaClaim: string;
    let jonasClaim: string;
    const projectId = PROJECT_ID;
    const as = (email: string) => world.as(email);

    before(async () => {
      world = await startClaimsWorld(engine, [
        { source: 'monday.csv', rows: [`Alba Home,SOFA-1,1190.00,USD,${daysAgo(3)}`, `Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`] },
        { source: 'tuesday.csv', rows: [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`, `Alba Home,SOFA-1,1150.00,USD,${daysAgo(1)}`] },
      ]);
      ({ mayaClaim, jonasClaim } = world);
    });
    after(async () => {
      await world?.close();
    });

    test('GET /api/me/protected: the customer’s purchases with watch, days left and claims', async () => {
      const maya = await as('maya@t.test');
      const { status, json } = await maya.request('GET', '/api/me/protected');
      assert.equal(status, 200, JSON.stringify(json));
      assert.equal(json.purchases.length, 1);
      const [sofa] = json.purchases;
      assert.equal(sofa.product.name, 'Alba sofa');
      assert.equal(sofa.projectId, projectId, 'a customer with one project: the purchase belongs to it');
      assert.equal(sofa.watch.status, 'open');
      assert.equal(sofa.watch.daysLeft, 10);
      assert.deepEqual(sofa.retailer.policy, { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true });
      assert.deepEqual(sofa.claims.map((c: any) => [c.status, c.amount.amountMinor]), [['detected', 12_000]]);
      assert.deepEqual(json.claimed, [{ amountMinor: 12_000, currency: 'USD' }]);
      const jonas = await as('jonas@t.test');
      const theirs = (await jonas.request('GET', '/api/me/protected')).json;
      assert.deepEqual(theirs.purchases.map((p: any) => [p.product.sku, p.projectId, p.watch.daysLeft]), [['CHAIR-2', null, 21]]);
    });

    test('GET /api/claims/:id/evidence: the price history with the paid price and the drop marked', async () => {
      const maya = await as('maya@t.test');
      const { status, json } = await maya.request('GET', `/api/claims/${mayaClaim}/evidence`);
      assert.equal(status, 200, JSON.stringify(json));
      assert.deepEqual(json.paidUnitPrice, { amountMinor: 120_000, currency: 'USD' });
      assert.deepEqual(json.drop.perUnit, { amountMinor: 12_000, currency: 'USD' });
      const marks = json.history.map((p: any) => [p.unitPrice.amountMinor, p.inWindow, p.belowReference, p.isEvidence, p.source]);
      assert.deepEqual(marks, [
        [119_000, true, true, false, 'monday.csv'],
        [108_000, true, true, true, 'tuesday.csv'],
        [115_000, true, true, false, 'tuesday.csv'],
      ]);
    });

    test('who may see a claim: its customer (even without a project), the project’s designer, support — nobody else', async () => {
      const cases: [string, string, number][] = [
        ['maya@t.test', mayaClaim, 200],
        ['maya@t.test', jonasClaim, 403],
        ['jonas@t.test', jonasClaim, 200],
        ['jonas@t.test', mayaClaim, 403],
        ['des@t.test', mayaClaim, 200],
        ['des@t.test', jonasClaim, 403],
        ['other-des@t.test', mayaClaim, 403],
        ['sup@t.test', jonasClaim, 200],
        ['sup@t.test', 'no-such-claim', 404],
      ];
      for (const [email, claim, expected] of cases) {
        const { status } = await (await as(email)).request('GET', `/api/claims/${claim}/evidence`);
        assert.equal(status, expected, `${email} → ${claim === mayaClaim ? 'Maya' : claim === jonasClaim ? 'Jonas' : claim}`);
      }
    });

    test('notifications: the signed-in person’s own, newest first; marking one read', async () => {
      const maya = await as('maya@t.test');
      const listed = (await maya.request('GET', '/api/notifications')).json;
      assert.equal(listed.unreadCount, 2);
      assert.deepEqual(
        listed.notifications.map((n: any) => n.kind).sort(),
        ['claim.detected', 'claim.grown'],
      );
      const detected = listed.notifications.find((n: any) => n.kind === 'claim.detected');
      assert.match(detected.title, /^The Alba sofa dropped by \$10\.00 — we’re claiming it for you$/);
      assert.equal(detected.data.claimId, mayaClaim);
      const read = await maya.request('POST', `/api/notifications/${detected.id}/read`);
      assert.equal(read.status, 200);
      assert.ok(read.json.notification.readAt);
      assert.equal((await maya.request('GET', '/api/notifications?unread=true')).json.notifications.length, 1);

      const jonas = await as('jonas@t.test');
      const stranger = await jonas.request('POST', `/api/notifications/${detected.id}/read`);
      assert.equal(stranger.status, 404);
    });
  });
}
