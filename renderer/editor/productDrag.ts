/**
 * A catalog product dragged into the room (HTML drag and drop): the card puts the product record
 * on the dataTransfer under its own type; the 3D view and the plan read it on drop. The record
 * travels whole, so the piece is drawn at once without asking the server for it.
 */
import type { Product } from '../api/types.ts';

export const PRODUCT_DRAG_TYPE = 'application/x-atelier-product';

export function setProductDragData(dataTransfer: DataTransfer, product: Product): void {
  dataTransfer.setData(PRODUCT_DRAG_TYPE, JSON.stringify(product));
  dataTransfer.setData('text/plain', product.name);
  dataTransfer.effectAllowed = 'copy';
}

/** Whether a drag carries a product (readable during dragover, when the data itself is not). */
export function carriesProduct(dataTransfer: DataTransfer | null): boolean {
  return Boolean(dataTransfer && [...dataTransfer.types].includes(PRODUCT_DRAG_TYPE));
}

export function readProductDragData(dataTransfer: DataTransfer | null): Product | null {
  const raw = dataTransfer?.getData(PRODUCT_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Product;
    return typeof value.id === 'string' && typeof value.widthMm === 'number' && typeof value.depthMm === 'number' && typeof value.category === 'string' ? value : null;
  } catch {
    return null;
  }
}
