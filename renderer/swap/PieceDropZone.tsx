/**
 * [Options] The item list as a drop target: a product dragged onto a piece's line (any element
 * inside `[data-item-id]`) swaps that piece. Wraps the list without changing it.
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { carriesProduct, readProductDragData } from '../editor/productDrag.ts';
import { clearSwapDrop, markSwapDrop } from './swapStore.ts';
import type { SwapAction } from './useSwap.ts';
import './swap.css';

function lineUnder(event: DragEvent<HTMLElement>): string | null {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-item-id]') : null;
  return target?.dataset.itemId ?? null;
}

export function PieceDropZone({ enabled, onSwap, children }: { readonly enabled: boolean; readonly onSwap: SwapAction; readonly children: ReactNode }) {
  const [over, setOver] = useState<string | null>(null);
  if (!enabled) return <>{children}</>;
  return (
    <div
      className="piece-drop"
      data-drop-over={over ?? undefined}
      onDragOver={(event) => {
        const id = lineUnder(event);
        if (!id || !carriesProduct(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        if (over !== id) setOver(id);
      }}
      onDragLeave={() => setOver(null)}
      onDrop={(event) => {
        markSwapDrop();
        setOver(null);
        const id = lineUnder(event);
        const product = readProductDragData(event.dataTransfer);
        if (!id || !product) {
          clearSwapDrop();
          return;
        }
        event.preventDefault();
        onSwap(product, id);
      }}
    >
      {children}
    </div>
  );
}
