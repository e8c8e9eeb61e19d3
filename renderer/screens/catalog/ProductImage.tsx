import { useState } from 'react';
import type { Product } from '../../api/types.ts';

/**
 * The product's picture, or a calm placeholder with its category's initial. The window's CSP
 * allows images from the studio server only (`img-src 'self'`), so a retailer's remote image
 * URL is never fetched: only a same-origin path ("/assets/…") is shown.
 */
export function ProductImage({ product, label, initial, large = false }: { readonly product: Product; readonly label: string; readonly initial: string; readonly large?: boolean }) {
  const [failed, setFailed] = useState(false);
  const className = large ? 'product-image product-image--large' : 'product-image';
  const sameOrigin = product.imageUrl !== null && /^\/(?!\/)/.test(product.imageUrl);
  if (!sameOrigin || failed) {
    return (
      <span className={`${className} product-image--placeholder`} data-category={product.category} role="img" aria-label={label}>
        <span aria-hidden="true">{initial}</span>
      </span>
    );
  }
  return <img className={className} src={product.imageUrl ?? undefined} alt="" loading="lazy" onError={() => setFailed(true)} />;
}
