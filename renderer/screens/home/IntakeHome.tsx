import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listMyProgress, listUnassignedProjects, takeProject } from '../../../core/api/intake.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { describeError } from '../../app/errors.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { navigate } from '../../app/useRoute.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState } from '../../ui/States.tsx';
import '../intake/intake.css';

export type ProjectProgressById = ReadonlyMap<string, ResponseOf<typeof listMyProgress>['progress'][number]>;

const NONE: ProjectProgressById = new Map();

/** Each of the person's projects: what happens next and when (empty until loaded, or on failure: the cards fall back to the stage's step). */
export function useProgress(enabled: boolean): ProjectProgressById {
  const progress = useResource(enabled ? 'my-progress' : null, (signal) => api.call(listMyProgress, { signal }));
  return progress.status === 'ready' ? new Map(progress.data.progress.map((p) => [p.projectId, p])) : NONE;
}

/** A customer starts a project themselves, and keeps their style profile up to date. */
export function CustomerStartLinks() {
  const { t } = useTranslation();
  return (
    <div className="intake-home__links">
      <a className="button button--primary button--md" href={routeHref({ name: 'start' })}>
        {t('intake.home.start')}
      </a>
      <a className="button button--secondary button--md" href={routeHref({ name: 'style' })}>
        {t('intake.home.style')}
      </a>
    </div>
  );
}

/** Projects no designer has taken: a designer picks one up. */
export function UnassignedProjects() {
  const { t } = useTranslation();
  const format = useFormatters();
  const showToast = useAppStore((state) => state.showToast);
  const open = useResource('unassigned', (signal) => api.call(listUnassignedProjects, { signal }));
  const [taking, setTaking] = useState<string | null>(null);
  if (open.status === 'loading') return null;
  if (open.status === 'error') return <ErrorState error={open.error} onRetry={open.reload} />;
  const take = async (projectId: string) => {
    setTaking(projectId);
    try {
      await api.call(takeProject, { params: { projectId } });
      navigate({ name: 'project', projectId });
    } catch (error) {
      showToast('error', describeError(error, t));
      open.reload();
    } finally {
      setTaking(null);
    }
  };
  return (
    <section className="section intake-home__unassigned" aria-labelledby="unassigned-title">
      <div className="section__head">
        <div>
          <h2 id="unassigned-title">{t('intake.home.unassignedTitle')}</h2>
          <p className="muted">{t('intake.home.unassignedSubtitle')}</p>
        </div>
        <span className="count">{t('home.projects', { count: open.data.projects.length })}</span>
      </div>
      {open.data.projects.length === 0 ? (
        <p className="muted">{t('intake.home.unassignedEmpty')}</p>
      ) : (
        <ul className="intake-home__list" role="list">
          {open.data.projects.map((project) => (
            <li key={project.id} className="intake-home__item">
              <div>
                <strong>{project.name}</strong>
                <span className="muted">
                  {' '}
                  · {project.customer?.name ?? t('home.noCustomer')} · {project.rooms.map((room) => room.name).join(', ') || t('home.rooms', { count: project.roomCount })}
                  {project.budget ? ` · ${format.money(project.budget)}` : ''}
                  {project.targetDate ? ` · ${t('intake.home.by', { date: format.date(`${project.targetDate}T12:00:00Z`) })}` : ''}
                </span>
              </div>
              <Button size="sm" variant="primary" disabled={taking !== null} onClick={() => void take(project.id)} aria-label={t('intake.home.takeNamed', { name: project.name })}>
                {t('intake.home.take')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
