/**
 * [Collab] The project conversation on the project page: a "Messages" button with my unread
 * count, and a panel with the messages (newest at the bottom) and a composer. Opening the panel
 * marks everything read; a message arriving while it is open is read at once.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MESSAGE_MAX } from '../../../../core/api/chat.ts';
import { isApiError } from '../../../api/client.ts';
import type { ProjectChat } from '../../../live/projectChat.ts';
import { useChatSnapshot, useProjectChat } from '../../../live/useProjectChat.ts';
import { useFormatters } from '../../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../../state/store.ts';
import { can } from '../../../../core/permissions.ts';
import './chat.css';

export function ChatButton({ chat, open, onToggle }: { readonly chat: ProjectChat | null; readonly open: boolean; readonly onToggle: () => void }) {
  const { t } = useTranslation();
  const { unread } = useChatSnapshot(chat);
  return (
    <button type="button" className="button button--secondary button--sm chat-button" aria-expanded={open} aria-controls="project-chat" onClick={onToggle} data-testid="chat-button">
      {t('chat.open')}
      {unread > 0 ? (
        <span className="chat-button__badge" data-testid="chat-unread" aria-label={t('chat.unread', { count: unread })}>
          {unread}
        </span>
      ) : null}
    </button>
  );
}

export function ChatPanel({ chat, onClose }: { readonly chat: ProjectChat | null; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const snapshot = useChatSnapshot(chat);
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const composerId = useId();
  // Customers and designers post in their projects; support reads (the server decides membership).
  const mayPost = user ? can(user, 'project:edit', true) : false;

  useEffect(() => {
    if (snapshot.unread > 0) void chat?.markAllRead();
  }, [chat, snapshot.unread, snapshot.messages.length]);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  }, [snapshot.messages.length]);

  const trimmed = draft.trim();
  const tooLong = trimmed.length > CHAT_MESSAGE_MAX;

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!chat || sending || trimmed.length === 0 || tooLong) return;
    setSending(true);
    setError(null);
    try {
      await chat.post(trimmed);
      setDraft('');
    } catch (caught) {
      setError(isApiError(caught) && caught.code !== 'network' ? caught.message : t('chat.sendFailed'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void send(event);
  };

  return (
    <section id="project-chat" className="chat-panel" aria-label={t('chat.title')} data-testid="chat-panel">
      <header className="chat-panel__head">
        <h2 className="panel__title">{t('chat.title')}</h2>
        <button type="button" className="button button--ghost button--sm" onClick={onClose}>
          {t('chat.close')}
        </button>
      </header>
      {snapshot.status === 'error' && snapshot.messages.length === 0 ? <p className="muted chat-panel__empty">{t('chat.loadFailed')}</p> : null}
      {snapshot.status === 'ready' && snapshot.messages.length === 0 ? <p className="muted chat-panel__empty">{t('chat.empty')}</p> : null}
      <ol className="chat-messages" ref={listRef} role="log" aria-live="polite" aria-label={t('chat.messages')}>
        {snapshot.messages.map((message) => (
          <li key={message.id} className={message.authorId === user?.id ? 'chat-message chat-message--mine' : 'chat-message'} data-testid="chat-message">
            <span className="chat-message__meta">
              <strong>{message.authorId === user?.id ? t('chat.you') : message.authorName}</strong> · <time dateTime={message.createdAt}>{format.dateTime(message.createdAt)}</time>
            </span>
            <span className="chat-message__body">{message.body}</span>
          </li>
        ))}
      </ol>
      {mayPost ? (
        <form className="chat-composer" onSubmit={(event) => void send(event)}>
          <label htmlFor={composerId} className="chat-composer__label">
            {t('chat.composerLabel')}
          </label>
          <textarea id={composerId} rows={2} value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={onKeyDown} placeholder={t('chat.placeholder')} aria-invalid={tooLong || undefined} aria-describedby={`${composerId}-hint`} />
          <div className="chat-composer__row">
            <span id={`${composerId}-hint`} className={tooLong || error ? 'chat-composer__hint chat-composer__hint--error' : 'chat-composer__hint'} role={error ? 'alert' : undefined}>
              {error ?? (tooLong ? t('chat.tooLong', { max: CHAT_MESSAGE_MAX.toLocaleString() }) : trimmed.length > CHAT_MESSAGE_MAX - 200 ? t('chat.left', { count: CHAT_MESSAGE_MAX - trimmed.length }) : t('chat.enterToSend'))}
            </span>
            <button type="submit" className="button button--primary button--sm" disabled={sending || trimmed.length === 0 || tooLong}>
              {sending ? t('chat.sending') : t('chat.send')}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted chat-panel__empty">{t('chat.readOnly')}</p>
      )}
    </section>
  );
}

/** The button and the panel together: what the project page drops into its title row. */
export function ProjectChatDock({ projectId }: { readonly projectId: string }) {
  const chat = useProjectChat(projectId);
  const [open, setOpen] = useState(false);
  return (
    <>
      <ChatButton chat={chat} open={open} onToggle={() => setOpen(!open)} />
      {open ? <ChatPanel chat={chat} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
