import { useTranslation } from 'react-i18next';
import { roomPhotos } from '../../../core/api/files.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { shotLabel } from './shotLabel.ts';
import './photos.css';

/**
 * The photo the designer pinned beside the 3D view, in a small panel on the project page, with
 * the room's shot-list progress and a way to the photos.
 */
export function PinnedReference({ projectId, roomId }: { readonly projectId: string; readonly roomId: string }) {
  const { t } = useTranslation();
  const photos = useResource(`room-photos:${roomId}`, (signal) => api.call(roomPhotos, { params: { roomId }, signal }));
  if (photos.status !== 'ready') return null;
  const { pinnedFileId, progress } = photos.data;
  const pinned = photos.data.photos.find((p) => p.id === pinnedFileId);
  const shot = pinned ? photos.data.shots.find((s) => s.key === pinned.shotKey) : undefined;
  return (
    <section className="panel pinned-reference" aria-labelledby="pinned-reference-title">
      <h2 className="panel__title" id="pinned-reference-title">
        {t('photos.reference.title')}
      </h2>
      {pinned ? (
        <a href={pinned.url} target="_blank" rel="noreferrer" className="pinned-reference__photo">
          <img src={pinned.thumbnailUrl} alt={shot ? shotLabel(shot, t) : pinned.name} />
        </a>
      ) : (
        <p className="pinned-reference__empty">{t('photos.reference.none')}</p>
      )}
      <a className="pinned-reference__link" href={routeHref({ name: 'photos', projectId, roomId })}>
        {t('photos.reference.link', { done: progress.done, total: progress.total })}
      </a>
    </section>
  );
}
