import { useTranslation } from 'react-i18next';
import { claimEvidence } from '../../../core/api/watch.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { ClaimPill } from './ClaimPill.tsx';
import { ClaimChart } from './ClaimChart.tsx';
import { EvidencePackLink } from './EvidencePackLink.tsx';
import type { ClaimEvidence } from './types.ts';
import './protected.css';

/** One claim's evidence: what dropped, by how much, and the price history that proves it. */
export function ClaimScreen({ claimId }: { readonly claimId: string }) {
  const { t } = useTranslation();
  const resource = useResource(`claim:${claimId}`, (signal) => api.call(claimEvidence, { params: { claimId }, signal }));
  return (
    <div className="page">
      <AppHeader trail={resource.status === 'ready' ? resource.data.line.product.name : t('protected.title')} />
      <main className="page__main" id="main">
        <a className="protection-back" href={routeHref({ name: 'protected' })}>
          <ArrowLeft />
          {t('claim.back')}
        </a>
        {resource.status === 'loading' ? <LoadingState label={t('claim.loading')} /> : null}
        {resource.status === 'error' ? <ErrorState error={resource.error} onRetry={resource.reload} /> : null}
        {resource.status === 'ready' ? <Evidence evidence={resource.data} /> : null}
      </main>
    </div>
  );
}

function Evidence({ evidence }: { readonly evidence: ClaimEvidence }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { claim, line, drop } = evidence;
  const values = {
    product: line.product.name,
    retailer: line.retailer.name,
    drop: format.money(drop.perUnit),
    amount: format.money(claim.amount),
  };
  const headline = (() => {
    switch (claim.status) {
      case 'detected':
        return line.quantity > 1 ? t('claim.headlineDetectedMany', values) : t('claim.headlineDetected', values);
      case 'filed':
        return t('claim.headlineFiled', values);
      case 'refunded':
        return t('claim.headlineRefunded', values);
      case 'denied':
        return t('claim.headlineDenied', values);
      case 'expired':
        return t('claim.headlineExpired', values);
    }
  })();
  const explainKey = claim.sequence === 1 ? 'claim.explain' : 'claim.explainAfterAdjustment';
  const explanation = t(explainKey, {
    paid: format.money(claim.referenceUnitPrice),
    retailer: line.retailer.name,
    date: format.date(line.purchasedAt),
    dropDate: format.date(drop.observedAt),
    price: format.money(drop.to),
    days: line.retailer.policy.windowDays,
  });

  return (
    <article className="evidence" aria-labelledby="evidence-title">
      <header className="evidence__head">
        <ClaimPill status={claim.status} />
        <h1 id="evidence-title" className="evidence__title">
          {headline}
        </h1>
        <p className="evidence__explain">{explanation}</p>
      </header>

      <dl className="evidence__facts">
        <div className="evidence__fact evidence__fact--accent">
          <dt>{t('claim.amount')}</dt>
          <dd data-testid="claim-amount">{format.money(claim.amount)}</dd>
        </div>
        <div className="evidence__fact">
          <dt>{t('claim.perUnit')}</dt>
          <dd>
            {format.money(drop.from)} → {format.money(drop.to)}
          </dd>
        </div>
        <div className="evidence__fact">
          <dt>{t('claim.quantity')}</dt>
          <dd>{line.quantity}</dd>
        </div>
        <div className="evidence__fact">
          <dt>{t('claim.status')}</dt>
          <dd>{t(`claimStatus.${claim.status}`)}</dd>
        </div>
      </dl>

      <section className="evidence__history" aria-labelledby="history-title">
        <div className="section__head">
          <div>
            <h2 id="history-title">{t('claim.historyTitle')}</h2>
            <p className="muted">{t('claim.historySubtitle', { retailer: line.retailer.name })}</p>
          </div>
          <EvidencePackLink claimId={claim.id} />
        </div>
        <ClaimChart evidence={evidence} />
        <details className="evidence__table">
          <summary>{t('claim.observations')}</summary>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('claim.observedAt')}</th>
                <th scope="col">{t('claim.price')}</th>
                <th scope="col">{t('claim.source')}</th>
                <th scope="col">
                  <span className="protection-sr">{t('claim.evidenceRow')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {evidence.history.map((point) => (
                <tr key={point.observationId} className={point.isEvidence ? 'evidence__row--drop' : undefined}>
                  <td>{format.dateTime(point.observedAt)}</td>
                  <td>{format.money(point.unitPrice)}</td>
                  <td className="muted">{sourceName(point.source)}</td>
                  <td>{point.isEvidence ? t('claim.evidenceRow') : point.inWindow ? '' : t('claim.outsideWindow')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>
    </article>
  );
}

/** A file path reads as its file name; a feed URL as its host. */
function sourceName(source: string): string {
  try {
    if (/^https?:\/\//i.test(source)) return new URL(source).host;
  } catch {
    // not a URL
  }
  return source.split(/[\\/]/).pop() ?? source;
}
