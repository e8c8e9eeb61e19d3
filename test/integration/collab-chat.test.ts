import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { openStore, type Store } from '../../server/db/database.ts';
import type { StudioServer } from '../../server/start.ts';
import { tokenFor, waitFor } from './collab-helpers.ts';
import { ApiSession, createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const MAYA = "Maya's living room";

/** A live subscriber to a project's chat document, as the renderer makes one. */
function listen(serverUrl: string, projectId: string, token: string) {
  const received: any[] = [];
  let settle: (ok: boolean) => void = () => undefined;
  const outcome = new Promise<boolean>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    url: `${serverUrl.replace(/^http/, 'ws')}/collab`,
    name: `chat:${projectId}`,
    token,
    WebSocketPolyfill: WebSocket,
    onSynced: () => settle(true),
    onAuthenticationFailed: () => settle(false),
    onClose: () => settle(false),
    onStateless: ({ payload }: { payload: string }) => received.push({ ...JSON.parse(payload), at: Date.now() }),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return { received, outcome, destroy: () => provider.destroy() };
}

for (const engine of engines()) {
  describe(`project chat (${engine})`, () => {
    let testStore: TestStore;
    let server: StudioServer;
    let store: Store;
    let projectId: string;
    const as: Record<string, ApiSession> = {};

    before(async () => {
      testStore = await createTestStore(engine);
      server = await startTestServer(testStore, { demo: true });
      store = await openStore(testStore.location);
      projectId = (await store.db.selectFrom('projects').select('id').where('name', '=', MAYA).executeTakeFirstOrThrow()).id;
      for (const [who, password] of [
        ['designer', 'atelier-demo-designer'],
        ['customer', 'atelier-demo-customer'],
        ['support', 'atelier-demo-support'],
        ['jonas', 'atelier-demo-jonas'],
      ] as const) {
        as[who] = new ApiSession(server.url);
        await as[who].signIn(`${who}@atelier.test`, password);
      }
    });
    after(async () => {
      await server.close();
      await store.close();
      await testStore.dispose();
    });

    const chatPath = () => `/api/projects/${projectId}/chat`;

    it('delivers a message live to the other side, persists it, counts it unread until read, and puts it on the timeline', async () => {
      const designerLive = listen(server.url, projectId, await tokenFor(store.db, 'designer@atelier.test'));
      const supportLive = listen(server.url, projectId, await tokenFor(store.db, 'support@atelier.test'));
      try {
        assert.equal(await designerLive.outcome, true);
        assert.equal(await supportLive.outcome, true);
        const sentAt = Date.now();
        const posted = await as.customer!.request('POST', chatPath(), { body: '  Could the sofa face the window?  ', clientKey: 'key-00000001' });
        assert.equal(posted.status, 201);
        assert.equal(posted.json.message.body, 'Could the sofa face the window?', 'trimmed');
        assert.equal(posted.json.message.authorRole, 'customer');
        await waitFor(() => designerLive.received.length === 1, 2000);
        assert.equal(designerLive.received[0].type, 'chat.message');
        assert.equal(designerLive.received[0].message.id, posted.json.message.id);
        assert.ok(designerLive.received[0].at - sentAt < 2000, 'arrived within 2 s');
        await waitFor(() => supportLive.received.length === 1, 2000);

        const designerView = await as.designer!.request('GET', chatPath());
        assert.equal(designerView.status, 200);
        assert.deepEqual(designerView.json.messages.map((m: any) => m.body), ['Could the sofa face the window?']);
        assert.equal(designerView.json.unread, 1);
        assert.equal((await as.customer!.request('GET', chatPath())).json.unread, 0, 'my own message is read');

        const read = await as.designer!.request('POST', `${chatPath()}/read`, { lastReadId: posted.json.message.id });
        assert.deepEqual(read.json, { unread: 0, lastReadId: posted.json.message.id });

        const timeline = await store.db.selectFrom('timeline_events').selectAll().where('project_id', '=', projectId).where('kind', '=', 'chat.message').execute();
        assert.equal(timeline.length, 1);
        assert.match(timeline[0]!.text, /Could the sofa face the window\?/);

        // A retry with the same client key is the same message, delivered once.
        const retry = await as.customer!.request('POST', chatPath(), { body: 'Could the sofa face the window?', clientKey: 'key-00000001' });
        assert.equal(retry.json.message.id, posted.json.message.id);
        assert.equal((await as.designer!.request('GET', chatPath())).json.messages.length, 1);
        await new Promise((resolve) => setTimeout(resolve, 150));
        assert.equal(designerLive.received.length, 1);

        const reply = await as.designer!.request('POST', chatPath(), { body: 'Yes — moved it.' });
        const since = await as.customer!.request('GET', `${chatPath()}?after=${posted.json.message.id}`);
        assert.deepEqual(since.json.messages.map((m: any) => m.id), [reply.json.message.id]);
        assert.equal(since.json.unread, 1);
      } finally {
        designerLive.destroy();
        supportLive.destroy();
      }
    });

    it('refuses an empty or over-long message, a post by support, and any access by a non-member', async () => {
      const before = (await as.designer!.request('GET', chatPath())).json.messages.length;
      const empty = await as.customer!.request('POST', chatPath(), { body: '   ' });
      assert.equal(empty.status, 400);
      assert.match(empty.json.error.message, /body\.body: write a message first/);
      const long = await as.customer!.request('POST', chatPath(), { body: 'x'.repeat(4001) });
      assert.equal(long.status, 400);
      assert.match(long.json.error.message, /at most 4,000 characters/);
      assert.equal((await as.customer!.request('POST', chatPath(), { body: 'x'.repeat(4000) })).status, 201, 'exactly 4,000 is fine');

      assert.equal((await as.support!.request('GET', chatPath())).status, 200, 'support reads');
      assert.equal((await as.support!.request('POST', chatPath(), { body: 'hello' })).status, 403, 'support does not post');
      assert.equal((await as.jonas!.request('GET', chatPath())).status, 403);
      assert.equal((await as.jonas!.request('POST', chatPath(), { body: 'hello' })).status, 403);
      const bogusRead = await as.customer!.request('POST', `${chatPath()}/read`, { lastReadId: 'not-a-message' });
      assert.equal(bogusRead.status, 400);
      assert.equal((await as.designer!.request('GET', chatPath())).json.messages.length, before + 1);

      const jonasLive = listen(server.url, projectId, await tokenFor(store.db, 'jonas@atelier.test'));
      try {
        assert.equal(await jonasLive.outcome, false, 'a non-member cannot listen either');
      } finally {
        jonasLive.destroy();
      }
    });
  });
}
