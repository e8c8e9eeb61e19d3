/**
 * [Options] The swap action of the project page: a product (dragged from the catalog or the
 * alternatives, or picked with "Swap") replaces a placed piece in ONE live edit — one undo
 * step — at its place and rotation, nudged to fit when it must. The line's difference and the
 * option's new total are worked out synchronously from the live snapshot and the product record
 * in hand and recorded in the same event, so they paint with the swapped piece.
 */
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { swapItem } from '../../core/options/index.ts';
import { can } from '../../core/permissions.ts';
import type { PlanPoint } from '../../core/room.ts';
import type { Product } from '../api/types.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import type { LiveOption } from '../live/liveOption.ts';
import { primeProducts } from '../live/useProducts.ts';
import { selectUser, useAppStore } from '../state/store.ts';
import { optionCurrency, planSwap } from './swapPlan.ts';
import { clearSwapDrop, markSwapDrop, useSwapStore } from './swapStore.ts';

export interface SwapContext {
  readonly live: LiveOption | null;
  readonly products: readonly Product[];
  /** The project's currency (its budget's), if it has one. */
  readonly currency: string | null;
  readonly outline: readonly PlanPoint[] | null;
}

export type SwapAction = (product: Product, itemId: string) => boolean;

/** Whether the signed-in person may swap pieces in this project (customer and designer members). */
export function useMaySwap(): boolean {
  const user = useAppStore(selectUser);
  return user ? can(user, 'option:swap', true) : false;
}

export function useSwap(context: SwapContext): SwapAction {
  const { t } = useTranslation();
  const format = useFormatters();
  const maySwap = useMaySwap();
  const latest = useRef({ context, t, format, maySwap });
  latest.current = { context, t, format, maySwap };
  return useCallback((product: Product, itemId: string) => {
    markSwapDrop(true);
    const { context: ctx, t: tr, format: fmt, maySwap: allowed } = latest.current;
    const toast = useAppStore.getState().showToast;
    const live = ctx.live;
    if (!live || !allowed || live.getSnapshot().readOnly) {
      clearSwapDrop();
      toast('error', tr('swap.readOnly'));
      return true;
    }
    const byId = new Map(ctx.products.map((record) => [record.id, record]));
    const lookup = (id: string) => byId.get(id);
    const items = live.getSnapshot().items;
    const currency = optionCurrency(items, lookup, ctx.currency) ?? product.price.currency;
    const plan = planSwap({ items, itemId, product, lookup, currency, outline: ctx.outline });
    if (!plan.ok) {
      clearSwapDrop();
      if (plan.reason === 'piece-gone') toast('error', tr('swap.pieceGone', { name: product.name }));
      else if (plan.reason === 'currency') toast('error', tr('swap.otherCurrency', { name: product.name, product: plan.productCurrency, option: plan.optionCurrency }));
      else if (plan.reason === 'unpriced') toast('error', tr('swap.unpriced'));
      else toast('info', tr('swap.same', { name: product.name }));
      return true;
    }
    primeProducts([product]);
    const result = live.edit((doc, origin) => swapItem(doc, itemId, product.id, origin, plan.nudgeTo ? { nudgeTo: plan.nudgeTo } : {}));
    if (!result.ok) {
      clearSwapDrop();
      toast('error', result.reason === 'item-missing' ? tr('swap.pieceGone', { name: product.name }) : result.message);
      return true;
    }
    useSwapStore.getState().record({ optionId: live.optionId, itemId, product, delta: plan.delta, totalAfter: plan.totalAfter, nudged: plan.nudgeTo !== null, fits: plan.fits });
    if (!plan.fits) toast('error', tr('swap.doesNotFit', { name: product.name }));
    else if (plan.nudgeTo) toast('info', tr('swap.nudged', { name: product.name }));
    else toast('success', tr('swap.done', { name: product.name, delta: fmt.money(plan.delta) }));
    return true;
  }, []);
}
