import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/foundation.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { navigate } from '../../app/useRoute.ts';
import { useResource } from '../../app/useResource.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState } from '../../ui/States.tsx';
import { ShotListStep } from './ShotListStep.tsx';

/** `#/projects/:id/photos/:roomId`: the project's rooms, the chosen room's shot list and requests. */
export function PhotosScreen({ projectId, roomId }: { readonly projectId: string; readonly roomId: string | undefined }) {
  const { t } = useTranslation();
  const project = useResource(`project:${projectId}`, (signal) => api.call(endpoints.getProject, { params: { projectId }, signal }));
  const name = project.status === 'ready' ? project.data.project.name : undefined;
  return (
    <div className="page page--photos">
      <AppHeader trail={name ? t('photos.trail', { project: name }) : undefined} />
      <main className="photos-screen" id="main">
        {project.status === 'error' ? <ErrorState error={project.error} onRetry={project.reload} /> : null}
        <a className="back-link" href={routeHref({ name: 'project', projectId })}>
          <ArrowLeft />
          {t('photos.backToProject')}
        </a>
        <h1>{t('photos.title')}</h1>
        <ShotListStep projectId={projectId} roomId={roomId} onRoom={(id) => navigate({ name: 'photos', projectId, roomId: id }, { replace: true })} />
      </main>
    </div>
  );
}

