import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * [Collab] Write coalescing for the live sockets. Relaying one update sends a frame to every
 * connection of the document (the sender's echo included) plus the sender's acknowledgement,
 * and `ws` writes each frame with a system call of its own — under load the server's largest
 * cost. Here the first frame a socket is sent in a turn of the event loop corks it, and one
 * `setImmediate` at the end of that turn uncorks every corked socket: all the frames a socket
 * got in the turn leave in one write, in order, before the loop waits for more input. Nothing
 * waits longer than the rest of the turn it was sent in.
 */
const corked = new Set<Socket>();
let flushScheduled = false;

function uncorkAll(): void {
  flushScheduled = false;
  for (const socket of corked) socket.uncork();
  corked.clear();
}

export function coalesceWrites(ws: WebSocket, socket: Socket): void {
  const send = ws.send.bind(ws) as (...args: unknown[]) => void;
  ws.send = ((...args: unknown[]) => {
    if (!corked.has(socket) && !socket.destroyed) {
      socket.cork();
      corked.add(socket);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(uncorkAll);
      }
    }
    send(...args);
  }) as WebSocket['send'];
}
