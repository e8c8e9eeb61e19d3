import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listDeskClaims } from '../../../core/api/desk.ts';
import { CLAIM_STATUSES } from '../../../core/api/watch.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { ClaimPill } from '../protected/ClaimPill.tsx';
import type { ClaimStatus } from '../protected/types.ts';
import type { DeskClaim } from './types.ts';

interface Filters {
  readonly status: ClaimStatus | '';
  readonly retailer: string;
  readonly customer: string;
  readonly minAgeDays: string;
}

/**
 * The refund queue: counts per status (each a filter), the filters, and the claims most urgent
 * first as the server orders them. A claim that has waited past the filing target stands out.
 */
export function DeskQueue() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({ status: '', retailer: '', customer: '', minAgeDays: '' });
  const query = useMemo(
    () => ({
      status: filters.status || undefined,
      retailer: filters.retailer || undefined,
      customer: filters.customer.trim() || undefined,
      minAgeDays: /^\d+$/.test(filters.minAgeDays) ? Number(filters.minAgeDays) : undefined,
    }),
    [filters],
  );
  const queue = useResource(`desk:${JSON.stringify(query)}`, (signal) => api.call(listDeskClaims, { query, signal }));
  // Retailers seen so far, so narrowing by one never hides the others from the menu.
  const [retailers, setRetailers] = useState<ReadonlyMap<string, string>>(new Map());
  if (queue.status === 'ready') {
    const missing = queue.data.claims.filter((c) => !retailers.has(c.retailer.id));
    if (missing.length) setRetailers(new Map([...retailers, ...missing.map((c) => [c.retailer.id, c.retailer.name] as const)]));
  }
  const set = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  const csvHref = `/api/desk/claims.csv${filters.status ? `?status=${filters.status}` : ''}`;

  return (
    <div className="desk-queue">
      <ul className="desk-counts" aria-label={t('desk.counts')}>
        {CLAIM_STATUSES.map((status) => (
          <li key={status}>
            <button
              type="button"
              className={`desk-count${filters.status === status ? ' desk-count--active' : ''}`}
              aria-pressed={filters.status === status}
              data-testid={`desk-count-${status}`}
              onClick={() => set({ status: filters.status === status ? '' : status })}
            >
              <span className="desk-count__n">{queue.status === 'ready' ? queue.data.counts[status] : '·'}</span>
              <span className="desk-count__label">{t(`claimStatus.${status}`)}</span>
            </button>
          </li>
        ))}
      </ul>

      <form className="desk-filters" aria-label={t('desk.filters')} onSubmit={(event) => event.preventDefault()}>
        <label className="field">
          <span className="field__label">{t('desk.filterStatus')}</span>
          <select className="field__input" value={filters.status} onChange={(event) => set({ status: event.target.value as ClaimStatus | '' })}>
            <option value="">{t('desk.filterAll')}</option>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`claimStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('desk.filterRetailer')}</span>
          <select className="field__input" value={filters.retailer} onChange={(event) => set({ retailer: event.target.value })}>
            <option value="">{t('desk.filterAll')}</option>
            {[...retailers].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('desk.filterCustomer')}</span>
          <input className="field__input" type="search" value={filters.customer} placeholder={t('desk.filterCustomerPlaceholder')} onChange={(event) => set({ customer: event.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">{t('desk.filterAge')}</span>
          <input className="field__input" type="number" min={0} inputMode="numeric" value={filters.minAgeDays} onChange={(event) => set({ minAgeDays: event.target.value })} />
        </label>
        <a className="button button--secondary button--sm desk-filters__export" href={csvHref} download>
          {t('desk.exportCsv')}
        </a>
      </form>

      {queue.status === 'loading' ? <LoadingState label={t('desk.loading')} /> : null}
      {queue.status === 'error' ? <ErrorState error={queue.error} onRetry={queue.reload} /> : null}
      {queue.status === 'ready' && queue.data.claims.length === 0 ? <EmptyState>{t('desk.empty')}</EmptyState> : null}
      {queue.status === 'ready' && queue.data.claims.length > 0 ? <QueueTable claims={queue.data.claims} /> : null}
    </div>
  );
}

function QueueTable({ claims }: { readonly claims: readonly DeskClaim[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <table className="table desk-table" data-testid="desk-queue">
      <thead>
        <tr>
          <th scope="col">{t('desk.colProduct')}</th>
          <th scope="col">{t('desk.colCustomer')}</th>
          <th scope="col">{t('desk.colRetailer')}</th>
          <th scope="col" className="num">
            {t('desk.colAmount')}
          </th>
          <th scope="col" className="num">
            {t('desk.colDaysLeft')}
          </th>
          <th scope="col">{t('desk.colWaited')}</th>
          <th scope="col">{t('desk.colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.id} data-testid="desk-row" data-claim-id={claim.id} data-breached={claim.waiting.breached} className={claim.waiting.breached ? 'desk-row--breached' : undefined}>
            <td>
              <a href={routeHref({ name: 'desk-claim', claimId: claim.id })} aria-label={t('desk.open', { product: claim.product.name, customer: claim.customer.name })}>
                {claim.product.name}
              </a>
              <div className="muted desk-table__sub">{t('desk.orderRef', { ref: claim.line.orderRef })}</div>
            </td>
            <td>
              {claim.customer.name}
              <div className="muted desk-table__sub">{claim.customer.email}</div>
            </td>
            <td>{claim.retailer.name}</td>
            <td className="num">{format.money(claim.amount)}</td>
            <td className="num" data-testid="days-left">
              {claim.window.daysLeft === null ? t('desk.noWindow') : t('desk.daysLeft', { count: claim.window.daysLeft })}
            </td>
            <td>
              {claim.waiting.hours < 48 ? t('desk.waitedHours', { hours: Math.round(claim.waiting.hours) }) : t('desk.waitedDays', { days: Math.floor(claim.waiting.hours / 24) })}
              {claim.waiting.breached ? (
                <span className="pill desk-breach" title={t('desk.breachedHint')}>
                  {t('desk.breached')}
                </span>
              ) : null}
            </td>
            <td>
              <ClaimPill status={claim.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
