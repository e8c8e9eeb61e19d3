import { useTranslation } from 'react-i18next';
import { myPhotoRequests } from '../../../core/api/files.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import './photos.css';

/**
 * The customer's waiting photo requests as tasks ("Camille asked for one more photo"), each
 * leading to the room's photos where it is answered. Nothing shows when nothing waits.
 */
export function PhotoRequestTasks({ projectId }: { readonly projectId?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const requests = useResource('my-photo-requests', (signal) => api.call(myPhotoRequests, { signal }));
  if (requests.status !== 'ready') return null;
  const waiting = requests.data.requests.filter((r) => !projectId || r.projectId === projectId);
  if (waiting.length === 0) return null;
  return (
    <section className="photo-tasks" aria-labelledby="photo-tasks-title">
      <h2 id="photo-tasks-title">{t('photos.tasks.title', { count: waiting.length })}</h2>
      <ul>
        {waiting.map((request) => (
          <li key={request.id} className="photo-task" data-testid="photo-task">
            <div>
              <strong>{t('photos.requests.asked', { name: request.requestedBy.name })}</strong>
              <p>{request.text}</p>
              <span className="photo-task__where">
                {t('photos.tasks.where', { project: request.projectName, room: request.roomName })} · {format.date(request.createdAt)}
              </span>
            </div>
            <a className="button button--primary button--sm" href={routeHref({ name: 'photos', projectId: request.projectId, roomId: request.roomId })}>
              {t('photos.tasks.open')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
