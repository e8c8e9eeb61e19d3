import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Product } from '../../api/types.ts';
import type { Formatters } from '../../i18n/format.ts';
import { ProductImage } from './ProductImage.tsx';
import { setProductDragData } from '../../editor/productDrag.ts';

/**
 * One search result: a button, so Enter and Space open it like a click. The parent passes its
 * translator and formatters (one set per page of results, not one per card) and the size
 * already in words: a keystroke re-renders up to 48 of these.
 */
export const ResultCard = memo(function ResultCard({ product, dimensions, format, t, onOpen }: { readonly product: Product; readonly dimensions: string; readonly format: Formatters; readonly t: TFunction; readonly onOpen: (productId: string) => void }) {
  return (
    <button type="button" className="result-card" onClick={() => onOpen(product.id)} draggable onDragStart={(event) => setProductDragData(event.dataTransfer, product)} data-testid="result-card" data-retailer={product.retailerName} data-price-minor={product.price.amountMinor} data-currency={product.price.currency}>
      <ProductImage product={product} label={t('catalog.noImage')} initial={t(`category.${product.category}`).slice(0, 1).toUpperCase()} />
      <span className="result-card__body">
        <span className="result-card__name">{product.name}</span>
        <span className="result-card__retailer">{product.retailerName}</span>
        <span className="result-card__dims">{dimensions}</span>
        <span className="result-card__foot">
          <span className="result-card__price">{format.money(product.price)}</span>
          {product.finalSale ? <span className="badge badge--warn">{t('catalog.finalSale')}</span> : null}
        </span>
      </span>
    </button>
  );
});
