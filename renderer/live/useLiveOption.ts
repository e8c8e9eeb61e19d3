/**
 * React access to live options: one `LiveOption` per option id and signed-in person, shared by
 * every component that asks for it (ref-counted; released a moment after the last one lets go
 * so a remount — StrictMode, a route change back and forth — keeps the connection).
 */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { can } from '../../core/permissions.ts';
import type { User } from '../api/types.ts';
import { selectUser, useAppStore } from '../state/store.ts';
import { collabUrlFor, createLiveOption, type LiveOption, type LiveOptionHandle, type LiveOptionSnapshot } from './liveOption.ts';
import { presenceColourFor, type PresenceState } from './presence.ts';

const RELEASE_DELAY_MS = 2000;

interface Entry {
  readonly live: LiveOptionHandle;
  users: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();

function keyFor(optionId: string, userId: string): string {
  return `${userId}:${optionId}`;
}

function open(optionId: string, user: User): LiveOptionHandle {
  // Edit rights depend on membership, which the server decides; the role is what we know offline.
  const mayEdit = can(user, 'option:edit', true) || can(user, 'option:swap', true);
  return createLiveOption({
    optionId,
    url: collabUrlFor(window.location),
    user: { id: user.id, name: user.name, role: user.role, colour: presenceColourFor(user.id) },
    readOnlyHint: !mayEdit,
    // Per person: another account on this machine never inherits someone's unsent edits.
    persistAs: mayEdit && typeof indexedDB !== 'undefined' ? `atelier:${user.id}:option:${optionId}` : null,
  });
}

function acquire(optionId: string, user: User): LiveOptionHandle {
  const key = keyFor(optionId, user.id);
  let entry = entries.get(key);
  if (!entry) {
    entry = { live: open(optionId, user), users: 0, releaseTimer: null };
    entries.set(key, entry);
  }
  if (entry.releaseTimer !== null) {
    clearTimeout(entry.releaseTimer);
    entry.releaseTimer = null;
  }
  entry.users += 1;
  return entry.live;
}

function release(optionId: string, userId: string): void {
  const key = keyFor(optionId, userId);
  const entry = entries.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users > 0) return;
  entry.releaseTimer = setTimeout(() => {
    entries.delete(key);
    entry.live.destroy();
  }, RELEASE_DELAY_MS);
}

/** The live option for `optionId` (null while none is given or nobody is signed in). */
export function useLiveOption(optionId: string | null): LiveOption | null {
  const user = useAppStore(selectUser);
  const userId = user?.id ?? null;
  const [live, setLive] = useState<{ key: string; live: LiveOption } | null>(null);
  useEffect(() => {
    if (!optionId || !user) return;
    const handle = acquire(optionId, user);
    setLive({ key: keyFor(optionId, user.id), live: handle });
    return () => release(optionId, user.id);
    // The person's identity, not every change to their preferences, decides the connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [optionId, userId]);
  if (!optionId || !userId || !live || live.key !== keyFor(optionId, userId)) return null;
  return live.live;
}

const noSubscription = () => () => undefined;
const nothing = () => null;

export function useLiveSnapshot(live: LiveOption | null): LiveOptionSnapshot | null {
  return useSyncExternalStore(live ? live.subscribe : noSubscription, live ? live.getSnapshot : nothing);
}

const NO_PEERS: readonly PresenceState[] = [];
const noPeers = () => NO_PEERS;

export function usePeers(live: LiveOption | null): readonly PresenceState[] {
  return useSyncExternalStore(live ? live.presence.subscribe : noSubscription, live ? live.presence.peers : noPeers);
}
