import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { routeHref } from '../app/routes.ts';
import { selectRole, useAppStore } from '../state/store.ts';
import { LogoMark } from './Icons.tsx';
import { WatchHeaderItems } from './notifications/HeaderItems.tsx';
import { SettingsMenu } from './SettingsMenu.tsx';

export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <LogoMark className="brand__mark" />
      <span className="brand__name">{t('app.name')}</span>
    </span>
  );
}

/** The bar across the top of every signed-in screen: the brand, where you are, and your menu. */
export function AppHeader({ trail }: { readonly trail?: ReactNode }) {
  const { t } = useTranslation();
  const role = useAppStore(selectRole);
  return (
    <header className="app-header">
      <a className="app-header__home" href={routeHref({ name: 'home' })} aria-label={t('nav.projects')}>
        <Brand />
      </a>
      <nav className="app-header__trail" aria-label={t('nav.main')}>
        <a href={routeHref({ name: 'home' })}>{t('nav.projects')}</a>
        {trail ? (
          <>
            <span className="app-header__separator" aria-hidden="true">
              /
            </span>
            <span aria-current="page">{trail}</span>
          </>
        ) : null}
      </nav>
      <div className="app-header__end">
        <a className="app-header__link" href={routeHref({ name: 'catalog' })}>
          {t('nav.catalog')}
        </a>
        {role === 'support' || role === 'admin' ? (
          <a className="app-header__link" href={routeHref({ name: 'desk', tab: 'queue' })}>
            {t('desk.navLink')}
          </a>
        ) : null}
        <WatchHeaderItems />
        <SettingsMenu />
      </div>
    </header>
  );
}
