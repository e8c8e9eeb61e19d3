/**
 * [Options] The price ribbon over the room: the option's total as it stands, the difference
 * against the published version ("+$240.00 vs v2") — or, when nothing is published yet, against
 * the option as it was when this page opened (said so) — and the last swap's line difference.
 * Everything is computed from the live items and the product records already in hand, so a swap
 * repaints these figures in the same frame as the piece; only the published version's document
 * comes over the network, once.
 */
import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import * as optionsApi from '../../../core/api/options.ts';
import type { Money } from '../../../core/money.ts';
import { differenceFromVersion, optionTotal, type PricedProduct } from '../../../core/pricing/index.ts';
import type { PlacedItem, Product } from '../../api/types.ts';
import type { LiveOption } from '../../live/liveOption.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { markSwapPaintedAfterNextFrame, useSwapStore } from '../../swap/swapStore.ts';
import { signedMoney } from '../../swap/signedMoney.ts';
import '../../swap/swap.css';

interface PriceRibbonProps {
  readonly optionId: string;
  readonly items: readonly PlacedItem[] | null;
  readonly products: readonly Product[];
  readonly currency: string | null;
  /** For "Undo swap": the swap is one undo step of my own edits. */
  readonly live: LiveOption | null;
  /** At the ribbon's end (the export buttons). */
  readonly children?: ReactNode;
}

async function publishedBaseline(optionId: string, signal: AbortSignal) {
  const { versions } = await api.call(optionsApi.listVersions, { params: { optionId }, signal });
  const latest = versions[0];
  if (!latest) return null;
  const version = await api.call(optionsApi.getVersion, { params: { optionId, number: latest.number }, signal });
  return { label: latest.label, items: version.document.items, products: version.products };
}

function tryTotal(fn: () => Money): Money | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

export function PriceRibbon({ optionId, items, products, currency, live, children }: PriceRibbonProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const last = useSwapStore((state) => (state.last?.optionId === optionId ? state.last : null));
  const published = useResource(`swap-baseline:${optionId}`, (signal) => publishedBaseline(optionId, signal));
  // No published version: the option as it was when the page opened.
  const opened = useRef<{ optionId: string; items: readonly PlacedItem[] } | null>(null);
  if (items && opened.current?.optionId !== optionId) opened.current = { optionId, items };

  const lookup = useMemo(() => {
    const byId = new Map<string, PricedProduct>(products.map((product) => [product.id, product]));
    if (last && !byId.has(last.product.id)) byId.set(last.product.id, last.product);
    if (published.status === 'ready' && published.data) for (const product of published.data.products) if (!byId.has(product.id)) byId.set(product.id, product);
    return (id: string) => byId.get(id);
  }, [products, last, published]);
  const code = currency ?? products[0]?.price.currency ?? null;
  const total = items && code ? tryTotal(() => optionTotal(items, lookup, code)) : null;
  const baseline = published.status === 'ready' ? (published.data ?? (opened.current ? { label: null, items: opened.current.items } : null)) : null;
  const difference = items && code && baseline ? tryTotal(() => differenceFromVersion(items, baseline.items, lookup, code)) : null;

  // The bench's paint probe: the frame after the swap's commit.
  useLayoutEffect(() => {
    if (last) markSwapPaintedAfterNextFrame();
  }, [last]);

  if (!items) return null;
  const versusText = difference && baseline ? (baseline.label ? t('swap.vsVersion', { amount: signedMoney(format, difference), version: baseline.label }) : t('swap.vsOpened', { amount: signedMoney(format, difference) })) : undefined;
  const swapText = last ? t('swap.lastSwap', { name: last.product.name, amount: signedMoney(format, last.delta) }) : undefined;
  return (
    <div className="price-ribbon" role="status" aria-live="polite" data-testid="price-ribbon">
      <span className="price-ribbon__total">
        {t('swap.ribbonTotal')} <strong data-testid="ribbon-total">{total ? format.money(total) : t('swap.noTotal')}</strong>
      </span>
      {difference && baseline ? (
        <span className={difference.amountMinor > 0 ? 'price-ribbon__diff price-ribbon__diff--up' : 'price-ribbon__diff'} data-testid="ribbon-vs-version" title={versusText}>
          {versusText}
        </span>
      ) : null}
      {last ? (
        <span className="price-ribbon__swap" data-testid="swap-delta" data-delta-minor={last.delta.amountMinor} data-swapped-item={last.itemId} title={swapText}>
          {swapText}
        </span>
      ) : null}
      {last && live ? (
        <button
          type="button"
          className="button button--ghost button--sm"
          onClick={() => {
            live.undo();
            useSwapStore.getState().clear();
          }}
        >
          {t('swap.undo')}
        </button>
      ) : null}
      {children}
    </div>
  );
}
