/**
 * [Desk] The audit log through the CLI, on both engines: support's actions as `atelier claims
 * file|refund|deny|export`, each audited under the person named by --as; the database refuses
 * UPDATE and DELETE of audit entries; an entry edited behind the trigger's back is named by
 * `atelier audit verify`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createUser } from '../../server/auth/users.ts';
import { openStore } from '../../server/db/database.ts';
import { verifyAuditChain } from '../../server/desk/audit.ts';
import { listClaims } from '../../server/watch/claims.ts';
import { createTestStore, engines, type TestStore } from './harness.ts';
import { atelier, atelierJson, importPricesText, importPurchasesText, storeArgs, watchWorld } from './watch-fixtures.ts';

for (const engine of engines()) {
  describe(`[Desk] audit and CLI on ${engine}`, () => {
    let store: TestStore;
    let s: string[];
    let sofaClaim: string;
    let chairClaim: string;

    before(async () => {
      store = await createTestStore(engine);
      s = storeArgs(store.location);
      const { db, close } = await openStore(store.location);
      try {
        await watchWorld(db);
        await createUser(db, { email: 'admin@t.test', name: 'Ada Admin', role: 'admin', password: 'admin-password' });
        await createUser(db, { email: 'sup@t.test', name: 'Sam Support', role: 'support', password: 'support-password' });
        const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
        await importPurchasesText(db, [`maya@t.test,Alba Home,SOFA-1,1,1200.00,USD,${daysAgo(4)},,P-1`, `jonas@t.test,Nordhus,CHAIR-2,2,450.00,EUR,${daysAgo(10)},${daysAgo(9)},P-2`]);
        await importPricesText(db, [`Alba Home,SOFA-1,1080.00,USD,${daysAgo(2)}`, `Nordhus,CHAIR-2,430.00,EUR,${daysAgo(5)}`]);
        const claims = await listClaims(db);
        sofaClaim = claims.find((c) => c.product.sku === 'SOFA-1')!.id;
        chairClaim = claims.find((c) => c.product.sku === 'CHAIR-2')!.id;
      } finally {
        await close();
      }
    });
    after(async () => {
      await store?.dispose();
    });

    test('file, refund and deny from the command line, each audited as the named person', async () => {
      const filed = await atelierJson(['claims', 'file', sofaClaim, '--ref', 'ALBA-9', '--channel', 'portal', '--as', 'sup@t.test', ...s]);
      assert.equal(filed.claim.status, 'filed');
      assert.equal(filed.claim.retailerRef, 'ALBA-9');
      const refunded = await atelierJson(['claims', 'refund', sofaClaim, '--amount', '95.50', '--date', '2026-01-05', ...s]);
      assert.deepEqual(refunded.claim.refundedAmount, { amountMinor: 9_550, currency: 'USD' });
      assert.equal(refunded.claim.refundedAt, '2026-01-05T12:00:00.000Z');
      await atelierJson(['claims', 'file', chairClaim, '--ref', 'NH-1', ...s]);
      const denied = await atelierJson(['claims', 'deny', chairClaim, '--reason', 'Outlet prices excluded', ...s]);
      assert.equal(denied.claim.status, 'denied');

      const { db, close } = await openStore(store.location);
      try {
        const rows = await db.selectFrom('audit_log').select(['seq', 'actor_name', 'action', 'target_id']).orderBy('seq').execute();
        assert.deepEqual(rows.map((r) => [Number(r.seq), r.actor_name, r.action, r.target_id]), [
          [1, 'Sam Support', 'claim.file', sofaClaim],
          [2, 'Ada Admin', 'claim.refund', sofaClaim],
          [3, 'Ada Admin', 'claim.file', chairClaim],
          [4, 'Ada Admin', 'claim.deny', chairClaim],
        ]);
        assert.deepEqual(await verifyAuditChain(db), { ok: true, entries: 4, lastHash: (await db.selectFrom('audit_log').select('hash').where('seq', '=', 4).executeTakeFirstOrThrow()).hash });
      } finally {
        await close();
      }
    });

    test('bad input on the command line: refused with a message, nothing audited', async () => {
      const cases: [string[], number, RegExp][] = [
        [['claims', 'refund', sofaClaim, '--amount', '10.00'], 1, /already refunded/],
        [['claims', 'expire', sofaClaim], 1, /already refunded; it cannot be marked expired/],
        [['claims', 'refund', chairClaim, '--amount=-5'], 2, /more than zero/],
        [['claims', 'refund', chairClaim, '--amount', 'ten'], 2, /is not a number/],
        [['claims', 'file', 'no-such-claim', '--ref', 'X'], 2, /No claim "no-such-claim"/],
        [['claims', 'file', chairClaim], 2, /needs --ref/],
        [['claims', 'deny', chairClaim, '--reason', 'x', '--as', 'maya@t.test'], 2, /maya@t\.test is a customer; only support and admin act on claims/],
        [['claims', 'file', chairClaim, '--ref', 'X', '--expect-version', '1'], 1, /someone else just changed this claim/i],
        [['claims', 'export', '--format', 'xml'], 2, /--format must be csv or json/],
      ];
      for (const [args, code, message] of cases) {
        const result = await atelier([...args, ...s]);
        assert.equal(result.code, code, `${args.join(' ')}: ${result.stderr}`);
        assert.match(result.stderr, message, args.join(' '));
      }
      const verify = await atelierJson(['audit', 'verify', ...s]);
      assert.equal(verify.entries, 4);
    });

    test('claims export as CSV and JSON', async () => {
      const csv = await atelier(['claims', 'export', '--status', 'refunded', ...s]);
      assert.equal(csv.code, 0, csv.stderr);
      const lines = csv.stdout.trim().split('\r\n');
      assert.equal(lines.length, 2);
      assert.match(lines[1]!, new RegExp(`^${sofaClaim},refunded,maya@t\\.test,Maya,Alba Home,SOFA-1,Alba sofa,P-1,1,1200\\.00,USD,120\\.00,95\\.50,`));
      const json = await atelierJson(['claims', 'export', ...s]);
      assert.deepEqual(json.claims.map((c: { status: string }) => c.status).sort(), ['denied', 'refunded']);
    });

    test('the database refuses UPDATE and DELETE of audit entries', async () => {
      const { db, close } = await openStore(store.location);
      try {
        await assert.rejects(db.updateTable('audit_log').set({ actor_name: 'Mallory' }).where('seq', '=', 1).execute(), /append-only/);
        await assert.rejects(db.deleteFrom('audit_log').where('seq', '=', 2).execute(), /append-only/);
        await assert.rejects(db.deleteFrom('audit_log').execute(), /append-only/);
        assert.equal((await db.selectFrom('audit_log').select('seq').execute()).length, 4);
      } finally {
        await close();
      }
    });

    test('an entry edited behind the trigger’s back is named by `atelier audit verify`', async () => {
      assert.equal((await atelier(['audit', 'verify', ...s])).code, 0);
      const { db, close } = await openStore(store.location);
      try {
        if (engine === 'sqlite') {
          await sql`drop trigger audit_log_no_update`.execute(db);
          await sql`update audit_log set after = replace(after, '9550', '12000') where seq = 2`.execute(db);
          await sql
            .raw(`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit entries are append-only'); end`)
            .execute(db);
        } else {
          await sql`drop trigger audit_log_append_only on audit_log`.execute(db);
          await sql`update audit_log set after = replace(after, '9550', '12000') where seq = 2`.execute(db);
          await sql`create trigger audit_log_append_only before update or delete on audit_log for each row execute function audit_log_append_only()`.execute(db);
        }
      } finally {
        await close();
      }
      const json = await atelier(['audit', 'verify', '--json', ...s]);
      assert.equal(json.code, 1, json.stderr);
      const report = JSON.parse(json.stdout);
      assert.equal(report.ok, false);
      assert.equal(report.brokenAt, 2);
      assert.equal(report.entries, 1);
      const text = await atelier(['audit', 'verify', ...s]);
      assert.equal(text.code, 1);
      assert.match(text.stdout, /broken at entry 2: entry 2 was changed after it was written/);
    });
  });
}
