import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addItem, createOptionDoc, readItems } from '../../core/options/index.ts';
import { startServer, stop, type Running } from '../../bench/collab-crash.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import { connect, demoOptionId, storedDoc, tokenFor, waitFor } from './collab-helpers.ts';

/**
 * [Collab] Bad input against a real server process (its log is its standard output): a forged
 * or expired session, a non-member, unknown or malformed document names, updates sent without
 * (or despite a refused) authentication, malformed and oversized messages. Each is refused, the
 * connection closed or left without the document, the event logged, and the stored document
 * untouched.
 */
const MESSAGE_SYNC = 0;
const MESSAGE_AUTH = 2;
const AUTH_PERMISSION_DENIED = 1;

interface RawClient {
  readonly ws: WebSocket;
  readonly closed: Promise<number>;
  /** Resolves 'denied' or 'authenticated' from the server's auth answer, or 'closed'. */
  readonly answer: Promise<'denied' | 'authenticated' | 'closed'>;
}

function raw(url: string, documentName: string, token: string): Promise<RawClient> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/collab`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  const answer = new Promise<'denied' | 'authenticated' | 'closed'>((resolve) => {
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(decoder);
      if (decoding.readVarUint(decoder) !== MESSAGE_AUTH) return;
      resolve(decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED ? 'denied' : 'authenticated');
    });
    void closed.then(() => resolve('closed'));
  });
  return new Promise((resolve, reject) => {
    ws.on('error', () => undefined);
    ws.on('open', () => {
      const auth = encoding.createEncoder();
      encoding.writeVarString(auth, documentName);
      encoding.writeVarUint(auth, MESSAGE_AUTH);
      encoding.writeVarUint(auth, 0);
      encoding.writeVarString(auth, token);
      ws.send(encoding.toUint8Array(auth));
      resolve({ ws, closed, answer });
    });
    void closed.then(() => reject(new Error('closed before opening')));
  });
}

/** A sync "update" message carrying a real Yjs update that would add a piece. */
function updateMessage(documentName: string, update: Uint8Array): Uint8Array {
  const message = encoding.createEncoder();
  encoding.writeVarString(message, documentName);
  encoding.writeVarUint(message, MESSAGE_SYNC);
  encoding.writeVarUint(message, 2);
  encoding.writeVarUint8Array(message, update);
  return encoding.toUint8Array(message);
}

describe('collab bad input against a server process', () => {
  let dataDir: string;
  let server: Running;
  let store: Store;
  let optionId: string;
  let intruderUpdate: Uint8Array;

  const rows = async () => (await store.db.selectFrom('option_updates').select('id').execute()).length;
  const storedJson = async () => JSON.stringify((await storedDoc(store.db, optionId)).toJSON());

  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'atelier-collab-bad-'));
    server = await startServer(dataDir, 0);
    store = await openStore({ dataDir });
    optionId = await demoOptionId(store.db, "Maya's living room");
    // A well-formed update adding a piece — what an intruder would like to write.
    const source = createOptionDoc({ items: readItems(await storedDoc(store.db, optionId)).slice(0, 1) });
    const before = Y.encodeStateVector(source);
    addItem(source, { ...readItems(source)[0]!, id: 'intruder' }, 'intruder');
    intruderUpdate = Y.encodeStateAsUpdate(source, before);
  });
  after(async () => {
    await stop(server);
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses forged, expired and non-member sessions, logs each, and stores nothing they send', async () => {
    const name = `option:${optionId}`;
    const rowsBefore = await rows();
    const docBefore = await storedJson();
    const cases = [
      { token: 'forged-session-token-0123456789', log: /collab connection refused: no live session/, code: 4401 },
      { token: await tokenFor(store.db, 'designer@atelier.test', new Date(Date.now() - 40 * 24 * 3600 * 1000)), log: /collab connection refused: no live session/, code: 4401 },
      { token: await tokenFor(store.db, 'jonas@atelier.test'), log: /collab connection refused: not a member/, code: 4403 },
    ];
    for (const { token, log, code } of cases) {
      const logBefore = server.output().length;
      const client = await raw(server.url, name, token);
      // The update goes out right behind the auth message, before any answer.
      client.ws.send(updateMessage(name, intruderUpdate));
      assert.equal(await client.answer, 'denied');
      client.ws.send(updateMessage(name, intruderUpdate));
      assert.equal(await client.closed, code, 'the server closes the refused connection');
      await waitFor(() => log.test(server.output().slice(logBefore)), 3000);
    }
    assert.equal(await rows(), rowsBefore, 'nothing appended');
    assert.equal(await storedJson(), docBefore, 'the stored document is untouched');
  });

  it('refuses unknown and malformed document names, and logs them', async () => {
    const token = await tokenFor(store.db, 'designer@atelier.test');
    for (const name of ['option:does-not-exist', 'room:abc', 'option:../../etc/passwd', `option:${'x'.repeat(500)}`, '']) {
      const logBefore = server.output().length;
      const client = await raw(server.url, name, token);
      client.ws.send(updateMessage(name, intruderUpdate));
      assert.equal(await client.answer, 'denied', `${JSON.stringify(name.slice(0, 40))} refused`);
      assert.equal(await client.closed, 4404);
      await waitFor(() => /collab connection refused: unknown document/.test(server.output().slice(logBefore)), 3000);
    }
    assert.equal(readItems(await storedDoc(store.db, optionId)).some((item) => item.id === 'intruder'), false);
  });

  it('closes the connection on a malformed or oversized message, logs it, and stores nothing', async () => {
    const token = await tokenFor(store.db, 'designer@atelier.test');
    const name = `option:${optionId}`;
    const docBefore = await storedJson();
    for (const [payload, log] of [
      [new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x01, 0x07]), /collab: malformed message, connection closed/],
      [new Uint8Array(2 * 1024 * 1024).fill(7), /collab connection error \(closed\)/],
    ] as const) {
      const rowsBefore = await rows();
      const logBefore = server.output().length;
      const client = await raw(server.url, name, token);
      assert.equal(await client.answer, 'authenticated');
      client.ws.send(updateMessage(name, payload));
      const code = await client.closed;
      assert.notEqual(code, 1000);
      await waitFor(() => log.test(server.output().slice(logBefore)), 3000);
      assert.equal(await rows(), rowsBefore);
    }
    // A message that is not even a Hocuspocus message.
    const client = await raw(server.url, name, token);
    assert.equal(await client.answer, 'authenticated');
    client.ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
    await Promise.race([client.closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
    client.ws.terminate();
    assert.equal(await storedJson(), docBefore, 'the stored document is untouched');

    // And the option still opens for a real client.
    const designer = connect(server.url, optionId, token);
    try {
      assert.equal(await designer.outcome, true);
      assert.ok(readItems(designer.doc).length > 0);
    } finally {
      designer.destroy();
    }
  });
});
