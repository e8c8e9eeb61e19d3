import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes.ts';
import { useRoute } from '../../app/useRoute.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { NotificationBell } from './NotificationBell.tsx';

const ShieldIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden={true} focusable={false}>
    <path d="M12 3l7.5 3v5.5c0 4.6-3.2 8.3-7.5 9.5-4.3-1.2-7.5-4.9-7.5-9.5V6L12 3z" />
    <path d="M8.8 12.2l2.3 2.3 4.3-4.6" />
  </svg>
);

const PersonIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden={true} focusable={false}>
    <circle cx="12" cy="8" r="3.6" />
    <path d="M4.8 20c.9-3.6 3.7-5.6 7.2-5.6s6.3 2 7.2 5.6" />
  </svg>
);

/** The header's items: the customer's "Protected purchases" link, everyone's account link (notification settings, their data) and bell. */
export function WatchHeaderItems() {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const route = useRoute();
  if (!user) return null;
  const here = route.name === 'protected' || route.name === 'claim';
  return (
    <div className="watch-header">
      {user.role === 'customer' ? (
        <a className="watch-header__link" href={routeHref({ name: 'protected' })} aria-current={route.name === 'protected' ? 'page' : undefined} data-active={here}>
          <ShieldIcon />
          <span>{t('protected.navLink')}</span>
        </a>
      ) : null}
      <a className="watch-header__link" href={routeHref({ name: 'account' })} aria-current={route.name === 'account' ? 'page' : undefined} data-active={route.name === 'account'}>
        <PersonIcon />
        <span>{t('account.navLink')}</span>
      </a>
      <NotificationBell />
    </div>
  );
}
