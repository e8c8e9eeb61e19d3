import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isDesktopApp } from '../../bridge/native.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { notificationHref, POLL_MS, useNotifications } from './notificationStore.ts';
import type { AppNotification } from '../../screens/protected/types.ts';
import { usePopover } from '../usePopover.ts';
import './notifications.css';

const BellIcon = () => (
  <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden={true} focusable={false}>
    <path d="M6 10a6 6 0 0 1 12 0c0 4.5 1.6 6.3 2.2 7H3.8c.6-.7 2.2-2.5 2.2-7z" />
    <path d="M10 20.2a2.2 2.2 0 0 0 4 0" />
  </svg>
);

/** Keeps the person's notifications fresh: now, every ~20 s while visible, and on focus. */
function useNotificationPolling(userId: string | undefined): void {
  const refresh = useNotifications((state) => state.refresh);
  const cancel = useNotifications((state) => state.cancel);
  useEffect(() => {
    if (!userId) return;
    const poll = () => {
      if (document.visibilityState !== 'hidden') void refresh(userId);
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
      document.removeEventListener('visibilitychange', poll);
      cancel();
    };
  }, [userId, refresh, cancel]);
}

type Permission = 'default' | 'granted' | 'denied' | 'unsupported';

function browserPermission(): Permission {
  if (isDesktopApp()) return 'granted';
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The bell in the header: unread count, the latest notifications, each opening what it is about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  useNotificationPolling(user?.id);
  const notifications = useNotifications((state) => state.notifications);
  const unread = useNotifications((state) => state.unreadCount);
  const status = useNotifications((state) => state.status);
  const markAllRead = useNotifications((state) => state.markAllRead);
  const { open, setOpen, panelId, buttonRef, panelRef } = usePopover();
  const [permission, setPermission] = useState<Permission>(browserPermission);

  if (!user) return null;

  const askPermission = () => {
    // Only ever from this click: the browser's prompt never appears out of the blue.
    if (typeof Notification === 'undefined') return;
    void Notification.requestPermission().then((answer) => setPermission(answer));
  };

  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread > 0 ? t('notifications.openWithUnread', { count: unread }) : t('notifications.open')}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon />
        {unread > 0 ? (
          <span className="bell__count" data-testid="unread-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div ref={panelRef} id={panelId} className="bell__panel" role="dialog" aria-label={t('notifications.title')}>
          <div className="bell__head">
            <h2 className="bell__title">{t('notifications.title')}</h2>
            {unread > 0 ? (
              <button type="button" className="bell__action" onClick={() => void markAllRead()}>
                {t('notifications.markAllRead')}
              </button>
            ) : null}
          </div>
          {status === 'error' && notifications.length === 0 ? <p className="bell__empty">{t('notifications.loadFailed')}</p> : null}
          {status !== 'error' && notifications.length === 0 ? <p className="bell__empty">{t('notifications.empty')}</p> : null}
          {notifications.length > 0 ? (
            <ul className="bell__list" role="list">
              {notifications.map((notification) => (
                <li key={notification.id}>
                  <NotificationItem notification={notification} onOpen={() => setOpen(false)} />
                </li>
              ))}
            </ul>
          ) : null}
          {permission === 'default' ? (
            <div className="bell__footer">
              <button type="button" className="bell__action" onClick={askPermission}>
                {t('notifications.enableDesktop')}
              </button>
            </div>
          ) : permission === 'denied' ? (
            <div className="bell__footer muted">{t('notifications.desktopBlocked')}</div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function NotificationItem({ notification, onOpen }: { readonly notification: AppNotification; readonly onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const markRead = useNotifications((state) => state.markRead);
  const href = notificationHref(notification.link);
  const unread = notification.readAt === null;
  const open = () => {
    void markRead(notification.id);
    onOpen();
  };
  const content = (
    <>
      <span className="bell__dot" aria-hidden="true" />
      <span className="bell__text">
        <span className="bell__item-title">{notification.title}</span>
        <span className="bell__item-body">{notification.body}</span>
        <span className="bell__item-time">
          {format.dateTime(notification.createdAt)}
          {unread ? <span className="bell__sr"> · {t('notifications.unread')}</span> : null}
        </span>
      </span>
    </>
  );
  const className = `bell__item${unread ? ' bell__item--unread' : ''}`;
  return href ? (
    <a className={className} href={href} onClick={open} data-unread={unread}>
      {content}
    </a>
  ) : (
    <button type="button" className={className} onClick={open} data-unread={unread}>
      {content}
    </button>
  );
}
