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
  // Counts rather than a chain of promises: one callback per update, nothing per acknowledgement
  // but a queue entry while one waits.
  let held = 0; // updates held on this socket so far
  let stored = 0; // the first `stored` of them are all committed
  const storedAhead = new Set<number>(); // committed while an earlier one was not yet (out of order)
  let failed = false;
  // Acknowledgements waiting, each for the first `after` held updates to be committed.
  const waiting: { readonly after: number; readonly args: unknown[] }[] = [];
  const release = (): void => {
    let sent = 0;
    while (sent < waiting.length && waiting[sent]!.after <= stored) send(...waiting[sent++]!.args);
    if (sent > 0) waiting.splice(0, sent);
  };
  ws.send = ((...args: unknown[]) => {
    if ((stored === held && !failed) || !isSyncStatus(args[0])) return void send(...args);
    if (!failed) waiting.push({ after: held, args });
  }) as WebSocket['send'];
  return {
    hold(update) {
      const index = held++;
      update.then(
        () => {
          if (failed) return;
          if (index !== stored) return void storedAhead.add(index);
          stored++;
          while (storedAhead.delete(stored)) stored++;
          release();
        },
        (error: unknown) => {
          if (failed) return;
          failed = true;
          waiting.length = 0;
          onStoreFailed(error);
        },
      );
    },
  };
}
