import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { ProductImage } from './ProductImage.tsx';

/** One search result: a button, so Enter and Space open it like a click. */
export const ResultCard = memo(function ResultCard({ product, onOpen }: { readonly product: Product; readonly onOpen: (productId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <button type="button" className="result-card" onClick={() => onOpen(product.id)} data-testid="result-card" data-retailer={product.retailerName} data-price-minor={product.price.amountMinor} data-currency={product.price.currency}>
      <ProductImage product={product} />
      <span className="result-card__body">
        <span className="result-card__name">{product.name}</span>
        <span className="result-card__retailer">{product.retailerName}</span>
        <span className="result-card__dims">{format.dimensions(product)}</span>
        <span className="result-card__foot">
          <span className="result-card__price">{format.money(product.price)}</span>
          {product.finalSale ? <span className="badge badge--warn">{t('catalog.finalSale')}</span> : null}
        </span>
      </span>
    </button>
  );
});
