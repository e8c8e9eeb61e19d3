import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../core/money.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { budgetHeadroom, totalsByCurrency, type OptionLine } from './optionLines.ts';
import type { PieceDoorwayFit } from '../../editor/warnings.ts';

interface PieceListProps {
  readonly status: 'loading' | 'ready' | 'error';
  readonly lines: readonly OptionLine[];
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly budget: Money | null;
  readonly unresolved: number;
  /** [Room] The editor's selection: a line selects its piece in the 3D view and the plan. */
  readonly selectedId?: string | null;
  readonly onSelect?: (itemId: string) => void;
  /** [Room] Whether a piece of this size goes through the room's doors. */
  readonly doorwayFit?: (dims: NonNullable<OptionLine['dims']>, category: string) => PieceDoorwayFit | null;
}

/** Every piece in the option with its retailer, true size and price, and the total against the budget. */
export function PieceList({ status, lines, error, onRetry, budget, unresolved, selectedId, onSelect, doorwayFit }: PieceListProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const totals = totalsByCurrency(lines);
  const headroom = budgetHeadroom(totals, budget);
  // [Room] A piece selected in the 3D view or the plan scrolls its line into view.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const line = selectedId ? listRef.current?.querySelector(`[data-item-id="${CSS.escape(selectedId)}"]`) : null;
    // Only the side column scrolls (when it does): the page and the view beside it never jump.
    const column = listRef.current?.closest('.project__side');
    if (!line || !column) return;
    const box = line.getBoundingClientRect();
    const frame = column.getBoundingClientRect();
    if (box.top < frame.top) column.scrollTop -= frame.top - box.top;
    else if (box.bottom > frame.bottom) column.scrollTop += box.bottom - frame.bottom;
  }, [selectedId]);
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
          <ul className="piece-list" role="list" ref={listRef}>
            {lines.map((line) => (
              <PieceLine key={line.item.id} line={line} selected={line.item.id === selectedId} onSelect={onSelect} doorwayFit={doorwayFit} />
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

interface PieceLineProps {
  readonly line: OptionLine;
  readonly selected: boolean;
  readonly onSelect: PieceListProps['onSelect'];
  readonly doorwayFit: PieceListProps['doorwayFit'];
}

/**
 * [Options] One line, drawn again only when its item or product record changed (a line's other
 * fields derive from those two), its selection, or the callbacks: an edit to one piece of 300 —
 * a swap, say — renders one line, not the list (the live snapshot keeps unchanged items' identity).
 */
const PieceLine = memo(
  function PieceLine({ line, selected, onSelect, doorwayFit }: PieceLineProps) {
    const { t } = useTranslation();
    const format = useFormatters();
    return (
      <li className={selected ? 'piece piece--selected' : 'piece'} data-item-id={line.item.id} aria-current={selected ? 'true' : undefined}>
        <div className="piece__main">
          {onSelect ? (
            <button type="button" className="piece__name piece__select-button" onClick={() => onSelect(line.item.id)}>
              {line.name}
            </button>
          ) : (
            <span className="piece__name">{line.name}</span>
          )}
          <span className="piece__meta">
            {line.product ? line.product.retailerName : t('project.ownPiece')}
            {line.dims ? ` · ${format.dimensions(line.dims)}` : ''}
          </span>
          {line.dims && doorwayFit ? <DoorwayBadge fit={doorwayFit(line.dims, line.category)} /> : null}
        </div>
        <div className="piece__price">
          {line.lineTotal ? format.money(line.lineTotal) : '—'}
          {line.item.quantity > 1 ? <span className="piece__qty">{t('project.quantity', { count: line.item.quantity })}</span> : null}
          {line.product?.finalSale ? <span className="piece__flag">{t('project.finalSale')}</span> : null}
        </div>
      </li>
    );
  },
  (before, after) => before.line.item === after.line.item && before.line.product === after.line.product && before.selected === after.selected && before.onSelect === after.onSelect && before.doorwayFit === after.doorwayFit,
);

function DoorwayBadge({ fit }: { readonly fit: PieceDoorwayFit | null }) {
  const { t } = useTranslation();
  if (!fit || fit.doors.length === 0) return null;
  const blocked = fit.doors.filter((door) => !door.fit.fits);
  return (
    <span className={fit.fitsAll ? 'doorway-fit doorway-fit--ok' : 'doorway-fit doorway-fit--no'} data-testid="doorway-fit" title={blocked.map((door) => `${door.label}: ${door.fit.reason}`).join('\n') || undefined}>
      {fit.fitsAll ? t('editor.doorwayFits') : t('editor.doorwayFitsNot')}
    </span>
  );
}
