/**
 * [Collab] The Hocuspocus wire protocol as the relay bench's load generator speaks it: raw `ws`
 * sockets and pre-encoded messages, so that 150 clients in one process cost little more than the
 * bytes they move (no provider, no Y.Doc applying every update it receives). Messages are
 * `varString documentName · varUint type · …`; see @hocuspocus/server MessageReceiver.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE = { sync: 0, awareness: 1, auth: 2, syncStatus: 8 } as const;
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;
const AUTH_TOKEN = 0;
export const AUTH = { permissionDenied: 1, authenticated: 2 } as const;

function message(documentName: string, type: number, subtype: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, subtype);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function authMessage(documentName: string, token: string): Uint8Array {
  return message(documentName, MESSAGE.auth, AUTH_TOKEN, (encoder) => encoding.writeVarString(encoder, token));
}

/** Sync step 1 with the given state vector (an empty one asks for the whole document). */
export function syncStep1Message(documentName: string, stateVector: Uint8Array): Uint8Array {
  return message(documentName, MESSAGE.sync, SYNC.step1, (encoder) => encoding.writeVarUint8Array(encoder, stateVector));
}

export function updateMessage(documentName: string, update: Uint8Array): Uint8Array {
  return message(documentName, MESSAGE.sync, SYNC.update, (encoder) => encoding.writeVarUint8Array(encoder, update));
}

export type Incoming =
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'state'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'ack' }
  | { readonly kind: 'other' };

export function readIncoming(data: Uint8Array): Incoming {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE.auth) {
    const subtype = decoding.readVarUint(decoder);
    return subtype === AUTH.authenticated ? { kind: 'authenticated' } : subtype === AUTH.permissionDenied ? { kind: 'denied' } : { kind: 'other' };
  }
  if (type === MESSAGE.syncStatus) return { kind: 'ack' };
  if (type !== MESSAGE.sync) return { kind: 'other' };
  const subtype = decoding.readVarUint(decoder);
  if (subtype === SYNC.step2) return { kind: 'state', update: decoding.readVarUint8Array(decoder) };
  if (subtype === SYNC.update) return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
  return { kind: 'other' };
}

/**
 * The first struct's (client, clock) of a Yjs v1 update — what identifies one client's edit
 * wherever it is relayed — read from the header without decoding the update; null for an
 * update without structs (deletions only).
 */
export function firstStructId(update: Uint8Array): { readonly client: number; readonly clock: number } | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null; // clients with structs
  if (decoding.readVarUint(decoder) === 0) return null; // structs of the first client
  const client = decoding.readVarUint(decoder);
  const clock = decoding.readVarUint(decoder);
  return { client, clock };
}

/** One number per (client, clock): client ids are uint32, clocks stay far below 2^21 here. */
export function structKey(client: number, clock: number): number {
  return client * 2_097_152 + clock;
}
