/**
 * [Watch] API on both engines: the customer's protected purchases, a claim's evidence (each
 * customer only their own — including a purchase outside any project; designers on their
 * projects; support everywhere), and notifications for the signed-in person.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createUser } from '../../server/auth/users.ts';
import { openStore } from '../../server/db/database.ts';
import type { StudioServer } from '../../server/start.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';
import { importPricesText, importPurchasesText, watchWorld } from './watch-fixtures.ts';

for (const engine of engines()) {
  describe(`[Watch] API on ${engine}`, () => {
    let store: TestStore;
    let server: StudioServer;
    let mayaClaim: string;
    let jonasClaim: string;
    let projectId: string;

    before(async () => {
      store = await createTestStore(engine);
      const { db, close } = await openStore(store.location);
      try {
        const people = await watchWorld(db);
        await createUser(db, { email: 'sup@t.test', name: 'Sup', role: 'support', password: 'support-password' });
        await createUser(db, { email: 'other-des@t.test', name: 'Other', role: 'designer', password: 'designer-password-2' });
        projectId = 'project-maya';
        const now = new Date().toISOString();
        await db.insertInto('projects').values({ id: projectId, name: "Maya's living room", stage: 'protected', customer_id: people.maya, budget_minor: null, budget_currency: null, created_at: now, updated_at: now }).execute();
        await db
          .insertInto('project_members')
          .values([
            { project_id: projectId, user_id: people.maya, role: 'customer', added_at: now },
            { project_id: projectId, user_id: people.designer, role: 'designer', added_at: now },
          ])
          .execute();
        const today = new Date();
        const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000).toISOString();
        await importPurchasesText(db, [`maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,${daysAgo(4)},,P-1`, `jonas@t.test,Nordhus,CHAIR-2,2,450.00,EUR,${daysAgo(10)},${daysAgo(9)},P-2`]);
        await importPricesText(db, [`Alba Home,SOFA-1,1190.00,USD,${daysAgo(3)}`, `Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`], 'monday.csv');
        await importPricesText(db, [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`, `Alba Home,SOFA-1,1150.00,USD,${daysAgo(1)}`], 'tuesday.csv');
        const claims = await listClaims(db);
        mayaClaim = claims.find((c) => c.customer.email === 'maya@t.test')!.id;
        jonasClaim = claims.find((c) => c.customer.email === 'jonas@t.test')!.id;
      } finally {
        await close();
      }
      server = await startTestServer(store);
    });
    after(async () => {
      await server?.close();
      await store?.dispose();
    });

    async function as(email: string, password: string): Promise<ApiSession> {
      const session = new ApiSession(server.url);
      await session.signIn(email, password);
      return session;
    }

    test('GET /api/me/protected: the customer’s purchases with watch, days left and claims', async () => {
      const maya = await as('maya@t.test', 'customer-password-m');
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
      const jonas = await as('jonas@t.test', 'customer-password-j');
      const theirs = (await jonas.request('GET', '/api/me/protected')).json;
      assert.deepEqual(theirs.purchases.map((p: any) => [p.product.sku, p.projectId, p.watch.daysLeft]), [['CHAIR-2', null, 21]]);
    });

    test('GET /api/claims/:id/evidence: the price history with the paid price and the drop marked', async () => {
      const maya = await as('maya@t.test', 'customer-password-m');
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
      const cases: [string, string, string, number][] = [
        ['maya@t.test', 'customer-password-m', mayaClaim, 200],
        ['maya@t.test', 'customer-password-m', jonasClaim, 403],
        ['jonas@t.test', 'customer-password-j', jonasClaim, 200],
        ['jonas@t.test', 'customer-password-j', mayaClaim, 403],
        ['des@t.test', 'designer-password', mayaClaim, 200],
        ['des@t.test', 'designer-password', jonasClaim, 403],
        ['other-des@t.test', 'designer-password-2', mayaClaim, 403],
        ['sup@t.test', 'support-password', jonasClaim, 200],
        ['sup@t.test', 'support-password', 'no-such-claim', 404],
      ];
      for (const [email, password, claim, expected] of cases) {
        const { status } = await (await as(email, password)).request('GET', `/api/claims/${claim}/evidence`);
        assert.equal(status, expected, `${email} → ${claim === mayaClaim ? 'Maya' : claim === jonasClaim ? 'Jonas' : claim}`);
      }
    });

    test('notifications: the signed-in person’s own, newest first; marking one read', async () => {
      const maya = await as('maya@t.test', 'customer-password-m');
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

      const jonas = await as('jonas@t.test', 'customer-password-j');
      const stranger = await jonas.request('POST', `/api/notifications/${detected.id}/read`);
      assert.equal(stranger.status, 404);
    });
  });
}
