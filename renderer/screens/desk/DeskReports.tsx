import { useTranslation } from 'react-i18next';
import { deskReports } from '../../../core/api/desk.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';

const OUTCOME_KEYS = { refunded: 'desk.outcomeRefunded', partial: 'desk.outcomePartial', denied: 'desk.outcomeDenied', expired: 'desk.outcomeExpired' } as const;

/** What the desk recovered, by retailer and month; how claims ended; how long refunds take. */
export function DeskReports() {
  const { t } = useTranslation();
  const format = useFormatters();
  const report = useResource('desk-reports', (signal) => api.call(deskReports, { signal }));
  if (report.status === 'loading') return <LoadingState label={t('desk.reportsLoading')} />;
  if (report.status === 'error') return <ErrorState error={report.error} onRetry={report.reload} />;
  const { recovered, outcomes, medianDaysToRefund } = report.data;
  return (
    <div className="desk-reports" data-testid="desk-reports">
      <div className="desk-reports__head">
        <p className="desk-median">
          <span className="muted">{t('desk.median')}</span>{' '}
          <strong>{medianDaysToRefund === null ? t('desk.medianNone') : t('desk.medianValue', { days: medianDaysToRefund })}</strong>
        </p>
        <a className="button button--secondary button--sm" href="/api/desk/reports.csv" download>
          {t('desk.exportCsv')}
        </a>
      </div>
      <section className="section" aria-labelledby="recovered-title">
        <h2 id="recovered-title">{t('desk.recovered')}</h2>
        {recovered.length === 0 ? (
          <EmptyState>{t('desk.recoveredEmpty')}</EmptyState>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('desk.colRetailer')}</th>
                <th scope="col">{t('desk.month')}</th>
                <th scope="col" className="num">
                  {t('desk.count')}
                </th>
                <th scope="col" className="num">
                  {t('desk.refunded')}
                </th>
              </tr>
            </thead>
            <tbody>
              {recovered.map((row) => (
                <tr key={`${row.retailer.id}-${row.month}-${row.amount.currency}`}>
                  <td>{row.retailer.name}</td>
                  <td>{row.month}</td>
                  <td className="num">{row.claims}</td>
                  <td className="num">{format.money(row.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="outcomes-title">
        <h2 id="outcomes-title">{t('desk.outcomes')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('desk.outcome')}</th>
              <th scope="col" className="num">
                {t('desk.count')}
              </th>
              <th scope="col" className="num">
                {t('desk.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((row) => (
              <tr key={row.outcome}>
                <td>{t(OUTCOME_KEYS[row.outcome])}</td>
                <td className="num">{row.count}</td>
                <td className="num">{Math.round(row.rate * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
