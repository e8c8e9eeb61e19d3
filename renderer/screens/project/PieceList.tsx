import { useTranslation } from 'react-i18next';
import type { Money } from '../../../core/money.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { budgetHeadroom, totalsByCurrency, type OptionLine } from './optionLines.ts';

interface PieceListProps {
  readonly status: 'loading' | 'ready' | 'error';
  readonly lines: readonly OptionLine[];
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly budget: Money | null;
  readonly unresolved: number;
}

/** Every piece in the option with its retailer, true size and price, and the total against the budget. */
export function PieceList({ status, lines, error, onRetry, budget, unresolved }: PieceListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const totals = totalsByCurrency(lines);
  const headroom = budgetHeadroom(totals, budget);
  return (
    <section className="panel panel--grow" aria-labelledby="pieces-title">
      <h2 className="panel__title" id="pieces-title">
        {t('project.piecesTitle')}
        {status === 'ready' ? <span className="panel__count">{lines.length}</span> : null}
      </h2>
      {status === 'loading' ? <LoadingState label={t('project.optionLoading')} /> : null}
      {status === 'error' ? <ErrorState error={error} onRetry={onRetry} /> : null}
      {status === 'ready' && lines.length === 0 ? <p className="muted panel__empty">{t('project.noItems')}</p> : null}
      {status === 'ready' && lines.length > 0 ? (
        <>
          <ul className="piece-list" role="list">
            {lines.map((line) => (
              <li key={line.item.id} className="piece">
                <div className="piece__main">
                  <span className="piece__name">{line.name}</span>
                  <span className="piece__meta">
                    {line.product ? line.product.retailerName : t('project.ownPiece')}
                    {line.dims ? ` · ${format.dimensions(line.dims)}` : ''}
                  </span>
                </div>
                <div className="piece__price">
                  {line.lineTotal ? format.money(line.lineTotal) : '—'}
                  {line.item.quantity > 1 ? <span className="piece__qty">{t('project.quantity', { count: line.item.quantity })}</span> : null}
                  {line.product?.finalSale ? <span className="piece__flag">{t('project.finalSale')}</span> : null}
                </div>
              </li>
            ))}
          </ul>
          {unresolved > 0 ? <p className="panel__note">{t('project.unresolved', { count: unresolved })}</p> : null}
          <div className="total">
            <div className="total__row">
              <span>{t('project.total')}</span>
              <span className="total__amount" data-testid="option-total">
                {totals.length ? totals.map((total) => format.money(total)).join(' + ') : '—'}
              </span>
            </div>
            {headroom ? (
              <div className={headroom.amountMinor >= 0 ? 'total__budget total__budget--ok' : 'total__budget total__budget--over'}>
                {headroom.amountMinor >= 0 ? t('project.underBudget', { amount: format.money(headroom) }) : t('project.overBudget', { amount: format.money({ ...headroom, amountMinor: -headroom.amountMinor }) })}
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
