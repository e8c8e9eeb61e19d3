import { Connection, OutgoingMessage, type Document } from '@hocuspocus/server';
import * as Y from 'yjs';

/**
 * [Collab] How a live edit reaches the others in the room. Hocuspocus's own broadcast
 * (Document.handleUpdate, on the document's 'update' event) makes Yjs encode every transaction
 * again as an update, wraps it in a new message once per connection, and sends it to every
 * connection of the document, the one it came from included. The sender already holds its edit,
 * and its provider learns that the server has it from the acknowledgement (SyncStatus, held until
 * the update is stored: acks.ts), never from the echo: in the usual room of two, the echo was half
 * of what the server wrote.
 *
 * Here a client's update goes on as it came: the message it arrived in — already checked and
 * queued for the store (server.ts) — is sent to every other connection of the document, before
 * Hocuspocus applies it; nothing is encoded again. A sync step 2 (what a client sends after
 * (re)connecting: its edits the server lacks, offline ones included) goes on as an update message:
 * the same bytes with the message's subtype changed, since a provider that is sent a step 2 takes
 * it as the end of its own first sync. A transaction that no connection made (the server editing
 * a live document itself) is sent to everyone, as the update from its state before.
 *
 * Hocuspocus's per-update bookkeeping is skipped too: the onChange hooks and the debounced
 * onStoreDocument run serve extensions that persist the whole document now and then. This server
 * stores every update itself before it is relayed (writer.ts) and uses neither hook; with no store
 * run pending, a document is unloaded as soon as its last connection closes, and loaded from the
 * store when someone comes back. With no 'update' listener left, Yjs no longer encodes each
 * transaction for nobody.
 *
 * Hocuspocus binds `handleUpdate` to the document's 'update' event in its constructor; this removes
 * that listener and throws if it cannot be found, so that an upgrade which changes it fails loudly
 * (and the test of this module with it) instead of relaying twice.
 */
type Listener = (...args: unknown[]) => void;

/** The sync message subtype of an update (y-protocols: 0 step 1, 1 step 2, 2 update). */
export const SYNC_UPDATE = 2;

export function relayToOthers(document: Document): void {
  const observers = (document as unknown as { _observers?: Map<string, Set<Listener>> })._observers?.get('update');
  const broadcast = observers && [...observers].find((listener) => listener.name === 'bound handleUpdate');
  if (!broadcast) throw new Error(`collab: Hocuspocus's update broadcast was not found on ${document.name}; the relay cannot replace it`);
  document.off('update', broadcast);
  document.on('afterTransaction', (transaction: Y.Transaction) => {
    // A connection's update went on as it came (forwardUpdate).
    if (transaction.origin instanceof Connection || !changed(transaction)) return;
    const update = Y.encodeStateAsUpdate(document, Y.encodeStateVector(transaction.beforeState));
    const message = new OutgoingMessage(document.name).createSyncMessage().writeUpdate(update).toUint8Array();
    document.connections.forEach(({ connection }) => connection.send(message));
  });
}

function changed(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if ((transaction.beforeState.get(client) ?? 0) !== clock) return true;
  return false;
}

/**
 * Sends a connection's sync message — checked, from a writable connection — to every other
 * connection of the document: an update as it came; a step 2 (subtype at `subtypeAt`) as an
 * update, in a copy.
 */
export function forwardUpdate(document: Document, from: Connection, message: Uint8Array, subtypeAt: number): void {
  let outgoing = message;
  if (message[subtypeAt] !== SYNC_UPDATE) {
    outgoing = message.slice();
    outgoing[subtypeAt] = SYNC_UPDATE;
  }
  document.connections.forEach(({ connection }) => {
    if (connection !== from) connection.send(outgoing);
  });
}
