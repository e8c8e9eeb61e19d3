import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../api/types.ts';
import { routeHref } from '../../app/routes.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { ArrowRight } from '../../ui/Icons.tsx';
import { StagePill } from '../../ui/StagePill.tsx';
import { NextLine } from '../intake/ProjectProgress.tsx';
import type { ProjectProgressById } from './IntakeHome.tsx';

/** Customers and designers see their projects as cards, each saying what happens next. */
export function ProjectCards({ projects, audience, progress }: { readonly projects: readonly ProjectSummary[]; readonly audience: 'customer' | 'designer'; readonly progress?: ProjectProgressById }) {
  return (
    <ul className="card-grid" role="list">
      {projects.map((project) => (
        <li key={project.id}>
          <ProjectCard project={project} audience={audience} progress={progress?.get(project.id)} />
        </li>
      ))}
    </ul>
  );
}

function ProjectCard({ project, audience, progress }: { readonly project: ProjectSummary; readonly audience: 'customer' | 'designer'; readonly progress: Parameters<typeof NextLine>[0]['tracker'] | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // A customer sees who designs for them; a designer sees whose room it is.
  const person = audience === 'customer' ? project.designers[0] : project.customer;
  const personLabel = person?.name ?? (audience === 'customer' ? t('home.noDesigner') : t('home.noCustomer'));
  return (
    <a className="project-card" href={routeHref({ name: 'project', projectId: project.id })} aria-label={t('home.openProject', { name: project.name })}>
      <div className="project-card__top">
        <StagePill stage={project.stage} />
        <span className="project-card__updated">{t('home.updated', { date: format.date(project.updatedAt) })}</span>
      </div>
      <h3 className="project-card__name">{project.name}</h3>
      <div className="project-card__person">
        <Avatar name={personLabel} size={22} />
        <span>{personLabel}</span>
      </div>
      <div className="project-card__next">
        <span className="project-card__next-label">{t('home.nextStep')}</span>
        {progress ? <NextLine tracker={progress} /> : <span>{t(`nextStep.${audience}.${project.stage}`)}</span>}
      </div>
      <div className="project-card__meta">
        <span>{t('home.rooms', { count: project.roomCount })}</span>
        {project.budget ? <span>{t('home.budget', { amount: format.money(project.budget) })}</span> : null}
        <ArrowRight className="project-card__arrow" />
      </div>
    </a>
  );
}
