/**
 * The live binding of one design option: its Yjs document (core/options/document.ts) kept in
 * step with the studio server through Hocuspocus (`/collab`, document `option:<id>`), kept in
 * IndexedDB so that edits made offline survive a reload and merge on reconnect, with an undo
 * history of my own edits only, and the presence of the others.
 *
 * Screens read one immutable snapshot (`getSnapshot`/`subscribe`, ready for
 * `useSyncExternalStore`) and change the option only through `edit`, which runs one
 * core/options edit as one transaction and one undo step. See .proto/LIVE-CONTRACT.md.
 */
import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import {
  createLocalUndoManager,
  defineOptionRoots,
  optionSchemaVersion,
  readFinishes,
  readItems,
  type EditResult,
  type OptionFinishes,
} from '../../core/options/index.ts';
import type { PlacedItem } from '../../core/room.ts';
import { createPresenceChannel, type PresenceChannel, type PresenceUser } from './presence.ts';

export type { PresenceChannel, PresenceState, PresenceUser } from './presence.ts';

export type SyncStatus = 'connecting' | 'syncing' | 'synced' | 'offline';

export interface LiveOptionSnapshot {
  /** Local (IndexedDB) or server state applied at least once. */
  readonly loaded: boolean;
  /** A new array only when items changed; unchanged items keep their identity. */
  readonly items: readonly PlacedItem[];
  readonly finishes: OptionFinishes;
  readonly status: SyncStatus;
  /** My edits the server has not acknowledged yet (kept across a reload while offline). */
  readonly pendingEdits: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Support / read-only connection: edits are refused. */
  readonly readOnly: boolean;
}

export interface LiveOption {
  readonly optionId: string;
  readonly doc: Y.Doc;
  getSnapshot(): LiveOptionSnapshot;
  /** useSyncExternalStore-ready. */
  subscribe(listener: () => void): () => void;
  /**
   * Runs the core/options edit as ONE transaction and ONE undo step, with my origin:
   * `live.edit((doc, origin) => moveItem(doc, id, { xMm, yMm }, origin))`. Refused when readOnly.
   */
  edit<T>(fn: (doc: Y.Doc, origin: unknown) => EditResult<T>): EditResult<T>;
  /** Only my own edits. */
  undo(): void;
  redo(): void;
  readonly presence: PresenceChannel;
  destroy(): void;
}

export interface LiveOptionConfig {
  readonly optionId: string;
  /** `ws(s)://host/collab`; see `collabUrlFor`. */
  readonly url: string;
  readonly user: PresenceUser;
  /** Session token; empty: the server reads the session cookie sent with the upgrade (the browser and Electron). */
  readonly token?: string;
  /** What the person's role allows, used until the server says (e.g. when opened offline). */
  readonly readOnlyHint?: boolean;
  /** IndexedDB database name for the offline copy; null keeps nothing locally. */
  readonly persistAs?: string | null;
  /** For Node (tests, benches): the `ws` package. */
  readonly WebSocketPolyfill?: unknown;
  readonly presenceThrottleMs?: number;
  /** Longest wait between reconnection attempts (default 5 s, so a restarted server is back within seconds). */
  readonly maxReconnectDelayMs?: number;
}

/** A live option with the provider exposed (tests, benches and the connection controls). */
export interface LiveOptionHandle extends LiveOption {
  readonly provider: HocuspocusProvider;
  /** Drops the connection and stops reconnecting until `reconnect` (the browser said it is offline). */
  disconnect(): void;
  reconnect(): void;
  /** Resolves once the local copy (if any) is loaded — for tests. */
  readonly whenLocalLoaded: Promise<void>;
}

export const COLLAB_PATH = '/collab';
const PENDING_KEY = 'pendingEdits';

/** The collab endpoint on the page's own origin — where both the browser and Electron reach the server. */
export function collabUrlFor(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${COLLAB_PATH}`;
}

export function optionDocumentName(optionId: string): string {
  return `option:${optionId}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameItem(a: PlacedItem, b: PlacedItem): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(a[key as keyof PlacedItem], b[key as keyof PlacedItem])) return false;
  return true;
}

/** Next items keeping the identity of every unchanged item, and of the array when nothing changed. */
export function reconcileItems(previous: readonly PlacedItem[], next: readonly PlacedItem[]): readonly PlacedItem[] {
  const before = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const result = next.map((item, index) => {
    const old = before.get(item.id);
    if (old && sameItem(old, item)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? result : previous;
}

const READ_ONLY_REFUSAL = { ok: false, reason: 'invalid', itemId: '', message: 'This option is read-only for you' } as const;

export function createLiveOption(config: LiveOptionConfig): LiveOptionHandle {
  const { optionId } = config;
  const doc = new Y.Doc();
  defineOptionRoots(doc);
  const origin = { local: true, optionId };
  const undoManager = createLocalUndoManager(doc, origin, 0);
  const listeners = new Set<() => void>();

  let snapshot: LiveOptionSnapshot = {
    loaded: false,
    items: [],
    finishes: readFinishes(doc),
    status: 'connecting',
    pendingEdits: 0,
    canUndo: false,
    canRedo: false,
    readOnly: config.readOnlyHint ?? false,
  };
  let everConnected = false;
  let pending = 0;
  let destroyed = false;

  const persistence = config.persistAs ? new IndexeddbPersistence(config.persistAs, doc) : null;
  const savePending = (): void => {
    void persistence?.set(PENDING_KEY, pending).catch(() => undefined);
  };

  const provider = new HocuspocusProvider({
    url: config.url,
    name: optionDocumentName(optionId),
    document: doc,
    token: config.token ?? '',
    maxDelay: config.maxReconnectDelayMs ?? 5000,
    ...(config.WebSocketPolyfill ? { WebSocketPolyfill: config.WebSocketPolyfill } : {}),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  const presence = createPresenceChannel(provider.awareness!, config.user, config.presenceThrottleMs);

  let connection: WebSocketStatus = WebSocketStatus.Connecting;
  const statusNow = (): SyncStatus => {
    if (connection !== WebSocketStatus.Connected || !provider.isAuthenticated) return everConnected ? 'offline' : connection === WebSocketStatus.Disconnected ? 'offline' : 'connecting';
    // A read-only connection's own (refused) changes are never acknowledged; it is synced once it has the server's state.
    return provider.synced && (provider.unsyncedChanges === 0 || provider.authorizedScope === 'readonly') ? 'synced' : 'syncing';
  };

  const publish = (patch: Partial<LiveOptionSnapshot>): void => {
    let changed = false;
    for (const key of Object.keys(patch) as (keyof LiveOptionSnapshot)[]) if (snapshot[key] !== patch[key]) changed = true;
    if (!changed || destroyed) return;
    snapshot = { ...snapshot, ...patch };
    for (const listener of [...listeners]) listener();
  };

  const refreshDocument = (): void => {
    const finishes = readFinishes(doc);
    publish({
      loaded: snapshot.loaded || optionSchemaVersion(doc) !== null,
      items: reconcileItems(snapshot.items, readItems(doc)),
      finishes: sameValue(finishes, snapshot.finishes) ? snapshot.finishes : finishes,
    });
  };

  const refreshConnection = (): void => {
    const status = statusNow();
    if (status === 'synced' && pending !== 0) {
      pending = 0;
      savePending();
    }
    const readOnly = provider.authorizedScope ? provider.authorizedScope === 'readonly' : snapshot.readOnly;
    publish({ status, pendingEdits: pending, readOnly });
  };

  const refreshUndo = (): void => publish({ canUndo: undoManager.undoStack.length > 0, canRedo: undoManager.redoStack.length > 0 });

  const onUpdate = (_update: Uint8Array, updateOrigin: unknown): void => {
    if (updateOrigin === origin || updateOrigin === undoManager) {
      pending += 1;
      savePending();
    }
    refreshDocument();
    refreshConnection();
  };
  doc.on('update', onUpdate);
  undoManager.on('stack-item-added', refreshUndo);
  undoManager.on('stack-item-popped', refreshUndo);
  undoManager.on('stack-cleared', refreshUndo);

  const onStatus = ({ status }: { status: WebSocketStatus }): void => {
    connection = status;
    refreshConnection();
  };
  const onAuthenticated = (): void => {
    everConnected = true;
    refreshConnection();
  };
  provider.on('status', onStatus);
  provider.on('authenticated', onAuthenticated);
  provider.on('synced', refreshConnection);
  provider.on('unsyncedChanges', refreshConnection);
  provider.on('disconnect', refreshConnection);
  // Refused (session gone, no longer a member): the server closes the socket; retrying cannot help.
  const onRefused = (): void => {
    provider.configuration.websocketProvider.disconnect();
    refreshConnection();
  };
  provider.on('authenticationFailed', onRefused);

  const whenLocalLoaded = persistence
    ? persistence.whenSynced.then(async () => {
        const stored = await persistence.get(PENDING_KEY).catch(() => undefined);
        // Edits made offline before a reload still wait, unless the server took them meanwhile.
        if (typeof stored === 'number' && stored > pending && statusNow() !== 'synced') pending = stored;
        refreshDocument();
        refreshConnection();
      })
    : Promise.resolve();

  const onBrowserOffline = (): void => provider.configuration.websocketProvider.disconnect();
  const onBrowserOnline = (): void => void provider.configuration.websocketProvider.connect();
  const browser = typeof window !== 'undefined' && typeof window.addEventListener === 'function' ? window : null;
  browser?.addEventListener('offline', onBrowserOffline);
  browser?.addEventListener('online', onBrowserOnline);

  return {
    optionId,
    doc,
    provider,
    whenLocalLoaded,
    presence,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    edit<T>(fn: (doc: Y.Doc, origin: unknown) => EditResult<T>): EditResult<T> {
      if (snapshot.readOnly) return READ_ONLY_REFUSAL;
      undoManager.stopCapturing();
      let result: EditResult<T> | undefined;
      // One outer transaction: whatever the edit does is one update and one undo step.
      doc.transact(() => {
        result = fn(doc, origin);
      }, origin);
      undoManager.stopCapturing();
      return result!;
    },
    undo() {
      if (!snapshot.readOnly) undoManager.undo();
    },
    redo() {
      if (!snapshot.readOnly) undoManager.redo();
    },
    disconnect: onBrowserOffline,
    reconnect: onBrowserOnline,
    destroy() {
      if (destroyed) return;
      browser?.removeEventListener('offline', onBrowserOffline);
      browser?.removeEventListener('online', onBrowserOnline);
      presence.destroy();
      provider.off('status', onStatus);
      provider.off('authenticated', onAuthenticated);
      provider.destroy();
      undoManager.destroy();
      doc.off('update', onUpdate);
      destroyed = true;
      listeners.clear();
      void persistence?.destroy();
      doc.destroy();
    },
  };
}
