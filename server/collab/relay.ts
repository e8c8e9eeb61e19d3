import { OutgoingMessage, type Document } from '@hocuspocus/server';

/**
 * [Collab] How a live edit reaches the others in the room. Hocuspocus's own broadcast
 * (Document.handleUpdate) sends every update to every connection of the document, the one it
 * came from included, and encodes the message once per connection. The sender already holds its
 * edit, and its provider learns that the server has it from the acknowledgement (SyncStatus,
 * held until the update is stored: acks.ts), never from the echo: in the usual room of two, the
 * echo was half of what the server wrote. Here the message is encoded once and sent to every
 * connection but the one the update came from. An update without a connection as its origin
 * (loaded from the store, or applied by the server itself) goes to everyone.
 *
 * Hocuspocus's per-update bookkeeping is skipped too: the onChange hooks and the debounced
 * onStoreDocument run (a hook payload, a URL parse, a promise chain and a timer reset for every
 * update) serve extensions that persist the whole document now and then. This server stores
 * every update itself before it is relayed (writer.ts) and uses neither hook; with no store run
 * pending, a document is unloaded as soon as its last connection closes, and loaded from the
 * store when someone comes back.
 *
 * Hocuspocus binds `handleUpdate` to the document's 'update' event in its constructor; this swaps
 * that listener for ours and throws if it cannot be found, so that an upgrade which changes it
 * fails loudly (and the test of this module with it) instead of relaying twice.
 */
type Listener = (...args: unknown[]) => void;

export function relayToOthers(document: Document): void {
  const observers = (document as unknown as { _observers?: Map<string, Set<Listener>> })._observers?.get('update');
  const broadcast = observers && [...observers].find((listener) => listener.name === 'bound handleUpdate');
  if (!broadcast) throw new Error(`collab: Hocuspocus's update broadcast was not found on ${document.name}; the relay cannot replace it`);
  document.off('update', broadcast);
  document.on('update', (update: Uint8Array, origin: unknown) => {
    const message = new OutgoingMessage(document.name).createSyncMessage().writeUpdate(update).toUint8Array();
    document.connections.forEach(({ connection }) => {
      if (connection !== origin) connection.send(message);
    });
  });
}
