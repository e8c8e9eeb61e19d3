import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../server/db/database.ts';
import { createUser } from '../../server/auth/users.ts';
import type { StudioServer } from '../../server/start.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const PUBLIC_GET = new Set(['/api/health', '/api/openapi.json']);

async function seedPeople(store: TestStore) {
  const { db, close } = await openStore(store.location);
  try {
    await createUser(db, { email: 'admin@t.test', name: 'Admin', role: 'admin', password: 'admin-password-1' });
    await createUser(db, { email: 'des@t.test', name: 'Des Igner', role: 'designer', password: 'designer-password' });
    await createUser(db, { email: 'ann@t.test', name: 'Ann', role: 'customer', password: 'customer-password-a' });
    await createUser(db, { email: 'bob@t.test', name: 'Bob', role: 'customer', password: 'customer-password-b' });
    await createUser(db, { email: 'sup@t.test', name: 'Sup', role: 'support', password: 'support-password' });
  } finally {
    await close();
  }
}

for (const engine of engines()) {
  describe(`API on ${engine}`, () => {
    let store: TestStore;
    let server: StudioServer;

    before(async () => {
      store = await createTestStore(engine);
      await seedPeople(store);
      server = await startTestServer(store);
    });
    after(async () => {
      await server?.close();
      await store?.dispose();
    });

    test('every non-public GET route in the OpenAPI document answers 401 without a session', async () => {
      const anonymous = new ApiSession(server.url);
      const { json: document } = await anonymous.request('GET', '/api/openapi.json');
      const getPaths = Object.entries(document.paths as Record<string, Record<string, unknown>>)
        .filter(([, ops]) => 'get' in ops)
        .map(([p]) => p);
      assert.ok(getPaths.length >= 8, `expected the API's GET routes, found ${getPaths.length}`);
      for (const pathname of getPaths) {
        const concrete = pathname.replace(/\{[^}]+\}/g, 'some-id');
        const { status, json } = await anonymous.request('GET', concrete);
        if (PUBLIC_GET.has(pathname)) assert.equal(status, 200, pathname);
        else {
          assert.equal(status, 401, `${pathname} should need a session`);
          assert.equal(json.error.code, 'unauthenticated');
        }
      }
    });

    test('a customer asking for another customer’s project gets 403; their own is 200', async () => {
      const ann = new ApiSession(server.url);
      await ann.signIn('ann@t.test', 'customer-password-a');
      const bob = new ApiSession(server.url);
      await bob.signIn('bob@t.test', 'customer-password-b');
      const created = await ann.request('POST', '/api/projects', { name: 'Ann’s bedroom' });
      assert.equal(created.status, 201);
      const projectId = created.json.project.id;
      assert.equal((await ann.request('GET', `/api/projects/${projectId}`)).status, 200);
      const denied = await bob.request('GET', `/api/projects/${projectId}`);
      assert.equal(denied.status, 403);
      assert.equal(denied.json.error.code, 'forbidden');
      const bobsList = await bob.request('GET', '/api/projects');
      assert.deepEqual(bobsList.json.projects, []);
      // Support reads every project; a missing project is 404, not 403.
      const sup = new ApiSession(server.url);
      await sup.signIn('sup@t.test', 'support-password');
      assert.equal((await sup.request('GET', `/api/projects/${projectId}`)).status, 200);
      assert.equal((await sup.request('GET', '/api/projects/does-not-exist')).status, 404);
    });

    test('roles are enforced: only admins manage people', async () => {
      const des = new ApiSession(server.url);
      await des.signIn('des@t.test', 'designer-password');
      assert.equal((await des.request('GET', '/api/users')).status, 403);
      const admin = new ApiSession(server.url);
      await admin.signIn('admin@t.test', 'admin-password-1');
      const list = await admin.request('GET', '/api/users');
      assert.equal(list.status, 200);
      assert.equal(list.json.users.length >= 5, true);
      assert.equal(JSON.stringify(list.json).includes('scrypt'), false, 'password hashes never leave the server');
    });

    test('a malformed body gets a 400 that names the field', async () => {
      const anonymous = new ApiSession(server.url);
      const { status, json } = await anonymous.request('POST', '/api/auth/sign-in', { email: 'not-an-email', password: 'x' });
      assert.equal(status, 400);
      assert.equal(json.error.code, 'invalid_request');
      assert.deepEqual(
        json.error.issues.map((i: { path: string }) => i.path),
        ['body.email'],
      );
      assert.match(json.error.message, /body\.email/);
      const broken = await anonymous.request('POST', '/api/auth/sign-in', '{"email": ');
      assert.equal(broken.status, 400);
    });

    test('a 5 MB JSON body to a small endpoint gets 413', async () => {
      const anonymous = new ApiSession(server.url);
      const huge = JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(5 * 1024 * 1024) });
      const { status, json } = await anonymous.request('POST', '/api/auth/sign-in', huge);
      assert.equal(status, 413);
      assert.equal(json.error.code, 'payload_too_large');
    });

    test('wrong password is 401 with a plain message; sign-out ends the session', async () => {
      const s = new ApiSession(server.url);
      const wrong = await s.request('POST', '/api/auth/sign-in', { email: 'ann@t.test', password: 'nope' });
      assert.equal(wrong.status, 401);
      assert.equal(wrong.json.error.code, 'invalid_credentials');
      await s.signIn('ann@t.test', 'customer-password-a');
      assert.equal((await s.request('GET', '/api/me')).status, 200);
      const cookie = s.cookie;
      await s.request('POST', '/api/auth/sign-out');
      s.cookie = cookie;
      assert.equal((await s.request('GET', '/api/me')).status, 401, 'the old cookie no longer works');
    });
  });
}
