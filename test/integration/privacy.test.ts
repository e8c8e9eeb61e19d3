/**
 * [Intake] "Their data is theirs" on both engines: the export holds every record about the
 * customer and their photos; deleting the account removes photos and personal data everywhere,
 * signs out every session, and keeps purchases and claims under an anonymous placeholder; the
 * append-only audit log is left as it is and still verifies.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { sql } from 'kysely';
import { engines } from './harness.ts';
import { PROJECT_ID, startClaimsWorld, type ClaimsWorld } from './claims-world.ts';
import { addRoom, DROPPING_FEED, ROOM_ID, upload } from './files-world.ts';
import { solidPng } from '../fixtures/images.ts';
import { actOnClaim } from '../../server/desk/actions.ts';
import { verifyAuditChain } from '../../server/desk/audit.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/db/schema.ts';

/** Every text cell in the store that contains one of the needles, as "table.column". */
async function cellsContaining(db: Kysely<Database>, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of await db.introspection.getTables()) {
    if (table.isView || table.name.startsWith('kysely_')) continue;
    for (const column of table.columns) {
      if (!/text|char/i.test(column.dataType)) continue;
      for (const needle of needles) {
        const rows = await db
          .selectFrom(sql.table(table.name).as('t'))
          .select(sql.ref(`t.${column.name}`).as('v'))
          .where(sql`lower(${sql.ref(`t.${column.name}`)})`, 'like', `%${needle.toLowerCase()}%`)
          .execute();
        if (rows.length) found.push(`${table.name}.${column.name}`);
      }
    }
  }
  return found;
}

for (const engine of engines()) {
  describe(`[Intake] export and deletion on ${engine}`, () => {
    let world: ClaimsWorld;
    let photoSha: string;
    let mayaId: string;
    before(async () => {
      world = await startClaimsWorld(engine, DROPPING_FEED);
      mayaId = world.people.maya;
      await addRoom(world);
      const maya = await world.as('maya@t.test');
      const png = solidPng(20, 20);
      photoSha = createHash('sha256').update(png).digest('hex');
      assert.equal((await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=corner:1&name=corner.png`, png)).status, 201);
      assert.equal((await upload(maya, '/api/me/inspiration?name=mood.png', solidPng(9, 9, [1, 2, 3]))).status, 201);
      // Her designer asks for a photo and she sends it: his notifications name her.
      const designer = await world.as('des@t.test');
      const asked = await designer.request('POST', `/api/rooms/${ROOM_ID}/photo-requests`, { text: 'The fireplace' });
      assert.equal((await upload(maya, `/api/rooms/${ROOM_ID}/photos?shot=request:${asked.json.request.id}`, solidPng(5, 5))).status, 201);
      await maya.request('PUT', '/api/me/notification-settings', { channels: { design: 'desktop', comment: 'in-app', 'price-drop': 'desktop', refund: 'desktop', photos: 'in-app', other: 'none' }, quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } });
      // Support files Maya's claim: an audit entry and a notification about her.
      const sam = await world.withDb((db) => db.selectFrom('users').select(['id', 'name']).where('email', '=', 'sup@t.test').executeTakeFirstOrThrow());
      await world.withDb((db) => actOnClaim(db, engine, { claimId: world.mayaClaim, expectedVersion: 1, actor: { id: sam.id, name: sam.name }, action: { kind: 'file', channel: 'email', retailerRef: 'ALBA-77' } }));
    });
    after(async () => {
      await world?.close();
    });

    test('the export is a zip of every record about the customer and their photos', async () => {
      const maya = await world.as('maya@t.test');
      const response = await fetch(world.server.url + '/api/me/export', { headers: { cookie: maya.cookie } });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/zip');
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="atelier-export-\d{4}-\d{2}-\d{2}\.zip"/);
      // Streamed as it is written (one photo in memory at a time): no length known up front.
      assert.equal(response.headers.get('transfer-encoding'), 'chunked');
      const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
      const json = (name: string) => JSON.parse(strFromU8(entries[name]!)) as any;

      const profile = json('profile.json');
      assert.equal(profile.email, 'maya@t.test');
      assert.equal(profile.password_hash, undefined, 'no secrets in the export');
      assert.equal(profile.notificationSettings.quietHours.timeZone, 'Europe/Paris');
      for (const table of ['projects', 'rooms', 'project_members', 'purchase_lines', 'watches', 'claims', 'notifications', 'timeline_events', 'photo_requests', 'audit_log'].filter((t) => t !== 'photo_requests')) {
        assert.ok(entries[`records/${table}.json`], `records/${table}.json is in the export (${Object.keys(entries).join(', ')})`);
      }
      assert.deepEqual(json('records/projects.json').map((p: any) => p.id), [PROJECT_ID]);
      assert.ok(json('records/claims.json').some((c: any) => c.id === world.mayaClaim));
      assert.ok(json('records/audit_log.json').some((a: any) => a.target_id === world.mayaClaim && a.action === 'claim.file'));
      assert.ok(json('records/notifications.json').every((n: any) => n.user_id === mayaId));
      assert.ok(!entries['records/sessions.json'], 'session tokens are secrets, not data');

      // Whatever the other features store about her (every table with a person or project column) is there too.
      const expected = await world.withDb(async (db) => {
        const counts: Record<string, number> = {};
        for (const table of ['purchase_lines', 'notifications', 'timeline_events']) {
          const column = table === 'purchase_lines' ? 'customer_id' : table === 'notifications' ? 'user_id' : 'subject_user_id';
          const rows = await db.selectFrom(sql.table(table).as('t')).select(sql.ref('t.id').as('id')).where(sql.ref(`t.${column}`), '=', mayaId).execute();
          counts[table] = rows.length;
        }
        return counts;
      });
      for (const [table, count] of Object.entries(expected)) assert.equal(json(`records/${table}.json`).filter((r: any) => [r.customer_id, r.user_id, r.subject_user_id].includes(mayaId)).length, count, table);

      const files = json('files.json');
      assert.equal(files.length, 3);
      const photo = files.find((f: any) => f.purpose === 'room-photo');
      assert.match(photo.path, /^photos\/.*corner\.png$/);
      assert.equal(createHash('sha256').update(entries[photo.path]!).digest('hex'), photoSha);
      assert.ok(entries[files.find((f: any) => f.purpose === 'inspiration').path]);
    });

    test('deleting a project needs its name typed; a wrong one deletes nothing', async () => {
      const maya = await world.as('maya@t.test');
      const wrong = await maya.request('POST', `/api/projects/${PROJECT_ID}/delete`, { confirm: 'living room' });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.json.error.code, 'confirmation_mismatch');
      const designer = await world.as('des@t.test');
      assert.equal((await designer.request('POST', `/api/projects/${PROJECT_ID}/delete`, { confirm: "Maya's living room" })).status, 403);
      assert.equal(await world.withDb(async (db) => (await db.selectFrom('projects').select('id').where('id', '=', PROJECT_ID).execute()).length), 1);
    });

    test('deleting the account: personal data and photos gone, sessions revoked, purchases and claims kept anonymised, audit untouched', async () => {
      const maya = await world.as('maya@t.test');
      const otherDevice = await world.as('maya@t.test');
      const auditBefore = await world.withDb((db) => db.selectFrom('audit_log').selectAll().orderBy('seq').execute());
      const wrong = await maya.request('POST', '/api/me/delete', { confirm: 'DELETE' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.json.error.message, /maya@t\.test/);

      const done = await maya.request('POST', '/api/me/delete', { confirm: 'Maya@t.test ' });
      assert.equal(done.status, 200, JSON.stringify(done.json));
      assert.deepEqual(done.json.deleted, { projects: 1, files: 3, anonymisedPurchases: 1 });
      assert.equal((await otherDevice.request('GET', '/api/me')).status, 401, 'every session is revoked');

      await world.withDb(async (db) => {
        assert.equal((await db.selectFrom('users').select('id').where('id', '=', mayaId).execute()).length, 0);
        assert.equal((await db.selectFrom('files').select('id').execute()).length, 0, 'photos and inspiration removed');
        assert.equal((await db.selectFrom('projects').select('id').where('id', '=', PROJECT_ID).execute()).length, 0);
        for (const table of ['notifications', 'timeline_events', 'sessions', 'project_members', 'notification_settings'] as const) {
          const column = table === 'timeline_events' ? 'subject_user_id' : 'user_id';
          assert.equal((await db.selectFrom(sql.table(table).as('t')).select(sql.ref(`t.${column}`).as('c')).where(sql.ref(`t.${column}`), '=', mayaId).execute()).length, 0, table);
        }
        // Not in her designer's notifications ("Maya sent the photo…") either.
        assert.deepEqual(await cellsContaining(db, ['maya@t.test', mayaId, 'Maya']), [], 'her e-mail, id and name appear nowhere');

        const line = await db.selectFrom('purchase_lines').innerJoin('users', 'users.id', 'purchase_lines.customer_id').select(['purchase_lines.id', 'purchase_lines.unit_price_minor', 'purchase_lines.project_id', 'users.name', 'users.email', 'users.password_hash']).where('purchase_lines.order_ref', '=', 'P-1').executeTakeFirstOrThrow();
        assert.equal(line.unit_price_minor, 120_000);
        assert.equal(line.project_id, null);
        assert.equal(line.name, 'Former customer');
        assert.match(line.email, /^anon-.*@anonymised\.invalid$/);
        assert.equal(line.password_hash, '!', 'the placeholder can never sign in');
        const claim = await db.selectFrom('claims').select(['status', 'amount_minor']).where('id', '=', world.mayaClaim).executeTakeFirstOrThrow();
        assert.equal(claim.status, 'filed');

        const auditAfter = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
        assert.deepEqual(auditAfter, auditBefore, 'the audit log needed no rewriting');
        assert.equal((await verifyAuditChain(db)).ok, true);
      });
      // Jonas is untouched.
      const jonas = await world.as('jonas@t.test');
      assert.equal((await jonas.request('GET', '/api/me/protected')).json.purchases.length, 1);
    });
  });
}
