import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types.ts';

/**
 * The product's picture, or a calm placeholder with its category's initial. The window's CSP
 * allows images from the studio server only (`img-src 'self'`), so a retailer's remote image
 * URL is never fetched: only a same-origin path ("/assets/…") is shown.
 */
export function ProductImage({ product, large = false }: { readonly product: Product; readonly large?: boolean }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const className = large ? 'product-image product-image--large' : 'product-image';
  const sameOrigin = product.imageUrl !== null && /^\/(?!\/)/.test(product.imageUrl);
  if (!sameOrigin || failed) {
    return (
      <div className={`${className} product-image--placeholder`} data-category={product.category} role="img" aria-label={t('catalog.noImage')}>
        <span aria-hidden="true">{t(`category.${product.category}`).slice(0, 1).toUpperCase()}</span>
      </div>
    );
  }
  return <img className={className} src={product.imageUrl ?? undefined} alt="" loading="lazy" onError={() => setFailed(true)} />;
}
