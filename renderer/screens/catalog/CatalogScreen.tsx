import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes.ts';
import { selectRole, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Upload } from './CatalogIcons.tsx';
import { CatalogPanel } from './CatalogPanel.tsx';
import './catalog.css';

/** `#/catalog`: every retailer's products, searchable by anyone signed in; admins import feeds. */
export function CatalogScreen() {
  const { t } = useTranslation();
  const role = useAppStore(selectRole);
  return (
    <div className="page page--catalog">
      <AppHeader trail={t('catalog.title')} />
      <main className="catalog-page" id="main">
        <div className="catalog-page__head">
          <div>
            <h1>{t('catalog.title')}</h1>
            <p className="muted">{t('catalog.subtitle')}</p>
          </div>
          {role === 'admin' ? (
            <a className="button button--secondary" href={routeHref({ name: 'catalog-import' })}>
              <span className="button__icon" aria-hidden="true">
                <Upload />
              </span>
              {t('catalog.importFeed')}
            </a>
          ) : null}
        </div>
        <CatalogPanel />
      </main>
    </div>
  );
}
