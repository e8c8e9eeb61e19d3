import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredFile } from './types.ts';
import { Button } from '../../ui/Button.tsx';
import { keepTabInside } from '../../ui/focusTrap.ts';

interface PhotoViewerProps {
  readonly photos: readonly StoredFile[];
  readonly index: number;
  readonly caption: (photo: StoredFile) => string;
  readonly onIndex: (index: number) => void;
  readonly onClose: () => void;
  /** The designer's "pin beside the 3D view", when they may. */
  readonly pin?: { readonly pinnedId: string | null; readonly onPin: (id: string | null) => void } | undefined;
  /** Removing the photo, for whoever may (its uploader, the customer it belongs to). */
  readonly onRemove?: ((photo: StoredFile) => void) | undefined;
}

/** One photo at full size: ← → step through, Escape closes; focus stays inside and returns after. */
export function PhotoViewer({ photos, index, caption, onIndex, onClose, pin, onRemove }: PhotoViewerProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const photo = photos[index];
  const count = photos.length;

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialogRef.current?.focus();
    return () => opener?.focus?.();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        onIndex((index + 1) % count);
      } else if (event.key === 'ArrowLeft') {
        event.preventDefault();
        onIndex((index - 1 + count) % count);
      } else {
        keepTabInside(event, dialogRef.current);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, count, onIndex, onClose]);

  if (!photo) return null;
  const pinned = pin?.pinnedId === photo.id;
  return (
    <div className="photo-viewer" role="presentation" onClick={(event) => event.target === event.currentTarget && onClose()}>
      <div className="photo-viewer__dialog" role="dialog" aria-modal="true" aria-label={t('photos.viewer.label', { caption: caption(photo) })} tabIndex={-1} ref={dialogRef}>
        <figure className="photo-viewer__figure">
          <img src={photo.url} alt={caption(photo)} />
          <figcaption>
            <span>{caption(photo)}</span>
            <span className="photo-viewer__count">{t('photos.viewer.position', { n: index + 1, count })}</span>
          </figcaption>
        </figure>
        <div className="photo-viewer__actions">
          <Button size="sm" onClick={() => onIndex((index - 1 + count) % count)} disabled={count < 2} aria-label={t('photos.viewer.previous')}>
            ←
          </Button>
          <Button size="sm" onClick={() => onIndex((index + 1) % count)} disabled={count < 2} aria-label={t('photos.viewer.next')}>
            →
          </Button>
          {pin ? (
            <Button size="sm" variant={pinned ? 'secondary' : 'primary'} aria-pressed={pinned} onClick={() => pin.onPin(pinned ? null : photo.id)}>
              {pinned ? t('photos.viewer.unpin') : t('photos.viewer.pin')}
            </Button>
          ) : null}
          {onRemove ? (
            <Button size="sm" variant="danger" onClick={() => onRemove(photo)}>
              {t('photos.viewer.remove')}
            </Button>
          ) : null}
          <a className="button button--ghost button--sm" href={`${photo.url}?download=1`} download>
            {t('photos.viewer.download')}
          </a>
          <Button size="sm" variant="ghost" onClick={onClose}>
            {t('photos.viewer.close')}
          </Button>
        </div>
      </div>
    </div>
  );
}
