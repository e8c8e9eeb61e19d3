import { useTranslation } from 'react-i18next';
import * as foundation from '../../../core/api/foundation.ts';
import * as endpoints from '../../../core/api/options.ts';
import type { Room } from '../../api/types.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { optionLines } from '../project/optionLines.ts';
import { OptionPlan } from './OptionPlan.tsx';
import type { ComparedOption } from './types.ts';
import './options.css';

/** The room's options side by side: a plan of each, its total, its pieces, and where it stands against the budget. */
export function CompareScreen({ projectId, roomId }: { readonly projectId: string; readonly roomId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const compared = useResource(`compare:${roomId}`, (signal) => api.call(endpoints.compareOptions, { params: { roomId }, signal }));
  const room = useResource(`room:${roomId}`, (signal) => api.call(foundation.getRoom, { params: { roomId }, signal }));
  return (
    <div className="page page--options">
      <AppHeader trail={compared.status === 'ready' ? compared.data.room.name : undefined} />
      <main className="options-page" id="main">
        <a className="back-link" href={routeHref({ name: 'project', projectId })}>
          <ArrowLeft />
          {t('options.backToProject')}
        </a>
        {compared.status === 'loading' ? <LoadingState label={t('options.loadingCompare')} /> : null}
        {compared.status === 'error' ? <ErrorState error={compared.error} onRetry={compared.reload} /> : null}
        {compared.status === 'ready' ? (
          <>
            <header className="options-page__head">
              <h1>{t('options.compareTitle', { room: compared.data.room.name })}</h1>
              {compared.data.budget ? <p className="muted">{t('options.budgetIs', { budget: format.money(compared.data.budget) })}</p> : null}
            </header>
            {compared.data.options.length === 0 ? (
              <EmptyState>{t('project.noOptions')}</EmptyState>
            ) : (
              <ul className="compare-grid" role="list" style={{ gridTemplateColumns: `repeat(${Math.min(compared.data.options.length, 3)}, minmax(0, 1fr))` }}>
                {compared.data.options.map((entry) => (
                  <li key={entry.option.id}>
                    <CompareColumn projectId={projectId} entry={entry} room={room.status === 'ready' ? room.data.room : null} />
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </main>
    </div>
  );
}

function CompareColumn({ projectId, entry, room }: { readonly projectId: string; readonly entry: ComparedOption; readonly room: Room | null }) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  // By name, so the columns read side by side.
  const lines = optionLines(entry.items, entry.products).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <article className={entry.approved ? 'compare-card compare-card--approved' : 'compare-card'} aria-labelledby={`compare-${entry.option.id}`} data-testid="compare-card">
      <header className="compare-card__head">
        <h2 id={`compare-${entry.option.id}`}>
          <a href={routeHref({ name: 'project', projectId, optionId: entry.option.id })}>{entry.option.name}</a>
        </h2>
        <span className="muted">
          {entry.latestVersion ? t('options.latestIs', { label: entry.latestVersion.label, date: formatters.date(entry.latestVersion.publishedAt) }) : t('options.notPublished')}
        </span>
        {entry.approved ? <span className="approved-badge">{t('options.approvedBadge')}</span> : null}
      </header>
      {room ? <OptionPlan room={room} items={entry.items} products={entry.products} label={t('options.planLabel', { option: entry.option.name })} /> : <div className="option-plan option-plan--empty" />}
      <div className="compare-card__total">
        {entry.pricing.ok ? (
          <>
            <span>{t('project.total')}</span>
            <strong data-testid="compare-total">{formatters.money(entry.pricing.total)}</strong>
          </>
        ) : (
          <p className="options-error" role="alert">
            {entry.pricing.message}
          </p>
        )}
      </div>
      {entry.budget ? (
        <p className={`budget-standing budget-standing--${entry.budget.standing}`}>
          {entry.budget.standing === 'on' ? t('options.onBudget') : t(entry.budget.standing === 'under' ? 'project.underBudget' : 'project.overBudget', { amount: formatters.money(entry.budget.by) })}
        </p>
      ) : null}
      <ul className="compare-card__items" role="list" aria-label={t('options.itemsOf', { option: entry.option.name })}>
        {lines.map((line) => (
          <li key={line.item.id}>
            <span>
              {line.name || t('project.ownPiece')}
              {line.item.quantity > 1 ? ` × ${line.item.quantity}` : ''}
            </span>
            <span>{line.lineTotal ? formatters.money(line.lineTotal) : '—'}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
