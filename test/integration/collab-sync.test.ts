import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { moveItem, readItems } from '../../core/options/index.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import type { StudioServer } from '../../server/start.ts';
import { connect, demoOptionId, storedDoc, tokenFor, waitFor } from './collab-helpers.ts';
import { createTestStore, engines, startTestServer, type TestStore } from './harness.ts';

const MAYA = "Maya's living room";

for (const engine of engines()) {
  describe(`collab over /collab (${engine})`, () => {
    let testStore: TestStore;
    let server: StudioServer;
    let store: Store;
    let optionId: string;

    before(async () => {
      testStore = await createTestStore(engine);
      server = await startTestServer(testStore, { demo: true });
      store = await openStore(testStore.location);
      optionId = await demoOptionId(store.db, MAYA);
    });
    after(async () => {
      await server.close();
      await store.close();
      await testStore.dispose();
    });

    /** Restarts the server (plain settings) and checks what the customer then opens. */
    const assertAfterRestart = async (itemId: string, xMm: number): Promise<void> => {
      await server.close();
      server = await startTestServer(testStore, { demo: true });
      const again = connect(server.url, optionId, await tokenFor(store.db, 'customer@atelier.test'));
      try {
        assert.equal(await again.outcome, true);
        assert.equal(readItems(again.doc).find((item) => item.id === itemId)?.xMm, xMm);
      } finally {
        again.destroy();
      }
    };

    it('two clients converge, and an acknowledged edit is in the store', async () => {
      const designer = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test'));
      const customer = connect(server.url, optionId, await tokenFor(store.db, 'customer@atelier.test'));
      try {
        assert.equal(await designer.outcome, true);
        assert.equal(await customer.outcome, true);
        const items = readItems(designer.doc);
        assert.ok(items.length > 0, 'the demo option is seeded from its JSON snapshot');
        assert.deepEqual(readItems(customer.doc), items);
        const piece = items[0]!;
        assert.equal(moveItem(designer.doc, piece.id, { xMm: 1234, yMm: 567 }, 'designer').ok, true);
        await designer.acknowledged();
        const stored = readItems(await storedDoc(store.db, optionId)).find((item) => item.id === piece.id);
        assert.equal(stored?.xMm, 1234, 'durable once acknowledged');
        await waitFor(() => readItems(customer.doc).find((item) => item.id === piece.id)?.xMm === 1234);
        assert.deepEqual(customer.doc.toJSON(), designer.doc.toJSON());
      } finally {
        designer.destroy();
        customer.destroy();
      }
    });

    it('refuses a non-member, a forged session, an expired session and an unknown document', async () => {
      const jonas = connect(server.url, optionId, await tokenFor(store.db, 'jonas@atelier.test'));
      const forged = connect(server.url, optionId, 'not-a-real-session-token');
      const expired = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test', new Date(Date.now() - 40 * 24 * 3600 * 1000)));
      const unknown = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test'), 'option:does-not-exist');
      try {
        for (const client of [jonas, forged, expired, unknown]) assert.equal(await client.outcome, false);
        assert.equal(readItems(jonas.doc).length, 0, 'nothing of the option reached the non-member');
      } finally {
        for (const client of [jonas, forged, expired, unknown]) client.destroy();
      }
    });

    it('gives support a read-only connection: its edits are neither applied nor stored', async () => {
      const support = connect(server.url, optionId, await tokenFor(store.db, 'support@atelier.test'));
      const designer = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test'));
      try {
        assert.equal(await support.outcome, true);
        assert.equal(await designer.outcome, true);
        const [piece, other] = readItems(support.doc);
        assert.ok(piece && other, 'the demo option has two pieces');
        moveItem(support.doc, piece.id, { xMm: 42, yMm: 42 }, 'support');
        // A designer edit after it, on another piece: once support sees that, its own edit would have reached the server too.
        moveItem(designer.doc, other.id, { xMm: 777, yMm: 88 }, 'designer');
        await designer.acknowledged();
        await waitFor(() => readItems(support.doc).find((item) => item.id === other.id)?.xMm === 777);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const stored = readItems(await storedDoc(store.db, optionId));
        assert.equal(stored.find((item) => item.id === other.id)?.xMm, 777);
        assert.equal(stored.find((item) => item.id === piece.id)?.xMm, piece.xMm, 'the support edit is not stored');
        assert.equal(readItems(designer.doc).find((item) => item.id === piece.id)?.xMm, piece.xMm, 'nor relayed');
      } finally {
        support.destroy();
        designer.destroy();
      }
    });

    it('closes the connection on a malformed or oversized message and stores nothing', async () => {
      const token = await tokenFor(store.db, 'designer@atelier.test');
      const name = `option:${optionId}`;
      const countRows = async (): Promise<number> => (await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).execute()).length;
      for (const payload of ['malformed', 'oversized'] as const) {
        const rowsBefore = await countRows();
        const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/collab`);
        const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
        await new Promise((resolve) => ws.on('open', resolve));
        const authenticated = new Promise<void>((resolve) =>
          ws.on('message', (data: Buffer) => {
            const decoder = decoding.createDecoder(new Uint8Array(data));
            decoding.readVarString(decoder);
            if (decoding.readVarUint(decoder) === 2) resolve();
          }),
        );
        const auth = encoding.createEncoder();
        encoding.writeVarString(auth, name);
        encoding.writeVarUint(auth, 2);
        encoding.writeVarUint(auth, 0);
        encoding.writeVarString(auth, token);
        ws.send(encoding.toUint8Array(auth));
        await authenticated;
        const bad = encoding.createEncoder();
        encoding.writeVarString(bad, name);
        encoding.writeVarUint(bad, 0);
        encoding.writeVarUint(bad, 2);
        encoding.writeVarUint8Array(bad, payload === 'malformed' ? new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x07]) : new Uint8Array(2 * 1024 * 1024).fill(7));
        ws.send(encoding.toUint8Array(bad));
        const code = await closed;
        assert.notEqual(code, 1000, `${payload}: closed with an error code`);
        assert.equal(await countRows(), rowsBefore, `${payload}: nothing stored`);
      }
      // The document still opens.
      const designer = connect(server.url, optionId, token);
      try {
        assert.equal(await designer.outcome, true);
        assert.ok(readItems(designer.doc).length > 0);
      } finally {
        designer.destroy();
      }
    });

    it('compacts an option from its live document while people edit it: nothing lost, the snapshot follows, and it survives a restart', async () => {
      await server.close();
      server = await startTestServer(testStore, { demo: true, collabCompactAfter: 5 });
      const designer = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test'));
      const customer = connect(server.url, optionId, await tokenFor(store.db, 'customer@atelier.test'));
      let moved: string | undefined;
      try {
        assert.equal(await designer.outcome, true);
        assert.equal(await customer.outcome, true);
        const [a, b] = readItems(designer.doc);
        moved = a!.id;
        for (let i = 1; i <= 30; i++) {
          moveItem(designer.doc, a!.id, { xMm: 1000 + i, yMm: 100 }, 'designer');
          moveItem(customer.doc, b!.id, { xMm: 2000 + i, yMm: 200 }, 'customer');
          if (i % 10 === 0) await Promise.all([designer.acknowledged(), customer.acknowledged()]);
        }
        await Promise.all([designer.acknowledged(), customer.acknowledged()]);
        await waitFor(async () => (await store.db.selectFrom('option_updates').select('id').where('option_id', '=', optionId).execute()).length <= 5, 5000);
        const state = await store.db.selectFrom('option_states').select('updated_at').where('option_id', '=', optionId).executeTakeFirstOrThrow();
        assert.ok(Date.parse(state.updated_at) > Date.now() - 60_000, 'the state was rewritten');
        const stored = readItems(await storedDoc(store.db, optionId));
        assert.equal(stored.find((item) => item.id === a!.id)?.xMm, 1030);
        assert.equal(stored.find((item) => item.id === b!.id)?.xMm, 2030);
        // The REST snapshot comes from a compaction: at most the updates since the last one are missing.
        const snapshot = JSON.parse((await store.db.selectFrom('design_options').select('document').where('id', '=', optionId).executeTakeFirstOrThrow()).document) as { items: { id: string; xMm: number }[] };
        assert.ok(snapshot.items.find((item) => item.id === a!.id)!.xMm > 1020, 'the JSON snapshot followed the compactions');
      } finally {
        designer.destroy();
        customer.destroy();
      }
      assert.ok(moved, 'a piece was moved');
      await assertAfterRestart(moved, 1030);
    });

    it('keeps the document across a restart', async () => {
      const designer = connect(server.url, optionId, await tokenFor(store.db, 'designer@atelier.test'));
      const piece = readItems(await storedDoc(store.db, optionId))[0]!;
      assert.equal(await designer.outcome, true);
      moveItem(designer.doc, piece.id, { xMm: 2024, yMm: 11 }, 'designer');
      await designer.acknowledged();
      designer.destroy();
      await assertAfterRestart(piece.id, 2024);
    });
  });
}
