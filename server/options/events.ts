/**
 * [Options] An option's lock changed (approved, or its approval replaced), from the route that
 * committed it to the live connections (server/collab/server.ts), which drop that option's
 * sockets so every client reconnects and is authorised afresh — read-only while it is locked.
 * One emitter per store, so two servers in one process (tests) never hear each other.
 */
import { EventEmitter } from 'node:events';

const emitters = new WeakMap<object, EventEmitter<{ lockChanged: [string] }>>();

export function optionEventsFor(store: object): EventEmitter<{ lockChanged: [string] }> {
  let emitter = emitters.get(store);
  if (!emitter) {
    emitter = new EventEmitter<{ lockChanged: [string] }>();
    emitter.setMaxListeners(0);
    emitters.set(store, emitter);
  }
  return emitter;
}
