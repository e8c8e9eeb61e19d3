import { useTranslation } from 'react-i18next';
import { myProtectedPurchases } from '../../../core/api/watch.ts';
import type { Money } from '../../../core/money.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowRight } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { ClaimPill } from './ClaimPill.tsx';
import { ShieldIcon } from './ShieldIcon.tsx';
import { protectionTotals, windowProgress } from './totals.ts';
import type { ProtectedPurchase } from './types.ts';
import './protected.css';

export function useProtectedPurchases() {
  return useResource('protected', (signal) => api.call(myProtectedPurchases, { signal }));
}

/** The customer's purchases, each with its price watch, the days left to claim, and its claims. */
export function ProtectedScreen() {
  const { t } = useTranslation();
  const resource = useProtectedPurchases();
  return (
    <div className="page">
      <AppHeader trail={t('protected.title')} />
      <main className="page__main" id="main">
        <section className="section" aria-labelledby="protected-title">
          <div className="section__head">
            <div>
              <h1 id="protected-title">{t('protected.title')}</h1>
              <p className="muted">{t('protected.subtitle')}</p>
            </div>
            {resource.status === 'ready' ? <span className="count">{t('protected.purchases', { count: resource.data.purchases.length })}</span> : null}
          </div>
          {resource.status === 'loading' ? <LoadingState label={t('protected.loading')} /> : null}
          {resource.status === 'error' ? <ErrorState error={resource.error} onRetry={resource.reload} /> : null}
          {resource.status === 'ready' ? resource.data.purchases.length === 0 ? <ProtectionEmpty /> : <ProtectedList purchases={resource.data.purchases} /> : null}
        </section>
      </main>
    </div>
  );
}

function ProtectionEmpty() {
  const { t } = useTranslation();
  return (
    <div className="protection-empty" data-testid="protected-empty">
      <ShieldIcon width={36} height={36} />
      <h2>{t('protected.emptyTitle')}</h2>
      <p className="muted">{t('protected.emptyBody')}</p>
    </div>
  );
}

function MoneyList({ amounts, empty }: { readonly amounts: readonly Money[]; readonly empty: string }) {
  const format = useFormatters();
  if (!amounts.length) return <span className="protection-stat__value protection-stat__value--none">{empty}</span>;
  return <span className="protection-stat__value">{amounts.map((amount) => format.money(amount)).join(' + ')}</span>;
}

function ProtectedList({ purchases }: { readonly purchases: readonly ProtectedPurchase[] }) {
  const { t } = useTranslation();
  const totals = protectionTotals(purchases);
  return (
    <>
      <dl className="protection-stats" aria-label={t('protected.title')}>
        <div className="protection-stat protection-stat--accent" data-testid="claimed-total">
          <dt>{t('protected.claimedTotal')}</dt>
          <dd>
            <MoneyList amounts={totals.claimed} empty={t('protected.nothingClaimed')} />
          </dd>
        </div>
        <div className="protection-stat" data-testid="refunded-total">
          <dt>{t('protected.refundedTotal')}</dt>
          <dd>
            <MoneyList amounts={totals.refunded} empty={t('protected.nothingClaimed')} />
          </dd>
        </div>
        <div className="protection-stat">
          <dt>{t('protected.watchingCount')}</dt>
          <dd>
            <span className="protection-stat__value">{t('protected.purchases', { count: totals.watching })}</span>
          </dd>
        </div>
      </dl>
      <ul className="protection-list" role="list" aria-label={t('protected.title')}>
        {purchases.map((purchase) => (
          <li key={purchase.id}>
            <PurchaseCard purchase={purchase} />
          </li>
        ))}
      </ul>
    </>
  );
}

function PurchaseCard({ purchase }: { readonly purchase: ProtectedPurchase }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { watch, retailer, product } = purchase;
  const policyKey = retailer.policy.windowFrom === 'purchase' ? 'protected.policyPurchase' : 'protected.policyDelivery';
  return (
    <article className="protection-card" aria-label={product.name} data-testid="protected-purchase">
      <div className="protection-card__main">
        <div className="protection-card__product">
          <h2 className="protection-card__name">{product.name}</h2>
          <p className="muted protection-card__meta">
            {t('protected.boughtFrom', { retailer: retailer.name, date: format.date(purchase.purchasedAt) })}
            <span aria-hidden="true"> · </span>
            {t('protected.order', { ref: purchase.orderRef })}
            {purchase.finalSale ? <span className="badge protection-card__final">{t('protected.finalSale')}</span> : null}
          </p>
        </div>
        <div className="protection-card__paid">
          {purchase.quantity > 1
            ? t('protected.paidQuantity', { amount: format.money(purchase.unitPricePaid), count: purchase.quantity })
            : t('protected.paid', { amount: format.money(purchase.unitPricePaid) })}
        </div>
      </div>
      <WatchStatus purchase={purchase} />
      <p className="protection-card__policy">{t(policyKey, { count: retailer.policy.windowDays })}</p>
      {purchase.claims.length ? (
        <ul className="claim-rows" role="list" aria-label={t('protected.claimsLabel')}>
          {purchase.claims.map((claim) => (
            <li key={claim.id} className="claim-row" data-testid="claim-row">
              <ClaimPill status={claim.status} />
              <span className="claim-row__amount">{t('protected.claimAmount', { amount: format.money(claim.amount) })}</span>
              <span className="claim-row__detail muted">
                {format.money(claim.referenceUnitPrice)} → {format.money(claim.evidence.unitPrice)} · {format.date(claim.evidence.observedAt)}
              </span>
              <a className="claim-row__link" href={routeHref({ name: 'claim', claimId: claim.id })} aria-label={t('protected.viewEvidenceFor', { product: product.name })}>
                {t('protected.viewEvidence')}
                <ArrowRight />
              </a>
            </li>
          ))}
        </ul>
      ) : watch.status === 'open' ? (
        <p className="protection-card__none muted">{t('protected.noClaims')}</p>
      ) : null}
    </article>
  );
}

function WatchStatus({ purchase }: { readonly purchase: ProtectedPurchase }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { watch } = purchase;
  const progress = windowProgress(watch.windowStart, watch.windowEnd, Date.now());
  // The window runs to just before its end instant: the last day to claim is the day before.
  const lastDay = watch.windowEnd ? new Date(Date.parse(watch.windowEnd) - 1).toISOString() : null;

  let label: string;
  let tone: 'open' | 'closed' | 'waiting';
  let detail: string | null = null;
  if (watch.status === 'closed') {
    label = t('protected.watchClosed');
    tone = 'closed';
    if (watch.closedReason === 'adjustment-used') detail = t('protected.closedAdjustmentUsed');
    else if (watch.closedReason === 'final-sale-excluded') detail = t('protected.closedFinalSale');
    else if (lastDay) detail = t('protected.windowEnded', { date: format.date(lastDay) });
  } else if (!watch.windowStart) {
    label = purchase.retailer.policy.windowFrom === 'delivery' && purchase.retailer.policy.windowDays > 0 ? t('protected.watchWaiting') : t('protected.watchNotCovered');
    tone = 'waiting';
    if (purchase.retailer.policy.windowFrom === 'delivery') detail = t('protected.waitingForDelivery');
  } else {
    label = t('protected.watchOpen');
    tone = 'open';
    if (lastDay) detail = t('protected.windowEnds', { date: format.date(lastDay) });
  }

  return (
    <div className={`watch-status watch-status--${tone}`} data-testid="watch-status">
      <div className="watch-status__head">
        <span className="watch-status__label">
          <span className="watch-status__dot" aria-hidden="true" />
          {label}
        </span>
        {watch.status === 'open' && watch.daysLeft !== null ? <span className="watch-status__days">{t('protected.daysLeft', { count: watch.daysLeft })}</span> : null}
      </div>
      {progress !== null ? (
        <div
          className="watch-status__bar"
          role="progressbar"
          aria-label={t('protected.windowEnds', { date: lastDay ? format.date(lastDay) : '' })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round((watch.status === 'closed' ? 1 : progress) * 100)}
        >
          <span style={{ width: `${(watch.status === 'closed' ? 1 : progress) * 100}%` }} />
        </div>
      ) : null}
      {detail ? <p className="watch-status__detail muted">{detail}</p> : null}
    </div>
  );
}
