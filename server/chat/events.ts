/**
 * [Collab] New chat messages, from the route that committed them to the live connections that
 * deliver them (server/collab/chat.ts). One emitter per store, so two servers in one process
 * (tests) never hear each other.
 */
import { EventEmitter } from 'node:events';
import type { ChatMessage } from './messages.ts';

const emitters = new WeakMap<object, EventEmitter>();

export function chatEventsFor(store: object): EventEmitter<{ message: [ChatMessage] }> {
  let emitter = emitters.get(store);
  if (!emitter) {
    emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    emitters.set(store, emitter);
  }
  return emitter as EventEmitter<{ message: [ChatMessage] }>;
}
