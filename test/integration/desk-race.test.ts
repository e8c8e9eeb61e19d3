/**
 * [Desk] Many agents, one claim, one version, at the same instant — on both engines: exactly one
 * action lands, every other gets 409 with the claim as the winner left it, one audit entry.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../server/db/database.ts';
import { actOnClaim } from '../../server/desk/actions.ts';
import { verifyAuditChain } from '../../server/desk/audit.ts';
import { HttpError } from '../../server/http/errors.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { atelier, importPricesText, importPurchasesText, storeArgs, watchWorld } from './watch-fixtures.ts';
import { createUser } from '../../server/auth/users.ts';

for (const engine of engines()) {
  describe(`[Desk] racing agents on ${engine}`, () => {
    let testStore: TestStore;
    let store: Store;
    let claimId: string;

    before(async () => {
      testStore = await createTestStore(engine);
      store = await openStore(testStore.location);
      await watchWorld(store.db);
      const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      await importPurchasesText(store.db, [`maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,${daysAgo(4)},,P-1`]);
      await importPricesText(store.db, [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`]);
      claimId = (await listClaims(store.db))[0]!.id;
    });
    after(async () => {
      await store?.close();
      await testStore?.dispose();
    });

    test('eight agents file at version 1: one wins, seven get 409 with the current claim', async () => {
      const agents = Array.from({ length: 8 }, (_, i) => ({ id: null, name: `Agent ${i + 1}` }));
      const results = await Promise.allSettled(
        agents.map((actor, i) => actOnClaim(store.db, store.engine, { claimId, expectedVersion: 1, actor, action: { kind: 'file', channel: 'email', retailerRef: `REF-${i + 1}` } })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(won.length, 1, JSON.stringify(lost.map((r) => String(r.reason))));
      for (const { reason } of lost) {
        assert.ok(reason instanceof HttpError, String(reason));
        assert.equal(reason.status, 409, reason.message);
        assert.equal((reason.current as { version: number }).version, 2);
        assert.equal((reason.current as { retailerRef: string }).retailerRef, won[0]!.value.retailerRef);
      }
      const audit = await store.db.selectFrom('audit_log').selectAll().execute();
      assert.equal(audit.length, 1);
      assert.equal((await verifyAuditChain(store.db)).ok, true);
    });

    test('four CLI processes file the same claim at once: one lands, the others are told it changed', async () => {
      await createUser(store.db, { email: 'admin@t.test', name: 'Ada Admin', role: 'admin', password: 'admin-password' });
      const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      await importPurchasesText(store.db, [`jonas@t.test,Nordhus,CHAIR-2,2,450.00,EUR,${daysAgo(10)},${daysAgo(9)},P-2`], 'chair.csv');
      await importPricesText(store.db, [`Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`], 'chair-prices.csv');
      const chair = (await listClaims(store.db, { customerEmail: 'jonas@t.test' }))[0]!.id;
      const results = await Promise.all([1, 2, 3, 4].map((i) => atelier(['claims', 'file', chair, '--ref', `CLI-${i}`, '--expect-version', '1', ...storeArgs(testStore.location)])));
      assert.deepEqual(results.map((r) => r.code).sort(), [0, 1, 1, 1], results.map((r) => r.stderr).join(''));
      for (const r of results.filter((r) => r.code === 1)) assert.match(r.stderr, /someone else just changed this claim/i);
      assert.equal((await verifyAuditChain(store.db)).ok, true);
      assert.equal((await store.db.selectFrom('audit_log').selectAll().where('target_id', '=', chair).execute()).length, 1);
    });
  });
}
