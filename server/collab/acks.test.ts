import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as encoding from 'lib0/encoding';
import { WebSocket, WebSocketServer } from 'ws';
import { gateAcks, isSyncStatus, type AckGate } from './acks.ts';

/** A Hocuspocus-shaped message: document name, type, one more number. */
function message(type: number, value: number, documentName = 'option:abc'): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, value);
  return encoding.toUint8Array(encoder);
}
const SYNC_STATUS = 8;
const SYNC = 0;

describe('collab acks: acknowledgements wait for the store, the relay does not', () => {
  let server: WebSocketServer;
  let serverSide: Promise<WebSocket>;
  let client: WebSocket;
  const received: number[][] = [];
  let gate: AckGate;
  const failures: unknown[] = [];

  before(async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    serverSide = new Promise((resolve) =>
      server.on('connection', (ws) => {
        gate = gateAcks(ws, (error) => failures.push(error));
        resolve(ws);
      }),
    );
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    client.on('message', (data: Buffer) => received.push([...data]));
    await new Promise<void>((resolve) => client.once('open', () => resolve()));
  });
  after(async () => {
    client.terminate();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const until = async (condition: () => boolean) => {
    for (const deadline = Date.now() + 3000; !condition(); ) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('recognises a SyncStatus message by its type, whatever the document name', () => {
    assert.equal(isSyncStatus(message(SYNC_STATUS, 1)), true);
    assert.equal(isSyncStatus(message(SYNC_STATUS, 1, 'x'.repeat(300))), true);
    assert.equal(isSyncStatus(message(SYNC, 2)), false);
    assert.equal(isSyncStatus('text'), false);
  });

  it('sends an update at once but its acknowledgement only once the write committed, in order', async () => {
    const ws = await serverSide;
    let commitFirst!: () => void;
    let commitSecond!: () => void;
    gate.hold(new Promise<void>((resolve) => (commitFirst = resolve)));
    ws.send(message(SYNC, 2)); // the relayed update
    ws.send(message(SYNC_STATUS, 1)); // its acknowledgement
    gate.hold(new Promise<void>((resolve) => (commitSecond = resolve)));
    ws.send(message(SYNC_STATUS, 1));
    await until(() => received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(received, [[...message(SYNC, 2)]], 'only the update went out');
    commitSecond();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(received.length, 1, 'the later write committing first releases nothing');
    commitFirst();
    await until(() => received.length === 3);
    assert.deepEqual(received.slice(1), [[...message(SYNC_STATUS, 1)], [...message(SYNC_STATUS, 1)]]);
    // Nothing held: an acknowledgement goes out at once.
    ws.send(message(SYNC_STATUS, 1));
    await until(() => received.length === 4);
  });

  it('acknowledges nothing more after a failed write and reports it', async () => {
    const ws = await serverSide;
    gate.hold(Promise.reject(new Error('disk full')));
    ws.send(message(SYNC_STATUS, 1));
    ws.send(message(SYNC, 2));
    await until(() => failures.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    ws.send(message(SYNC_STATUS, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(received.slice(4), [[...message(SYNC, 2)]], 'the update, never an acknowledgement');
    assert.match(String(failures[0]), /disk full/);
  });
});
