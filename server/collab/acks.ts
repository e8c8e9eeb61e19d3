import type { WebSocket } from 'ws';

/**
 * [Collab] Acknowledgements wait for the store; the relay does not. Hocuspocus applies an
 * update, broadcasts it and acknowledges it to the sender (a SyncStatus message) in one step.
 * The server queues each update for the store (writer.ts) before Hocuspocus applies it, and this
 * gate holds the sender's SyncStatus messages until every update the socket sent before them is
 * committed — so the others see an edit at once, even while a write waits on the disk, and an
 * update the sender saw acknowledged is on disk.
 *
 * If a write fails the socket is closed and nothing more is acknowledged on it: the client keeps
 * the edits as unsynced and sends them again when it reconnects.
 */
export interface AckGate {
  /** An update from this socket was queued for the store; `stored` settles when it is committed. */
  hold(stored: Promise<void>): void;
}

const MESSAGE_SYNC_STATUS = 8;

/** Whether a Hocuspocus message (`varString documentName · varUint type · …`) is a SyncStatus. */
export function isSyncStatus(data: unknown): boolean {
  if (!(data instanceof Uint8Array)) return false;
  let length = 0;
  let shift = 0;
  let offset = 0;
  for (; offset < data.length && offset < 5; offset++) {
    const byte = data[offset]!;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) break;
  }
  return data[offset + 1 + length] === MESSAGE_SYNC_STATUS;
}

export function gateAcks(ws: WebSocket, onStoreFailed: (error: unknown) => void): AckGate {
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  let unsettled = 0;
  let failed = false;
  // Settles when every held update so far is committed.
  let stored: Promise<void> = Promise.resolve();
  ws.send = ((...args: unknown[]) => {
    if ((unsettled === 0 && !failed) || !isSyncStatus(args[0])) return void send(...args);
    if (failed) return;
    void stored.then(() => {
      if (!failed) send(...args);
    });
  }) as WebSocket['send'];
  return {
    hold(update) {
      unsettled += 1;
      const settled = update.then(
        () => undefined,
        (error: unknown) => {
          if (!failed) {
            failed = true;
            onStoreFailed(error);
          }
        },
      );
      void settled.finally(() => (unsettled -= 1));
      stored = Promise.all([stored, settled]).then(() => undefined);
    },
  };
}
