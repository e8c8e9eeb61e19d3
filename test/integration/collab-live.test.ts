import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { moveItem, readItems, rotateItem } from '../../core/options/index.ts';
import { collabUrlFor, createLiveOption, type LiveOptionHandle, type LiveOptionSnapshot } from '../../renderer/live/liveOption.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import type { StudioServer } from '../../server/start.ts';
import { demoOptionId, storedDoc, tokenFor, waitFor } from './collab-helpers.ts';
import { ApiSession, createTestStore, startTestServer, type TestStore } from './harness.ts';

/**
 * The renderer's live binding (renderer/live/liveOption.ts) against the real server: real
 * Hocuspocus over a real WebSocket, real SQLite; IndexedDB is fake-indexeddb (Node has none).
 */
const MAYA = "Maya's living room";

describe('renderer live option binding against the studio server', () => {
  let testStore: TestStore;
  let server: StudioServer;
  let store: Store;
  let optionId: string;
  const opened: LiveOptionHandle[] = [];

  const open = async (email: string, options: { persistAs?: string; url?: string; role?: string } = {}): Promise<LiveOptionHandle> => {
    const user = await store.db.selectFrom('users').select(['id', 'name', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
    const live = createLiveOption({
      optionId,
      url: options.url ?? collabUrlFor(new URL(server.url)),
      token: await tokenFor(store.db, email),
      user: { id: user.id, name: user.name, role: user.role, colour: '#1971c2' },
      persistAs: options.persistAs ?? null,
      WebSocketPolyfill: WebSocket,
      presenceThrottleMs: 10,
      maxReconnectDelayMs: 200,
    });
    opened.push(live);
    return live;
  };
  const until = (live: LiveOptionHandle, condition: (snapshot: LiveOptionSnapshot) => boolean, timeoutMs = 5000) => waitFor(() => condition(live.getSnapshot()), timeoutMs);
  const itemOf = (live: LiveOptionHandle, id: string) => live.getSnapshot().items.find((item) => item.id === id);

  before(async () => {
    testStore = await createTestStore('sqlite');
    server = await startTestServer(testStore, { demo: true });
    store = await openStore(testStore.location);
    optionId = await demoOptionId(store.db, MAYA);
  });
  after(async () => {
    for (const live of opened) live.destroy();
    await server.close();
    await store.close();
    await testStore.dispose();
  });

  it('two clients converge; unchanged items keep their identity; acknowledged edits reach the store', async () => {
    const designer = await open('designer@atelier.test');
    const customer = await open('customer@atelier.test');
    await until(designer, (s) => s.loaded && s.status === 'synced');
    await until(customer, (s) => s.loaded && s.status === 'synced');
    assert.equal(designer.getSnapshot().readOnly, false);
    const [first, second] = designer.getSnapshot().items;
    assert.ok(first && second, 'the demo option has pieces');
    const before = customer.getSnapshot();

    const result = designer.edit((doc, origin) => moveItem(doc, first.id, { xMm: first.xMm + 250, yMm: first.yMm }, origin));
    assert.equal(result.ok, true);
    assert.equal(designer.getSnapshot().pendingEdits, 1, 'counted until acknowledged');
    await until(designer, (s) => s.pendingEdits === 0 && s.status === 'synced');
    await until(customer, () => itemOf(customer, first.id)?.xMm === first.xMm + 250);

    const after = customer.getSnapshot();
    assert.notEqual(after.items, before.items, 'a new array when items changed');
    assert.equal(itemOf(customer, second.id), before.items.find((item) => item.id === second.id), 'an unchanged item keeps its identity');
    assert.deepEqual(customer.doc.toJSON(), designer.doc.toJSON());
    assert.equal(readItems(await storedDoc(store.db, optionId)).find((item) => item.id === first.id)?.xMm, first.xMm + 250);
  });

  it('undo reaches only my own edits, never a collaborator’s', async () => {
    const designer = await open('designer@atelier.test');
    const customer = await open('customer@atelier.test');
    await until(designer, (s) => s.status === 'synced' && s.loaded);
    await until(customer, (s) => s.status === 'synced' && s.loaded);
    const [a, b] = designer.getSnapshot().items;
    assert.ok(a && b);
    designer.edit((doc, origin) => moveItem(doc, a.id, { xMm: a.xMm + 100, yMm: a.yMm + 100 }, origin));
    designer.edit((doc, origin) => rotateItem(doc, a.id, (a.rotationDeg + 90) % 360, origin));
    await until(customer, () => itemOf(customer, a.id)?.rotationDeg === (a.rotationDeg + 90) % 360);
    customer.edit((doc, origin) => moveItem(doc, b.id, { xMm: b.xMm - 100, yMm: b.yMm }, origin));
    await until(designer, () => itemOf(designer, b.id)?.xMm === b.xMm - 100);

    assert.equal(designer.getSnapshot().canUndo, true);
    designer.undo(); // the rotation: one edit, one step
    assert.equal(itemOf(designer, a.id)?.rotationDeg, a.rotationDeg);
    assert.equal(itemOf(designer, a.id)?.xMm, a.xMm + 100, 'the move is a step of its own');
    designer.undo();
    assert.equal(itemOf(designer, a.id)?.xMm, a.xMm);
    assert.equal(designer.getSnapshot().canUndo, false, 'nothing of the customer’s is on my stack');
    designer.undo();
    assert.equal(itemOf(designer, b.id)?.xMm, b.xMm - 100, 'the customer’s move stands');
    await until(customer, () => itemOf(customer, a.id)?.xMm === a.xMm && itemOf(customer, a.id)?.rotationDeg === a.rotationDeg);
    assert.equal(itemOf(customer, b.id)?.xMm, b.xMm - 100);
    assert.equal(designer.getSnapshot().canRedo, true);
    designer.redo();
    await until(customer, () => itemOf(customer, a.id)?.xMm === a.xMm + 100);
  });

  it('edits made offline survive a reload and merge on reconnect', async () => {
    const persistAs = `test:customer:${optionId}`;
    const designer = await open('designer@atelier.test');
    let customer = await open('customer@atelier.test', { persistAs });
    await until(designer, (s) => s.status === 'synced' && s.loaded);
    await until(customer, (s) => s.status === 'synced' && s.loaded);
    await customer.whenLocalLoaded;
    const [a, b] = customer.getSnapshot().items;
    assert.ok(a && b);

    customer.disconnect();
    await until(customer, (s) => s.status === 'offline');
    assert.equal(customer.edit((doc, origin) => moveItem(doc, a.id, { xMm: 1111, yMm: 2222 }, origin)).ok, true);
    assert.equal(customer.edit((doc, origin) => rotateItem(doc, a.id, 45, origin)).ok, true);
    assert.equal(customer.getSnapshot().pendingEdits, 2);
    designer.edit((doc, origin) => moveItem(doc, b.id, { xMm: 3333, yMm: 444 }, origin));
    await until(designer, (s) => s.pendingEdits === 0 && s.status === 'synced');
    await new Promise((resolve) => setTimeout(resolve, 100)); // IndexedDB writes are asynchronous
    customer.destroy();

    // Reload while still offline (the server unreachable): the local copy and the waiting count come back.
    customer = await open('customer@atelier.test', { persistAs, url: 'ws://127.0.0.1:9/collab' });
    await customer.whenLocalLoaded;
    await until(customer, (s) => s.loaded && s.status === 'offline');
    assert.equal(itemOf(customer, a.id)?.xMm, 1111);
    assert.equal(customer.getSnapshot().pendingEdits, 2, 'the waiting edits are still counted after a reload');
    customer.destroy();

    // Back online: both sides see both edits, nothing waits.
    customer = await open('customer@atelier.test', { persistAs });
    await until(customer, (s) => s.status === 'synced' && s.pendingEdits === 0);
    await until(designer, () => itemOf(designer, a.id)?.xMm === 1111 && itemOf(designer, a.id)?.rotationDeg === 45);
    await until(customer, () => itemOf(customer, b.id)?.xMm === 3333);
    assert.deepEqual(customer.doc.toJSON(), designer.doc.toJSON());
    const stored = readItems(await storedDoc(store.db, optionId));
    assert.equal(stored.find((item) => item.id === a.id)?.xMm, 1111);
    assert.equal(stored.filter((item) => item.id === a.id).length, 1, 'no rival copy of the piece');
  });

  it('shows who is here and what they select or drag; support is read-only', async () => {
    const designer = await open('designer@atelier.test');
    const support = await open('support@atelier.test');
    await until(designer, (s) => s.status === 'synced');
    await until(support, (s) => s.status === 'synced' && s.readOnly);
    const piece = designer.getSnapshot().items[0]!;
    designer.presence.setLocal({ selection: [piece.id] });
    designer.presence.setLocal({ dragging: { itemId: piece.id, xMm: 10, yMm: 20, rotationDeg: 0 } });
    await waitFor(() => support.presence.peers().some((peer) => peer.user.role === 'designer' && peer.selection[0] === piece.id && peer.dragging?.xMm === 10));
    await waitFor(() => designer.presence.peers().some((peer) => peer.user.role === 'support'));

    const refused = support.edit((doc, origin) => moveItem(doc, piece.id, { xMm: 1, yMm: 1 }, origin));
    assert.equal(refused.ok, false);
    assert.equal(itemOf(support, piece.id)?.xMm, piece.xMm, 'nothing changed locally either');
    support.destroy();
    await waitFor(() => !designer.presence.peers().some((peer) => peer.user.role === 'support'));
  });

  it('approving the option locks it: open connections are authorised again, read-only, and later edits are not stored', async () => {
    // Earlier tests' clients leave first: the lock reconnects every open client of the option.
    for (const live of opened.splice(0)) live.destroy();
    const designer = await open('designer@atelier.test');
    await until(designer, (s) => s.status === 'synced' && !s.readOnly);
    const api = new ApiSession(server.url);
    await api.signIn('designer@atelier.test', 'atelier-demo-designer');
    const published = await api.request('POST', `/api/options/${optionId}/versions`, { expectedLatest: 0, note: 'Ready for you' });
    assert.equal(published.status, 201, JSON.stringify(published.json));
    const customerApi = new ApiSession(server.url);
    await customerApi.signIn('customer@atelier.test', 'atelier-demo-customer');
    const approved = await customerApi.request('POST', `/api/options/${optionId}/approval`, { expectedLatest: 1, replace: false });
    assert.equal(approved.status, 201, JSON.stringify(approved.json));

    await until(designer, (s) => s.status === 'synced' && s.readOnly, 8000);
    const piece = designer.getSnapshot().items[0]!;
    const refused = designer.edit((doc, origin) => moveItem(doc, piece.id, { xMm: piece.xMm + 5, yMm: piece.yMm }, origin));
    assert.equal(refused.ok, false, 'the approved option refuses edits');
    assert.equal(readItems(await storedDoc(store.db, optionId)).find((item) => item.id === piece.id)?.xMm, piece.xMm);
  });
});
