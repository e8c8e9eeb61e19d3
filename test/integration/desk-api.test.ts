/**
 * [Desk] API on both engines: the queue and who sees what, acting on a claim (support and admin
 * only), two agents on the same version (one wins, the other gets 409 and the current claim),
 * bad input that changes nothing and audits nothing, the customer being told, reports and CSV.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listClaims } from '../../server/watch/claims.ts';
import { engines } from './harness.ts';
import { startClaimsWorld, type ClaimsWorld } from './claims-world.ts';
import { importPricesText, importPurchasesText } from './watch-fixtures.ts';

for (const engine of engines()) {
  describe(`[Desk] API on ${engine}`, () => {
    let world: ClaimsWorld;
    let mayaClaim: string;
    let jonasClaim: string;
    const as = (email: string) => world.as(email);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

    before(async () => {
      world = await startClaimsWorld(engine, [{ source: 'test-feed.csv', rows: [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`, `Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`] }]);
      ({ mayaClaim, jonasClaim } = world);
    });
    after(async () => {
      await world?.close();
    });

    async function auditCount(): Promise<number> {
      return world.withDb(async (db) => (await db.selectFrom('audit_log').select('seq').execute()).length);
    }

    test('the queue: support sees every claim, most urgent first, with counts, waiting time and the filing target', async () => {
      const sup = await as('sup@t.test');
      const { status, json } = await sup.request('GET', '/api/desk/claims');
      assert.equal(status, 200, JSON.stringify(json));
      // Maya's sofa: 14-day window from purchase 4 days ago → 10 days left; Jonas's chair: 30 days from delivery 9 days ago → 21.
      assert.deepEqual(json.claims.map((c: any) => [c.customer.email, c.window.daysLeft, c.amount.amountMinor]), [
        ['maya@t.test', 10, 12_000],
        ['jonas@t.test', 21, 4_000],
      ]);
      assert.deepEqual(json.counts, { detected: 2, filed: 0, refunded: 0, denied: 0, expired: 0 });
      const [first] = json.claims;
      assert.equal(first.waiting.breached, false, 'detected moments ago: inside the 2-business-day target');
      assert.ok(first.waiting.targetAt > first.detectedAt);
      const filtered = await sup.request('GET', '/api/desk/claims?customer=jonas');
      assert.deepEqual(filtered.json.claims.map((c: any) => c.id), [jonasClaim]);
      const aged = await sup.request('GET', '/api/desk/claims?minAgeDays=3');
      assert.deepEqual(aged.json.claims, [], 'both claims were detected today');
      const bad = await sup.request('GET', '/api/desk/claims?status=won');
      assert.equal(bad.status, 400);
    });

    test('who sees which claims in the queue: a customer their own, a designer their projects’, support and admin all', async () => {
      const cases: [string, string[]][] = [
        ['maya@t.test', [mayaClaim]],
        ['jonas@t.test', [jonasClaim]],
        ['des@t.test', [mayaClaim]],
        ['other-des@t.test', []],
        ['sup@t.test', [mayaClaim, jonasClaim]],
        ['admin@t.test', [mayaClaim, jonasClaim]],
      ];
      for (const [email, expected] of cases) {
        const { json } = await (await as(email)).request('GET', '/api/desk/claims');
        assert.deepEqual(json.claims.map((c: any) => c.id).sort(), [...expected].sort(), email);
      }
    });

    test('one claim on one screen: a customer only their own, a designer read-only on their project, support with actions', async () => {
      const cases: [string, string, number, boolean | null][] = [
        ['maya@t.test', mayaClaim, 200, false],
        ['maya@t.test', jonasClaim, 403, null],
        ['des@t.test', mayaClaim, 200, false],
        ['des@t.test', jonasClaim, 403, null],
        ['other-des@t.test', mayaClaim, 403, null],
        ['sup@t.test', jonasClaim, 200, true],
        ['admin@t.test', mayaClaim, 200, true],
        ['sup@t.test', 'no-such-claim', 404, null],
      ];
      for (const [email, claim, expected, canAct] of cases) {
        const { status, json } = await (await as(email)).request('GET', `/api/desk/claims/${claim}`);
        assert.equal(status, expected, `${email} → ${claim}`);
        if (canAct !== null) assert.equal(json.canAct, canAct, email);
      }
      const { json } = await (await as('sup@t.test')).request('GET', `/api/desk/claims/${mayaClaim}`);
      assert.equal(json.evidence.line.retailer.policy.windowDays, 14);
      assert.ok(json.evidence.history.some((p: any) => p.isEvidence));
      assert.ok(json.timeline.some((e: any) => e.kind === 'claim.detected'));
      assert.ok(json.messages.some((m: any) => m.kind === 'claim.detected'));
      assert.deepEqual(json.audit, []);
    });

    test('only support and admin act: customers and designers are refused, nothing changes', async () => {
      for (const email of ['maya@t.test', 'des@t.test', 'jonas@t.test']) {
        const { status } = await (await as(email)).request('POST', `/api/desk/claims/${mayaClaim}/file`, { expectedVersion: 1, retailerRef: 'X-1' });
        assert.equal(status, 403, email);
      }
      for (const path of ['/api/desk/reports', '/api/desk/claims.csv']) {
        assert.equal((await (await as('maya@t.test')).request('GET', path)).status, 403, path);
      }
      assert.equal(await auditCount(), 0);
    });

    test('two agents file the same claim at the same version: one wins, the other gets 409 with the current claim', async () => {
      const [sam, sol] = await Promise.all([as('sup@t.test'), as('sup2@t.test')]);
      const version = (await sam.request('GET', `/api/desk/claims/${mayaClaim}`)).json.claim.version;
      const results = await Promise.all([
        sam.request('POST', `/api/desk/claims/${mayaClaim}/file`, { expectedVersion: version, channel: 'portal', retailerRef: 'ALBA-1' }),
        sol.request('POST', `/api/desk/claims/${mayaClaim}/file`, { expectedVersion: version, channel: 'email', retailerRef: 'ALBA-2' }),
      ]);
      const statuses = results.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 409], JSON.stringify(results.map((r) => r.json)));
      const won = results.find((r) => r.status === 200)!.json.claim;
      const lost = results.find((r) => r.status === 409)!.json.error;
      assert.equal(lost.code, 'conflict');
      assert.match(lost.message, /someone else just changed this claim/i);
      assert.equal(lost.current.version, version + 1);
      assert.equal(lost.current.status, 'filed');
      assert.equal(lost.current.retailerRef, won.retailerRef, 'the winner’s reference stands; nothing was overwritten');
      assert.equal(await auditCount(), 1);
    });

    test('bad input: a clear error, nothing changed, nothing audited', async () => {
      const sup = await as('sup@t.test');
      const before = (await sup.request('GET', `/api/desk/claims/${mayaClaim}`)).json.claim;
      const audited = await auditCount();
      const cases: [string, unknown, number, RegExp][] = [
        ['refund', { expectedVersion: before.version, amountMinor: 12_001 }, 400, /cannot be more than the \$120\.00 claimed/],
        ['refund', { expectedVersion: before.version, amountMinor: -500 }, 400, /more than zero/],
        ['refund', { expectedVersion: before.version, amountMinor: 0 }, 400, /more than zero/],
        ['refund', { expectedVersion: before.version, amountMinor: 10.5 }, 400, /whole cents/],
        ['refund', { expectedVersion: before.version - 1, amountMinor: 100 }, 409, /someone else/i],
        ['file', { expectedVersion: before.version, retailerRef: 'AGAIN' }, 422, /already filed/],
        ['reopen', { expectedVersion: before.version }, 422, /Only a denied claim/],
        ['deny', { expectedVersion: before.version, reason: '  ' }, 400, /say why/],
        ['file', { expectedVersion: before.version }, 400, /retailerRef/],
      ];
      for (const [verb, body, status, message] of cases) {
        const result = await sup.request('POST', `/api/desk/claims/${mayaClaim}/${verb}`, body);
        assert.equal(result.status, status, `${verb} ${JSON.stringify(body)}: ${JSON.stringify(result.json)}`);
        assert.match(result.json.error.message, message);
      }
      const unknown = await sup.request('POST', '/api/desk/claims/no-such-claim/refund', { expectedVersion: 1, amountMinor: 100 });
      assert.equal(unknown.status, 404);
      const detected = await sup.request('POST', `/api/desk/claims/${jonasClaim}/refund`, { expectedVersion: 1, amountMinor: 100 });
      assert.equal(detected.status, 422, 'a claim not yet filed cannot be refunded');
      assert.match(detected.json.error.message, /not filed yet/);
      const after = (await sup.request('GET', `/api/desk/claims/${mayaClaim}`)).json.claim;
      assert.deepEqual(after, before);
      assert.equal(await auditCount(), audited);
    });

    test('a partial refund closes the claim, and the customer is told in plain words', async () => {
      const sup = await as('sup@t.test');
      const version = (await sup.request('GET', `/api/desk/claims/${mayaClaim}`)).json.claim.version;
      const { status, json } = await sup.request('POST', `/api/desk/claims/${mayaClaim}/refund`, { expectedVersion: version, amountMinor: 10_000, refundedAt: new Date().toISOString().slice(0, 10) });
      assert.equal(status, 200, JSON.stringify(json));
      assert.equal(json.claim.status, 'refunded');
      assert.deepEqual(json.claim.refundedAmount, { amountMinor: 10_000, currency: 'USD' });
      const again = await sup.request('POST', `/api/desk/claims/${mayaClaim}/refund`, { expectedVersion: json.claim.version, amountMinor: 100 });
      assert.equal(again.status, 422);
      assert.match(again.json.error.message, /already refunded/);

      const maya = await as('maya@t.test');
      const mine = (await maya.request('GET', '/api/me/protected')).json;
      assert.deepEqual(mine.purchases[0].claims.map((c: any) => [c.status, c.refundedAmount]), [['refunded', { amountMinor: 10_000, currency: 'USD' }]], 'My refunds shows what came back');
      const titles = (await maya.request('GET', '/api/notifications')).json.notifications.map((n: any) => n.title);
      assert.ok(titles.includes('Refunded $100.00 to your card'), titles.join(' | '));
      assert.ok(titles.some((t: string) => /^Filed with Alba Home today; they usually answer within 5 days$/.test(t)), titles.join(' | '));
      const detail = (await maya.request('GET', `/api/desk/claims/${mayaClaim}`)).json;
      assert.ok(detail.timeline.some((e: any) => e.kind === 'claim.refunded' && /refunded \$100\.00 of \$120\.00 claimed/.test(e.text)));
      assert.deepEqual(detail.audit.map((e: any) => [e.action, e.before.status, e.after.status]), [
        ['claim.file', 'detected', 'filed'],
        ['claim.refund', 'filed', 'refunded'],
      ]);
      assert.equal(detail.audit[1].actor.name, 'Sam Support');
    });

    test('deny, then reopen a denied claim', async () => {
      const admin = await as('admin@t.test');
      let claim = (await admin.request('POST', `/api/desk/claims/${jonasClaim}/file`, { expectedVersion: 1, retailerRef: 'NH-77' })).json.claim;
      claim = (await admin.request('POST', `/api/desk/claims/${jonasClaim}/deny`, { expectedVersion: claim.version, reason: 'Price match excludes outlet prices' })).json.claim;
      assert.equal(claim.status, 'denied');
      assert.equal(claim.denialReason, 'Price match excludes outlet prices');
      const reopened = await admin.request('POST', `/api/desk/claims/${jonasClaim}/reopen`, { expectedVersion: claim.version });
      assert.equal(reopened.status, 200, JSON.stringify(reopened.json));
      assert.equal(reopened.json.claim.status, 'detected', 'the line’s latest claim goes back to detected');
      claim = reopened.json.claim;
      claim = (await admin.request('POST', `/api/desk/claims/${jonasClaim}/file`, { expectedVersion: claim.version, retailerRef: 'NH-78' })).json.claim;
      const expired = await admin.request('POST', `/api/desk/claims/${jonasClaim}/expire`, { expectedVersion: claim.version });
      assert.equal(expired.status, 200, JSON.stringify(expired.json));
      assert.equal(expired.json.claim.status, 'expired');
      const again = await admin.request('POST', `/api/desk/claims/${jonasClaim}/reopen`, { expectedVersion: expired.json.claim.version });
      assert.equal(again.status, 422, 'an expired claim stays closed');
    });

    test('a reopened claim grows from a lower price seen while it was denied', async () => {
      const lampClaim = await world.withDb(async (db) => {
        await importPurchasesText(db, [`jonas@t.test,Alba Home,LAMP-1,1,99.00,USD,${daysAgo(3)},,P-3`], 'lamp.csv');
        await importPricesText(db, [`Alba Home,LAMP-1,95.00,USD,${daysAgo(2)}`], 'lamp-1.csv');
        return (await listClaims(db, { customerEmail: 'jonas@t.test' })).find((c) => c.product.sku === 'LAMP-1')!.id;
      });
      const sup = await as('sup@t.test');
      let claim = (await sup.request('POST', `/api/desk/claims/${lampClaim}/file`, { expectedVersion: 1, retailerRef: 'AL-3' })).json.claim;
      claim = (await sup.request('POST', `/api/desk/claims/${lampClaim}/deny`, { expectedVersion: claim.version, reason: 'Sent too late' })).json.claim;
      await world.withDb((db) => importPricesText(db, [`Alba Home,LAMP-1,90.00,USD,${daysAgo(1)}`], 'lamp-2.csv'));
      const reopened = await sup.request('POST', `/api/desk/claims/${lampClaim}/reopen`, { expectedVersion: claim.version });
      assert.equal(reopened.status, 200, JSON.stringify(reopened.json));
      assert.equal(reopened.json.claim.status, 'detected');
      assert.deepEqual(reopened.json.claim.amount, { amountMinor: 900, currency: 'USD' }, 'grown from $4.00 to $9.00 by the drop seen while denied');
      // Leave the lamp out of the reports below: record the retailer's answer (filed, then refunded in full).
      const filed = (await sup.request('POST', `/api/desk/claims/${lampClaim}/file`, { expectedVersion: reopened.json.claim.version, retailerRef: 'AL-4' })).json.claim;
      await sup.request('POST', `/api/desk/claims/${lampClaim}/refund`, { expectedVersion: filed.version, amountMinor: 900 });
    });

    test('reports and CSV exports', async () => {
      const sup = await as('sup@t.test');
      const { status, json } = await sup.request('GET', '/api/desk/reports');
      assert.equal(status, 200, JSON.stringify(json));
      assert.equal(json.recovered.length, 1);
      assert.deepEqual(json.recovered[0].amount, { amountMinor: 10_900, currency: 'USD' });
      assert.equal(json.recovered[0].claims, 2);
      assert.equal(json.recovered[0].retailer.name, 'Alba Home');
      assert.deepEqual(json.outcomes.map((o: any) => [o.outcome, o.count]), [['refunded', 1], ['partial', 1], ['denied', 0], ['expired', 1]]);
      assert.equal(typeof json.medianDaysToRefund, 'number');
      const csv = await fetch(`${world.server.url}/api/desk/claims.csv`, { headers: { cookie: sup.cookie } });
      assert.equal(csv.status, 200);
      assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
      const lines = (await csv.text()).trim().split('\r\n');
      assert.match(lines[0]!, /^claim_id,status,customer_email/);
      assert.equal(lines.length, 4);
      assert.equal(json.decided, 3);
      const report = await fetch(`${world.server.url}/api/desk/reports.csv`, { headers: { cookie: sup.cookie } });
      assert.match(await report.text(), /recovered,Alba Home,\d{4}-\d{2},109\.00,USD,2/);
    });
  });
}
