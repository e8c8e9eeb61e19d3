/**
 * [Collab] One project's conversation in the renderer, apart from React: the messages (REST is
 * the record), my unread count, and live arrival through the project's chat document on the
 * collab server (`chat:<projectId>`, a stateless message per new message — see
 * server/collab/server.ts). After a reconnect it fetches what came meanwhile; a slow poll covers
 * anything else. Snapshots are immutable, for `useSyncExternalStore`.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import type { z } from 'zod';
import * as chat from '../../core/api/chat.ts';
import type { ApiClient } from '../api/client.ts';

export type ChatMessage = z.infer<typeof chat.ChatMessageSchema>;

export interface ChatSnapshot {
  readonly status: 'loading' | 'ready' | 'error';
  /** Oldest first. */
  readonly messages: readonly ChatMessage[];
  readonly unread: number;
  /** Whether new messages arrive live right now. */
  readonly live: boolean;
}

export interface ProjectChat {
  getSnapshot(): ChatSnapshot;
  subscribe(listener: () => void): () => void;
  /** Sends a message (idempotent on retry); resolves with it or rejects with the ApiError. */
  post(body: string): Promise<ChatMessage>;
  /** I have seen everything up to the newest message. */
  markAllRead(): Promise<void>;
  refresh(): Promise<void>;
  destroy(): void;
}

export interface ProjectChatConfig {
  readonly projectId: string;
  readonly userId: string;
  readonly api: ApiClient;
  /** `ws(s)://host/collab`. */
  readonly url: string;
  readonly token?: string;
  readonly WebSocketPolyfill?: unknown;
  readonly pollMs?: number;
}

const POLL_MS = 20_000;

function clientKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Messages merged by id, oldest first (ids are time-ordered). */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): readonly ChatMessage[] {
  const known = new Set(current.map((message) => message.id));
  const fresh = incoming.filter((message) => !known.has(message.id));
  if (fresh.length === 0) return current;
  return [...current, ...fresh].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function createProjectChat(config: ProjectChatConfig): ProjectChat {
  const { projectId, userId, api } = config;
  const listeners = new Set<() => void>();
  let snapshot: ChatSnapshot = { status: 'loading', messages: [], unread: 0, live: false };
  let destroyed = false;

  const publish = (patch: Partial<ChatSnapshot>): void => {
    if (destroyed) return;
    snapshot = { ...snapshot, ...patch };
    for (const listener of [...listeners]) listener();
  };

  const add = (incoming: readonly ChatMessage[], countUnread: boolean): void => {
    const messages = mergeMessages(snapshot.messages, incoming);
    if (messages === snapshot.messages) return;
    const known = new Set(snapshot.messages.map((message) => message.id));
    const othersNew = countUnread ? incoming.filter((message) => !known.has(message.id) && message.authorId !== userId).length : 0;
    publish({ messages, unread: snapshot.unread + othersNew });
  };

  const refresh = async (): Promise<void> => {
    const newest = snapshot.messages[snapshot.messages.length - 1];
    try {
      const answer = await api.call(chat.listChat, { params: { projectId }, query: newest ? { after: newest.id } : {} });
      const messages = mergeMessages(snapshot.messages, answer.messages);
      publish({ status: 'ready', messages, unread: answer.unread });
    } catch {
      if (snapshot.status === 'loading') publish({ status: 'error' });
    }
  };

  const provider = new HocuspocusProvider({
    url: config.url,
    name: `chat:${projectId}`,
    token: config.token ?? '',
    maxDelay: 5000,
    ...(config.WebSocketPolyfill ? { WebSocketPolyfill: config.WebSocketPolyfill } : {}),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  provider.on('stateless', ({ payload }: { payload: string }) => {
    try {
      const event = JSON.parse(payload) as { type?: string; message?: unknown };
      const parsed = chat.ChatMessageSchema.safeParse(event.message);
      if (event.type === 'chat.message' && parsed.success && parsed.data.projectId === projectId) add([parsed.data], true);
    } catch {
      // Not ours to read.
    }
  });
  // (Re)connected: whatever was posted while we were away comes by REST.
  provider.on('synced', () => {
    publish({ live: true });
    void refresh();
  });
  provider.on('disconnect', () => publish({ live: false }));
  // Refused: the server closes the socket and retrying cannot help; the slow poll still answers.
  provider.on('authenticationFailed', () => provider.configuration.websocketProvider.disconnect());

  void refresh();
  const poll = setInterval(() => void refresh(), config.pollMs ?? POLL_MS);

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async post(body) {
      const { message } = await api.call(chat.postChatMessage, { params: { projectId }, body: { body, clientKey: clientKey() } });
      add([message], false);
      return message;
    },
    async markAllRead() {
      const newest = snapshot.messages[snapshot.messages.length - 1];
      if (!newest || snapshot.unread === 0) return;
      publish({ unread: 0 });
      try {
        const answer = await api.call(chat.markChatRead, { params: { projectId }, body: { lastReadId: newest.id } });
        // Something may have arrived meanwhile.
        if (snapshot.messages[snapshot.messages.length - 1]?.id === newest.id) publish({ unread: answer.unread });
      } catch {
        // Stays read here; the server's count comes back with the next refresh.
      }
    },
    refresh,
    destroy() {
      destroyed = true;
      clearInterval(poll);
      provider.destroy();
      listeners.clear();
    },
  };
}
