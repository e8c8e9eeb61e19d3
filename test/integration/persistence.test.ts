import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../server/db/database.ts';
import { createUser } from '../../server/auth/users.ts';
import { ApiSession, createTestStore, engines, startTestServer } from './harness.ts';

for (const engine of engines()) {
  test(`data survives a server restart (${engine})`, async () => {
    const store = await createTestStore(engine);
    try {
      const opened = await openStore(store.location);
      await createUser(opened.db, { email: 'cara@t.test', name: 'Cara', role: 'customer', password: 'cara-password-1' });
      await opened.close();

      const first = await startTestServer(store);
      const cara = new ApiSession(first.url);
      await cara.signIn('cara@t.test', 'cara-password-1');
      const created = await cara.request('POST', '/api/projects', { name: 'Kitchen', budget: { amountMinor: 1_250_000, currency: 'EUR' } });
      assert.equal(created.status, 201);
      await cara.request('PATCH', '/api/me/preferences', { units: 'imperial' });
      await first.close();

      const second = await startTestServer(store);
      try {
        const again = new ApiSession(second.url);
        again.cookie = cara.cookie;
        const me = await again.request('GET', '/api/me');
        assert.equal(me.status, 200, 'the session outlives the restart');
        assert.equal(me.json.user.preferences.units, 'imperial');
        const list = await again.request('GET', '/api/projects');
        assert.deepEqual(
          list.json.projects.map((p: any) => [p.name, p.budget]),
          [['Kitchen', { amountMinor: 1_250_000, currency: 'EUR' }]],
        );
      } finally {
        await second.close();
      }
    } finally {
      await store.dispose();
    }
  });

  test(`migrations are idempotent and a second open changes nothing (${engine})`, async () => {
    const store = await createTestStore(engine);
    try {
      const a = await openStore(store.location);
      await createUser(a.db, { email: 'x@t.test', name: 'X', role: 'designer', password: 'x-password-12' });
      await a.close();
      const b = await openStore(store.location);
      const rows = await b.db.selectFrom('users').select('email').execute();
      await b.close();
      assert.deepEqual(rows, [{ email: 'x@t.test' }]);
    } finally {
      await store.dispose();
    }
  });
}
