/**
 * [Options] Alternatives for the selected piece (GET …/items/:itemId/alternatives): same
 * category, fits its footprint and the free space, ranked by the customer's style profile when
 * there is one, each with its price difference against the current piece (core/pricing
 * swapDelta). A card can be dragged onto any placed piece, or swapped in with its "Swap" button
 * (the keyboard path: select a piece in the list → Tab to the alternatives → Swap).
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import * as catalogApi from '../../core/api/catalog.ts';
import { CurrencyMismatchError, type Money } from '../../core/money.ts';
import { swapDelta, UnknownProductError } from '../../core/pricing/index.ts';
import type { PlacedItem, Product } from '../api/types.ts';
import { api } from '../app/studio.ts';
import { useResource } from '../app/useResource.ts';
import { setProductDragData } from '../editor/productDrag.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { ErrorState, LoadingState } from '../ui/States.tsx';
import { signedMoney } from './signedMoney.ts';
import type { SwapAction } from './useSwap.ts';
import './swap.css';

interface AlternativesPanelProps {
  readonly optionId: string;
  readonly item: PlacedItem;
  readonly name: string;
  readonly maySwap: boolean;
  readonly onSwap: SwapAction;
}

/** The difference against the current piece, by core/pricing; null across currencies (or for an answer about another piece). */
export function alternativeDelta(item: PlacedItem, current: Product | null, alternative: Product): Money | null {
  const byId = new Map<string, Product>([[alternative.id, alternative]]);
  if (current) byId.set(current.id, current);
  try {
    return swapDelta(item, alternative.id, (id) => byId.get(id), current?.price.currency ?? alternative.price.currency);
  } catch (error) {
    if (error instanceof CurrencyMismatchError || error instanceof UnknownProductError) return null;
    throw error;
  }
}

/** How soon a stale answer (the server had not yet seen the swap just made here) is asked again. */
const STALE_RETRY_MS = 250;

export function AlternativesPanel({ optionId, item, name, maySwap, onSwap }: AlternativesPanelProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const key = `alternatives:${optionId}:${item.id}:${item.productId ?? 'own'}`;
  const answer = useResource(key, (signal) => api.call(catalogApi.getAlternatives, { params: { optionId, itemId: item.id }, query: { limit: 12 }, signal }));
  // Right after a swap the server may still answer for the piece that was there: ask again shortly.
  const stale = answer.status === 'ready' && answer.data.item.productId !== item.productId;
  const { reload } = answer;
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(reload, STALE_RETRY_MS);
    return () => clearTimeout(timer);
  }, [stale, reload]);
  return (
    <section className="panel swap-panel" aria-labelledby="alternatives-title" data-testid="alternatives">
      <h2 className="panel__title" id="alternatives-title">
        {t('swap.alternativesTitle', { name })}
      </h2>
      {answer.status === 'loading' || stale ? <LoadingState label={t('swap.alternativesLoading')} /> : null}
      {answer.status === 'error' ? <ErrorState error={answer.error} onRetry={answer.reload} /> : null}
      {answer.status === 'ready' && !stale ? (
        <>
          {answer.data.styleProfileUsed ? <p className="muted">{t('swap.rankedByStyle')}</p> : null}
          {answer.data.alternatives.length === 0 ? <p className="muted panel__empty">{t('swap.noAlternatives')}</p> : null}
          <ul className="swap-panel__list" role="list">
            {answer.data.alternatives.map(({ product }) => {
              const delta = alternativeDelta(item, answer.data.current, product);
              return (
                <li
                  key={product.id}
                  className="swap-card"
                  data-testid="alternative"
                  data-product-id={product.id}
                  data-price-minor={product.price.amountMinor}
                  data-delta-minor={delta?.amountMinor ?? ''}
                  draggable={maySwap}
                  onDragStart={(event) => setProductDragData(event.dataTransfer, product)}
                >
                  <span className="swap-card__name">{product.name}</span>
                  <span className={delta && delta.amountMinor > 0 ? 'swap-card__delta swap-card__delta--up' : 'swap-card__delta swap-card__delta--down'} data-testid="alternative-delta">
                    {delta ? signedMoney(format, delta) : t('swap.otherCurrencyShort', { currency: product.price.currency })}
                  </span>
                  <span className="swap-card__meta">
                    {product.retailerName} · {format.money(product.price)} · {format.dimensions({ widthMm: product.widthMm, depthMm: product.depthMm, heightMm: product.heightMm })}
                  </span>
                  {maySwap ? (
                    <button type="button" className="button button--secondary button--sm" onClick={() => onSwap(product, item.id)} aria-label={t('swap.swapFor', { from: name, to: product.name })}>
                      {t('swap.swap')}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
