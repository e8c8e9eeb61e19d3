import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getProduct, getProductPrices } from '../../../core/api/catalog.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { isDesktopApp, openExternal } from '../../bridge/native.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { Close } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { PriceChart } from './PriceChart.tsx';
import { keepTabInside } from '../../ui/focusTrap.ts';
import { ProductImage } from './ProductImage.tsx';

/** A product's facts and price history, in a drawer over the results; Escape closes it. */
export function ProductDetail({ productId, onClose }: { readonly productId: string; readonly onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const closeRef = useRef<HTMLButtonElement>(null);
  const drawerRef = useRef<HTMLElement>(null);
  const product = useResource(`product:${productId}`, (signal) => api.call(getProduct, { params: { productId }, signal }));
  const prices = useResource(`prices:${productId}`, (signal) => api.call(getProductPrices, { params: { productId }, query: {}, signal }));

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
      // Tab stays inside the drawer while it is open, as in any modal dialog.
      keepTabInside(event, drawerRef.current);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);

  const detail = product.status === 'ready' ? product.data : null;
  const url = detail?.product.productUrl ?? null;
  const safeUrl = url && /^https:\/\//i.test(url) ? url : null;
  const onOpenLink = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!isDesktopApp() || !safeUrl) return;
    event.preventDefault();
    void openExternal(safeUrl);
  };

  return (
    <div className="drawer-backdrop" onClick={onClose}>
      <aside ref={drawerRef} className="drawer" role="dialog" aria-modal="true" aria-labelledby="product-detail-title" onClick={(event) => event.stopPropagation()}>
        <div className="drawer__head">
          <h2 id="product-detail-title">{detail?.product.name ?? t('catalog.loadingProduct')}</h2>
          <button ref={closeRef} type="button" className="icon-button" onClick={onClose} aria-label={t('catalog.close')}>
            <Close />
          </button>
        </div>
        {product.status === 'loading' ? <LoadingState label={t('catalog.loadingProduct')} /> : null}
        {product.status === 'error' ? <ErrorState error={product.error} onRetry={product.reload} /> : null}
        {detail ? (
          <div className="drawer__body">
            <ProductImage product={detail.product} label={t('catalog.noImage')} initial={t(`category.${detail.product.category}`).slice(0, 1).toUpperCase()} large />
            <div className="product-facts__price-row">
              <span className="product-facts__price">{format.money(detail.product.price)}</span>
              {detail.product.finalSale ? <span className="badge badge--warn">{t('catalog.finalSale')}</span> : null}
            </div>
            <p className="muted">
              {detail.retailer.name} · {t(`category.${detail.product.category}`)} · {t('catalog.sku', { sku: detail.product.sku })}
            </p>
            <dl className="product-facts">
              <div>
                <dt>{t('catalog.dimensions')}</dt>
                <dd>{format.dimensions(detail.product)}</dd>
              </div>
              <div>
                <dt>{t('catalog.materials')}</dt>
                <dd>{detail.product.materials.join(', ') || '—'}</dd>
              </div>
              <div>
                <dt>{t('catalog.colours')}</dt>
                <dd className="swatches">
                  {detail.product.colours.length === 0 ? '—' : null}
                  {detail.product.colours.map((colour) => (
                    <span key={colour} className="swatch-chip">
                      {colour}
                    </span>
                  ))}
                </dd>
              </div>
              {detail.product.styleTags.length ? (
                <div>
                  <dt>{t('catalog.style')}</dt>
                  <dd>{detail.product.styleTags.join(', ')}</dd>
                </div>
              ) : null}
            </dl>
            {safeUrl ? (
              <a className="button button--secondary button--sm product-link" href={safeUrl} target="_blank" rel="noopener noreferrer" onClick={onOpenLink}>
                {t('catalog.viewAtRetailer', { retailer: detail.retailer.name })}
              </a>
            ) : null}
            <section className="drawer__section" aria-labelledby="price-history-title">
              <h3 id="price-history-title">{t('catalog.priceHistory')}</h3>
              {prices.status === 'loading' ? <LoadingState label={t('catalog.loadingHistory')} /> : null}
              {prices.status === 'error' ? <ErrorState error={prices.error} onRetry={prices.reload} /> : null}
              {prices.status === 'ready' ? (
                <>
                  <PriceChart observations={prices.data.observations} current={prices.data.current} />
                  {prices.data.lowest && prices.data.highest ? (
                    <p className="muted price-chart__range">{t('catalog.priceRange', { lowest: format.money(prices.data.lowest), highest: format.money(prices.data.highest) })}</p>
                  ) : null}
                </>
              ) : null}
            </section>
          </div>
        ) : null}
      </aside>
    </div>
  );
}
