import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import { Hocuspocus } from '@hocuspocus/server';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import * as decoding from 'lib0/decoding';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { toSnapshot } from '../../core/options/index.ts';
import { can } from '../../core/permissions.ts';
import { SESSION_COOKIE, userForToken } from '../auth/sessions.ts';
import type { User } from '../auth/users.ts';
import type { Database } from '../db/schema.ts';
import { readCookie } from '../http/cookies.ts';
import { isProjectMember, SCOPE_RESOLVERS } from '../http/scopes.ts';
import { isOptionLocked } from '../options/approvals.ts';
import { optionEventsFor } from '../options/events.ts';
import { chatEventsFor } from '../chat/events.ts';
import type { ChatMessage } from '../chat/messages.ts';
import { gateAcks, type AckGate } from './acks.ts';
import { checkUpdate } from './check-update.ts';
import { COMPACT_AFTER_UPDATES, loadOptionInto } from './store.ts';
import { forwardUpdate, relayToOthers, SYNC_UPDATE } from './relay.ts';
import { createUpdateWriter } from './writer.ts';
import { sqliteWorkerSink } from './sqlite-sink.ts';

/**
 * [Collab] The live option documents, on the API's port at `/collab` (Hocuspocus without a
 * listener of its own; Fastify's HTTP server hands over the upgrade). Document name
 * `option:<optionId>`.
 *
 * Who: the session token (the provider's `token`, else the session cookie on the upgrade) must
 * be live; the option must exist; the person must be allowed to read its project. Anyone
 * without option:edit or option:swap there (support) gets a read-only connection.
 *
 * Durability guarantee: every Yjs update a writable connection sends (sync step 2 or update) is
 * queued for `option_updates` in `beforeHandleMessage`, and only then passed on to the others
 * (relay.ts) and applied by Hocuspocus; the acknowledgement (SyncStatus) to the sender is held
 * back until the write has committed (acks.ts). Writes go through one ordered group-commit
 * stream (writer.ts), so they land in arrival order, many per transaction under load. The others
 * see an edit without waiting for the disk (relay.ts: everyone but the sender); an update the
 * sender saw acknowledged is in the store even if the process is then killed (one not yet
 * acknowledged is sent again by its client when it reconnects). After COMPACT_AFTER_UPDATES
 * stored updates, the live document's state replaces them (through the same stream), one option
 * at a time.
 *
 * Bad input: a message over MAX_MESSAGE_BYTES (ws closes with 1009) or one that does not decode
 * closes the connection, is logged, and nothing is stored. A refused connection (no live session,
 * unknown document, not a member) is answered "permission denied", logged, and closed (REFUSED).
 *
 * Chat delivery: document `chat:<projectId>` is an empty, read-only, never-stored document per
 * project; a member (or support) connects to it and receives each new message of the project
 * conversation as a stateless message (JSON `{ "type": "chat.message", "message": … }`) the
 * moment its POST commits. The REST API stays the record; this is only the doorbell.
 */
export const COLLAB_PATH = '/collab';
export const MAX_MESSAGE_BYTES = 1024 * 1024;
export const MALFORMED_CLOSE_CODE = 4400;
const STORE_FAILED_CLOSE_CODE = 1011;
/** Close codes of a refused connection, after the permission-denied answer. */
export const REFUSED = {
  unauthenticated: { code: 4401, reason: 'unauthenticated' },
  forbidden: { code: 4403, reason: 'forbidden' },
  notFound: { code: 4404, reason: 'not found' },
} as const;
const REFUSED_CLOSE_DELAY_MS = 50;
const LAUNCH_SECRET_HEADER = 'x-atelier-launch-secret';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;

export interface CollabOptions {
  readonly db: Kysely<Database>;
  readonly log: FastifyBaseLogger;
  readonly launchSecret?: string;
  readonly compactAfter?: number;
  /** The SQLite store's file: live updates are then written from a worker thread (sqlite-sink.ts). */
  readonly sqliteFile?: string;
}

export interface Collab {
  readonly hocuspocus: Hocuspocus;
  /** Closes every connection and waits for pending writes and compactions. */
  close(): Promise<void>;
}

interface CollabContext {
  readonly user: User;
  /** The option for `option:` documents; null for a project's chat document. */
  readonly optionId: string | null;
  readonly readOnly: boolean;
}

export function optionIdFromDocumentName(name: string): string | null {
  const match = /^option:([A-Za-z0-9_-]{1,100})$/.exec(name);
  return match ? match[1]! : null;
}

export function chatProjectIdFromDocumentName(name: string): string | null {
  const match = /^chat:([A-Za-z0-9_-]{1,100})$/.exec(name);
  return match ? match[1]! : null;
}

export function chatDocumentName(projectId: string): string {
  return `chat:${projectId}`;
}

export const CHAT_MESSAGE_EVENT = 'chat.message';

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A sync message's Yjs update, and where its subtype (step 2 or update) sits in the message. */
export interface SyncUpdate {
  readonly update: Uint8Array;
  readonly subtypeAt: number;
}

/** The Yjs update a sync message carries, or null for any other message. Throws if it is malformed. */
export function updateInMessage(data: Uint8Array): SyncUpdate | null {
  const decoder = decoding.createDecoder(data);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC) return null;
  const subtypeAt = decoder.pos;
  const subtype = decoding.readVarUint(decoder);
  if (subtype !== SYNC_STEP_2 && subtype !== SYNC_UPDATE) return null;
  const update = decoding.readVarUint8Array(decoder);
  checkUpdate(update); // throws on a malformed update, before anything is stored, applied or relayed
  return { update, subtypeAt };
}

export function attachCollab(app: FastifyInstance, options: CollabOptions): Collab {
  const { db, log } = options;
  const compactAfter = options.compactAfter ?? COMPACT_AFTER_UPDATES;
  const sink = options.sqliteFile ? sqliteWorkerSink(options.sqliteFile) : undefined;
  const writer = createUpdateWriter(db, sink, {
    onStored: (optionIds) => optionIds.forEach((optionId) => checkCompaction(optionId)),
  });

  // Compaction, once more than compactAfter updates are stored: the live document's state and
  // snapshot replace the option's stored updates (writer.ts). It runs in a turn of its own, so
  // that every update queued for the store so far has been applied to the document (Hocuspocus
  // applies a message in the microtasks right after beforeHandleMessage); on the relay's thread
  // it costs one encoding of the document, and the write goes through the store's ordered stream.
  const compacting = new Set<string>();
  const compactions = new Set<Promise<void>>();
  let closed = false;
  // One at a time, each in a turn of its own: rooms that reach the threshold together (they do
  // under a steady load) must not stall the relay for all of them at once.
  let compactionTurn: Promise<void> = Promise.resolve();
  const maybeCompact = async (optionId: string): Promise<void> => {
    if (closed || compacting.has(optionId) || (await writer.storedCount(optionId)) <= compactAfter || compacting.has(optionId)) return;
    compacting.add(optionId);
    let compacted = false;
    const running = compactionTurn
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        const document = hocuspocus.documents.get(`option:${optionId}`);
        if (!document) return; // unloaded meanwhile: the next session's updates will ask again
        await writer.compact({ optionId, state: Y.encodeStateAsUpdate(document), document: JSON.stringify(toSnapshot(document)) });
        compacted = true;
      })
      .catch((error: unknown) => log.error({ err: error, optionId }, 'collab compaction failed (updates kept)'))
      .finally(() => {
        compacting.delete(optionId);
        compactions.delete(running);
        // The updates that came while it ran may already call for the next one.
        if (compacted) checkCompaction(optionId);
      });
    compactions.add(running);
    compactionTurn = running;
  };
  const checkCompaction = (optionId: string): void => void maybeCompact(optionId).catch((error: unknown) => log.error({ err: error, optionId }, 'collab compaction check failed'));

  // A refused connection is told so (Hocuspocus sends the permission-denied message) and then
  // closed: the socket of a forged session or a non-member is not left open.
  const sockets = new WeakMap<IncomingMessage, WebSocket>();
  const gates = new WeakMap<WebSocket, AckGate>();
  type Refuse = (request: IncomingMessage, close: { readonly code: number; readonly reason: string }, fields: Record<string, unknown>, message: string) => never;
  // Annotated so that TypeScript narrows after a call (a `never` arrow alone does not).
  const refuse: Refuse = (request, close, fields, message) => {
    log.warn(fields, message);
    const socket = sockets.get(request);
    if (socket) setTimeout(() => socket.close(close.code, close.reason), REFUSED_CLOSE_DELAY_MS).unref();
    throw new Error(close.reason);
  };

  const hocuspocus = new Hocuspocus({
    quiet: true,
    async onAuthenticate({ token, request, documentName, connectionConfig }) {
      const optionId = optionIdFromDocumentName(documentName);
      const chatProjectId = chatProjectIdFromDocumentName(documentName);
      const sessionToken = token || readCookie(request.headers.cookie, SESSION_COOKIE);
      const user = sessionToken ? await userForToken(db, sessionToken) : null;
      if (!user) refuse(request, REFUSED.unauthenticated, { documentName: documentName.slice(0, 120) }, 'collab connection refused: no live session');
      const projectId = optionId ? await SCOPE_RESOLVERS.option!(db, optionId) : chatProjectId ? await SCOPE_RESOLVERS.project!(db, chatProjectId) : null;
      if ((!optionId && !chatProjectId) || typeof projectId !== 'string') refuse(request, REFUSED.notFound, { documentName: documentName.slice(0, 120), userId: user.id }, 'collab connection refused: unknown document');
      const member = await isProjectMember(db, projectId, user.id);
      if (!can(user, 'project:read', member)) refuse(request, REFUSED.forbidden, { documentName, userId: user.id }, 'collab connection refused: not a member');
      // A chat document carries no content of its own: nobody writes to it.
      const readOnly = chatProjectId !== null || (!can(user, 'option:edit', member) && !can(user, 'option:swap', member));
      // The approved option is the basis of the shopping list: locked, read-only for everyone.
      if (readOnly || (optionId !== null && (await isOptionLocked(db, optionId)))) connectionConfig.readOnly = true;
      return { user, optionId, readOnly: connectionConfig.readOnly } satisfies CollabContext;
    },
    async onLoadDocument({ document, documentName }) {
      if (chatProjectIdFromDocumentName(documentName)) return document;
      const optionId = optionIdFromDocumentName(documentName);
      if (!optionId) throw new Error('unknown document');
      await loadOptionInto(db, optionId, document);
      relayToOthers(document);
      return document;
    },
    async beforeHandleMessage({ update: message, connection, context, document, documentName }) {
      let sync: SyncUpdate | null;
      try {
        sync = updateInMessage(message);
      } catch (error) {
        log.warn({ err: error, documentName, userId: (context as CollabContext | undefined)?.user?.id }, 'collab: malformed message, connection closed');
        // Hocuspocus would only close this document on the (multiplexed) socket; the sender is faulty or hostile.
        connection.webSocket.close(MALFORMED_CLOSE_CODE, 'malformed message');
        throw error;
      }
      if (!sync || connection.readOnly) return;
      const optionId = (context as CollabContext).optionId;
      if (!optionId) return;
      const gate = gates.get(connection.webSocket);
      // Every socket gets its gate before Hocuspocus sees it; without one nothing could be acknowledged safely.
      if (!gate) throw new Error('collab: a connection without an acknowledgement gate');
      gate.hold(writer.append(optionId, sync.update));
      // Queued for the store first: the others never hold an update the store was not asked to keep.
      forwardUpdate(document, connection, message, sync.subtypeAt);
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('connection', (ws, request: IncomingMessage) => {
    sockets.set(request, ws);
    gates.set(
      ws,
      gateAcks(ws, (error) => {
        log.error({ err: error }, 'collab: an update could not be stored; connection closed, its client will send it again');
        ws.close(STORE_FAILED_CLOSE_CODE, 'store failed');
      }),
    );
    ws.on('error', (error) => log.warn({ err: error }, 'collab connection error (closed)'));
    hocuspocus.handleConnection(ws, request);
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const pathname = (request.url ?? '').split('?')[0];
    if (pathname !== COLLAB_PATH && !pathname?.startsWith(`${COLLAB_PATH}/`)) return;
    if (options.launchSecret && !secretMatches(request.headers[LAUNCH_SECRET_HEADER], options.launchSecret)) {
      log.warn('collab upgrade without the launch secret refused');
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  app.server.on('upgrade', onUpgrade);

  const chatEvents = chatEventsFor(db);
  const deliverChat = (message: ChatMessage): void => {
    hocuspocus.documents.get(chatDocumentName(message.projectId))?.broadcastStateless(JSON.stringify({ type: CHAT_MESSAGE_EVENT, message }));
  };
  chatEvents.on('message', deliverChat);
  const optionEvents = optionEventsFor(db);
  // Closing the sockets (not only Hocuspocus's per-document close) makes each provider
  // reconnect and pass onAuthenticate again, which decides read-only afresh.
  const reauthorise = (optionId: string): void => {
    hocuspocus.documents.get(`option:${optionId}`)?.connections.forEach(({ connection }) => connection.webSocket.close(4409, 'option lock changed'));
  };
  optionEvents.on('lockChanged', reauthorise);

  return {
    hocuspocus,
    async close() {
      closed = true;
      app.server.off('upgrade', onUpgrade);
      chatEvents.off('message', deliverChat);
      optionEvents.off('lockChanged', reauthorise);
      hocuspocus.closeConnections();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await writer.drained();
      await Promise.all([...compactions]);
      await sink?.close();
    },
  };
}
