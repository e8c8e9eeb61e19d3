/**
 * Who else is in the option right now, and what they point at — over the provider's Yjs
 * awareness, never the document: presence is not persisted and vanishes with the connection.
 * Local changes are throttled (a drag sends at most one awareness update per `throttleMs`,
 * the last position always goes out).
 */
import type { Awareness } from 'y-protocols/awareness';

export interface PresenceUser {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly colour: string;
}

export interface PresenceDragging {
  readonly itemId: string;
  readonly xMm: number;
  readonly yMm: number;
  readonly rotationDeg: number;
}

export interface PresenceState {
  readonly clientId: number;
  readonly user: PresenceUser;
  /** Item ids. */
  readonly selection: readonly string[];
  readonly dragging: PresenceDragging | null;
  /** Plan-view pointer. */
  readonly pointer: { readonly xMm: number; readonly yMm: number } | null;
}

export type PresencePatch = Partial<Pick<PresenceState, 'selection' | 'dragging' | 'pointer'>>;

export interface PresenceChannel {
  /** Throttled inside. */
  setLocal(patch: PresencePatch): void;
  /** Everyone else in this option, excluding me (one entry per connection). */
  peers(): readonly PresenceState[];
  subscribe(listener: () => void): () => void;
}

export const PRESENCE_THROTTLE_MS = 33;

/** Colours for people's outlines and pointers: distinct, readable on the light and dark themes. */
const PRESENCE_COLOURS = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'];

/** A stable colour per person, the same on every screen that shows them. */
export function presenceColourFor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PRESENCE_COLOURS[hash % PRESENCE_COLOURS.length]!;
}

const NO_PEERS: readonly PresenceState[] = [];

/** Reads one awareness entry defensively: a peer may run another version or be hostile. */
export function readPresence(clientId: number, raw: unknown): PresenceState | null {
  if (!raw || typeof raw !== 'object') return null;
  const state = raw as Record<string, unknown>;
  const user = state.user as Record<string, unknown> | undefined;
  if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') return null;
  const selection = Array.isArray(state.selection) ? state.selection.filter((id): id is string => typeof id === 'string').slice(0, 500) : [];
  const dragging = state.dragging as Record<string, unknown> | null | undefined;
  const pointer = state.pointer as Record<string, unknown> | null | undefined;
  const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
  return {
    clientId,
    user: {
      id: user.id,
      name: user.name.slice(0, 120),
      role: typeof user.role === 'string' ? user.role : '',
      colour: typeof user.colour === 'string' && /^#[0-9a-f]{6}$/i.test(user.colour) ? user.colour : presenceColourFor(user.id),
    },
    selection,
    dragging:
      dragging && typeof dragging.itemId === 'string' && finite(dragging.xMm) && finite(dragging.yMm) && finite(dragging.rotationDeg)
        ? { itemId: dragging.itemId, xMm: dragging.xMm, yMm: dragging.yMm, rotationDeg: dragging.rotationDeg }
        : null,
    pointer: pointer && finite(pointer.xMm) && finite(pointer.yMm) ? { xMm: pointer.xMm, yMm: pointer.yMm } : null,
  };
}

export function createPresenceChannel(awareness: Awareness, user: PresenceUser, throttleMs = PRESENCE_THROTTLE_MS): PresenceChannel & { destroy(): void } {
  const listeners = new Set<() => void>();
  let peers: readonly PresenceState[] = NO_PEERS;
  let local: Omit<PresenceState, 'clientId'> = { user, selection: [], dragging: null, pointer: null };
  let lastSent = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const send = (): void => {
    timer = null;
    lastSent = Date.now();
    awareness.setLocalState({ ...local });
  };
  send();

  const recompute = (): void => {
    const next: PresenceState[] = [];
    for (const [clientId, raw] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const state = readPresence(clientId, raw);
      if (state) next.push(state);
    }
    next.sort((a, b) => a.clientId - b.clientId);
    peers = next.length === 0 ? NO_PEERS : next;
    for (const listener of [...listeners]) listener();
  };
  awareness.on('change', recompute);

  return {
    setLocal(patch) {
      local = { ...local, ...patch };
      if (timer !== null) return;
      const wait = throttleMs - (Date.now() - lastSent);
      if (wait <= 0) send();
      else timer = setTimeout(send, wait);
    },
    peers: () => peers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      if (timer !== null) clearTimeout(timer);
      awareness.off('change', recompute);
      listeners.clear();
    },
  };
}
