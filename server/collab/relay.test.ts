import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Connection, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { readIncoming, syncStep1Message, updateMessage } from '../../bench/collab-wire.ts';
import { forwardUpdate, relayToOthers } from './relay.ts';

/** A connection as the relay sees one: something to send to (Hocuspocus's Connection, by its prototype). */
function fakeConnection(): Connection & { readonly sent: Uint8Array[] } {
  const connection = Object.create(Connection.prototype) as Connection & { sent: Uint8Array[] };
  connection.sent = [];
  connection.send = (message: Uint8Array) => void connection.sent.push(message);
  return connection;
}

// A Document's awareness keeps a timer until it is destroyed.
const documents: Document[] = [];
after(() => documents.forEach((document) => document.destroy()));

function newDocument(): Document {
  const document = new Document('option:relay-test');
  documents.push(document);
  return document;
}

function liveDocument(connections: readonly Connection[]): Document {
  const document = newDocument();
  relayToOthers(document);
  connections.forEach((connection, i) => document.connections.set({ id: i } as never, { clients: new Set(), connection }));
  return document;
}

/** A client's edit: the Yjs update that setting `key` on a fresh replica of `base` makes. */
function edit(base: Y.Doc, key: string, value: unknown): Uint8Array {
  const replica = new Y.Doc();
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(base));
  let update: Uint8Array | null = null;
  replica.on('update', (bytes: Uint8Array) => (update = bytes));
  replica.getMap('items').set(key, value);
  return update!;
}

describe('collab relay: an update goes to the others, as it came', () => {
  it('forwards a client update to every other connection, the same bytes, never back to the sender', () => {
    const [sender, a, b] = [fakeConnection(), fakeConnection(), fakeConnection()];
    const document = liveDocument([sender, a, b]);
    const message = updateMessage(document.name, edit(document, 'sofa', 1));
    forwardUpdate(document, sender, message, document.name.length + 2); // varString name (1 length byte), type, subtype
    assert.equal(sender.sent.length, 0);
    for (const other of [a, b]) {
      assert.equal(other.sent.length, 1);
      assert.equal(other.sent[0], message, 'not copied, not encoded again');
    }
  });

  it("passes a client's sync step 2 on as an update message, leaving the received one as it was", () => {
    const [sender, other] = [fakeConnection(), fakeConnection()];
    const document = liveDocument([sender, other]);
    const update = edit(document, 'lamp', 'brass');
    const step2 = syncStep1Message(document.name, update); // same layout as a step 2 but for its subtype
    const subtypeAt = document.name.length + 2; // varString name (1 length byte), type, then the subtype
    step2[subtypeAt] = 1; // sync step 2
    const before = step2.slice();
    forwardUpdate(document, sender, step2, subtypeAt);
    assert.deepEqual(step2, before);
    const received = readIncoming(other.sent[0]!);
    assert.equal(received.kind, 'update');
    assert.deepEqual(received.kind === 'update' ? received.update : null, update);
  });

  it("sends a change the server makes itself to everyone; a connection's transaction is not sent again", () => {
    const [a, b] = [fakeConnection(), fakeConnection()];
    const document = liveDocument([a, b]);
    document.transact(() => document.getMap('items').set('rug', { colour: 'blue' }));
    const replicas = [a, b].map((connection) => {
      assert.equal(connection.sent.length, 1);
      const received = readIncoming(connection.sent[0]!);
      assert.equal(received.kind, 'update');
      const replica = new Y.Doc();
      if (received.kind === 'update') Y.applyUpdate(replica, received.update);
      return replica.getMap('items').toJSON();
    });
    assert.deepEqual(replicas, [{ rug: { colour: 'blue' } }, { rug: { colour: 'blue' } }]);
    // A deletion alone is a change too.
    document.transact(() => document.getMap('items').delete('rug'));
    assert.equal(a.sent.length, 2);
    // Applied from a connection: forwardUpdate already sent it; nothing more goes out.
    Y.applyUpdate(document, edit(document, 'chair', 3), a);
    // Nothing changed: nothing to send.
    document.transact(() => undefined);
    assert.deepEqual([a.sent.length, b.sent.length], [2, 2]);
  });

  it("throws where Hocuspocus's own broadcast is not found, rather than relaying twice", () => {
    const document = newDocument();
    relayToOthers(document); // takes it off
    assert.throws(() => relayToOthers(document), /update broadcast was not found/);
  });
});
