import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../api/types.ts';
import { primeProducts } from '../live/useProducts.ts';
import { activeEditor, subscribeActiveEditor } from './commands.ts';
import { doorwayFitOf } from './warnings.ts';
import './editor.css';

export function useActiveEditor() {
  return useSyncExternalStore(subscribeActiveEditor, activeEditor, () => null);
}

/**
 * Beside a catalog card while a room is open: whether the product goes through the room's
 * doors, and "Add to room" (the keyboard way to place it: the middle of the room, snapped).
 * Nothing when no room is open.
 */
export function AddToRoom({ product }: { readonly product: Product }) {
  const { t } = useTranslation();
  const editor = useActiveEditor();
  if (!editor) return null;
  const fit = doorwayFitOf(editor.context.shape(), product);
  const blocked = fit.doors.filter((door) => !door.fit.fits);
  return (
    <div className="add-to-room">
      {fit.doors.length > 0 ? (
        <span className={fit.fitsAll ? 'doorway-fit doorway-fit--ok' : 'doorway-fit doorway-fit--no'} title={blocked.map((door) => `${door.label}: ${door.fit.reason}`).join('\n') || undefined} data-testid="doorway-fit">
          {fit.fitsAll ? t('editor.doorwayFits') : t('editor.doorwayFitsNot')}
        </span>
      ) : null}
      {editor.canEdit() ? (
        <button
          type="button"
          className="button button--secondary button--sm"
          aria-label={t('editor.addToRoomNamed', { name: product.name })}
          onClick={() => {
            primeProducts([product]);
            editor.addProduct(product, null);
          }}
        >
          {t('editor.addToRoom')}
        </button>
      ) : null}
    </div>
  );
}
