import { useEffect, useState, useSyncExternalStore } from 'react';
import { api } from '../app/studio.ts';
import { selectUser, useAppStore } from '../state/store.ts';
import { collabUrlFor } from './liveOption.ts';
import { createProjectChat, type ChatSnapshot, type ProjectChat } from './projectChat.ts';

/** The project's conversation for the signed-in person, open while the project page is. */
export function useProjectChat(projectId: string): ProjectChat | null {
  const userId = useAppStore(selectUser)?.id ?? null;
  const [chat, setChat] = useState<ProjectChat | null>(null);
  useEffect(() => {
    if (!userId) return;
    const created = createProjectChat({ projectId, userId, api, url: collabUrlFor(window.location) });
    setChat(created);
    return () => {
      created.destroy();
      setChat(null);
    };
  }, [projectId, userId]);
  return chat;
}

const EMPTY: ChatSnapshot = { status: 'loading', messages: [], unread: 0, live: false };
const noSubscription = () => () => undefined;
const empty = () => EMPTY;

export function useChatSnapshot(chat: ProjectChat | null): ChatSnapshot {
  return useSyncExternalStore(chat ? chat.subscribe : noSubscription, chat ? chat.getSnapshot : empty);
}
