import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/routes.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { DeskQueue } from './DeskQueue.tsx';
import { DeskReports } from './DeskReports.tsx';
import './desk.css';

/** The refund desk (#/desk, #/desk/reports): support's queue of claims, and the reports. */
export function DeskScreen({ tab }: { readonly tab: 'queue' | 'reports' }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <AppHeader trail={t('desk.title')} />
      <main className="page__main" id="main">
        <DeskSection tab={tab} />
      </main>
    </div>
  );
}

/** The desk with its tabs; also the first thing on support's home, where the page's h1 stays "All projects". */
export function DeskSection({ tab, heading: Heading = 'h1' }: { readonly tab: 'queue' | 'reports'; readonly heading?: 'h1' | 'h2' }) {
  const { t } = useTranslation();
  return (
    <section className="section desk" aria-labelledby="desk-title">
      <div className="section__head">
        <div>
          <Heading id="desk-title">{t('desk.title')}</Heading>
          <p className="muted">{t('desk.subtitle')}</p>
        </div>
      </div>
      <nav className="desk-tabs" aria-label={t('desk.tabs')}>
        <a href={routeHref({ name: 'desk', tab: 'queue' })} aria-current={tab === 'queue' ? 'page' : undefined}>
          {t('desk.tabQueue')}
        </a>
        <a href={routeHref({ name: 'desk', tab: 'reports' })} aria-current={tab === 'reports' ? 'page' : undefined}>
          {t('desk.tabReports')}
        </a>
      </nav>
      {tab === 'queue' ? <DeskQueue /> : <DeskReports />}
    </section>
  );
}
