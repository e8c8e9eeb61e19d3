import { useTranslation } from 'react-i18next';
import type { importCatalogFeed } from '../../../core/api/catalog.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { routeHref } from '../../app/routes.ts';
import { Button } from '../../ui/Button.tsx';
import { Check } from '../../ui/Icons.tsx';

/** What an import did: new, updated, unchanged, and every rejected row with its line and reason. */
export function ImportReport({ report, onAnother }: { readonly report: ResponseOf<typeof importCatalogFeed>; readonly onAnother: () => void }) {
  const { t } = useTranslation();
  const figures = [
    { label: t('catalogImport.imported'), value: report.imported, tone: 'ok' },
    { label: t('catalogImport.updated'), value: report.updated, tone: 'neutral' },
    { label: t('catalogImport.unchanged'), value: report.unchanged, tone: 'neutral' },
    { label: t('catalogImport.rejectedCount'), value: report.rejected.length, tone: report.rejected.length ? 'danger' : 'neutral' },
  ] as const;
  return (
    <section className="import-report" aria-labelledby="import-report-title" data-testid="import-report">
      <h2 id="import-report-title" className="import-report__title">
        <Check width={20} height={20} />
        {t('catalogImport.reportTitle')}
      </h2>
      {report.retailerCreated ? <p className="muted">{t('catalogImport.reportRetailerCreated', { name: report.retailer.name, currency: report.retailer.currency })}</p> : null}
      <dl className="import-report__figures">
        {figures.map((figure) => (
          <div key={figure.label} className={`import-report__figure import-report__figure--${figure.tone}`}>
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {report.rejected.length ? (
        <div className="table-wrap">
          <table className="table" aria-label={t('catalogImport.rejectedRows')}>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('catalogImport.line')}
                </th>
                <th scope="col">{t('catalogImport.field')}</th>
                <th scope="col">{t('catalogImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected.map((row) => (
                <tr key={`${row.line}:${row.field}`}>
                  <td className="numeric">{row.line}</td>
                  <td>{row.field}</td>
                  <td>
                    {row.sku ? <strong>{row.sku}: </strong> : null}
                    {row.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="wizard__actions">
        <Button onClick={onAnother}>{t('catalogImport.importAnother')}</Button>
        <a className="button button--primary" href={routeHref({ name: 'catalog' })}>
          {t('catalogImport.openCatalog')}
        </a>
      </div>
    </section>
  );
}
