import type { TFunction } from 'i18next';
import type { Shot } from './types.ts';

/** "Corner 2", "Window on wall 3", the customer's feature, the designer's request. */
export function shotLabel(shot: Shot, t: TFunction): string {
  switch (shot.kind) {
    case 'corner':
      return t('photos.shot.corner', { n: shot.number ?? 0 });
    case 'wall':
      return t('photos.shot.wall', { n: shot.number ?? 0 });
    case 'window':
      return t('photos.shot.window', { n: shot.number ?? 0 });
    case 'feature':
      return shot.label ?? t('photos.shot.feature');
    case 'request':
      return t('photos.shot.request', { text: shot.label ?? '' });
  }
}
