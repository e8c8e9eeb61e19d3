import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../../server/db/database.ts';
import { seedDemo, DEMO_ACCOUNTS } from '../../server/demo/seed.ts';
import { ApiSession, createTestStore, engines, startTestServer } from './harness.ts';

for (const engine of engines()) {
  test(`--demo seeds a studio once: people, a furnished room, 300+ products from 4+ retailers (${engine})`, async () => {
    const store = await createTestStore(engine);
    try {
      const server = await startTestServer(store, { demo: true });
      try {
        const designer = new ApiSession(server.url);
        await designer.signIn('designer@atelier.test', 'atelier-demo-designer');
        const { json: list } = await designer.request('GET', '/api/projects');
        const maya = list.projects.find((p: any) => p.name === "Maya's living room");
        assert.ok(maya, 'the designer sees the demo project');
        const { json: detail } = await designer.request('GET', `/api/projects/${maya.id}`);
        assert.equal(detail.project.rooms.length, 1);
        const room = detail.project.rooms[0];
        assert.deepEqual([room.ceilingHeightMm, room.outline.length], [2600, 4]);
        const { json: option } = await designer.request('GET', `/api/options/${detail.project.options[0].id}`);
        assert.ok(option.option.items.length >= 10, 'the room is furnished');
        for (const item of option.option.items) {
          const product = option.products.find((p: any) => p.id === item.productId);
          assert.ok(product, 'every placed item refers to a product the answer includes');
          assert.ok(product.widthMm > 0 && product.depthMm > 0 && product.heightMm > 0);
          assert.equal(product.price.currency, 'USD');
        }
        const { json: retailers } = await designer.request('GET', '/api/catalog/retailers');
        assert.ok(retailers.retailers.length >= 4);
        assert.ok(retailers.retailers.reduce((n: number, r: any) => n + r.productCount, 0) >= 300);
        assert.ok(new Set(retailers.retailers.map((r: any) => r.currency)).size >= 2, 'several currencies among retailers');
        // Every demo account can sign in with the password the README gives.
        for (const account of DEMO_ACCOUNTS) await new ApiSession(server.url).signIn(account.email, account.password);
      } finally {
        await server.close();
      }
      // Seeding again (a restart with --demo) adds nothing.
      const opened = await openStore(store.location);
      const before = await opened.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await seedDemo(opened.db);
      const users = await opened.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const after = await opened.db.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await opened.close();
      assert.equal(Number(users.n), DEMO_ACCOUNTS.length);
      assert.equal(Number(after.n), Number(before.n));
    } finally {
      await store.dispose();
    }
  });
}
