import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/foundation.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { partOfDay } from '../../i18n/format.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import type { User } from '../../state/sessionSlice.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { DeskSection } from '../desk/DeskScreen.tsx';
import { ProtectionSummary } from '../protected/ProtectionSummary.tsx';
import { PhotoRequestTasks } from '../photos/PhotoRequestTasks.tsx';
import { PeopleTable } from './PeopleTable.tsx';
import { ProjectCards } from './ProjectCards.tsx';
import { ProjectTable } from './ProjectTable.tsx';
import { CustomerStartLinks, UnassignedProjects, useProgress } from './IntakeHome.tsx';

/** What each person works on: their projects (customer, designer), all projects (support), people and projects (admin). */
export function HomeScreen() {
  const user = useAppStore(selectUser);
  if (!user) return null;
  return (
    <div className="page">
      <AppHeader />
      <main className="page__main" id="main">
        <Greeting user={user} />
        {user.role === 'customer' ? <PhotoRequestTasks /> : null}
        {user.role === 'customer' ? <ProtectionSummary /> : null}
        {user.role === 'support' ? <DeskSection tab="queue" heading="h2" /> : null}
        {user.role === 'admin' ? <AdminHome /> : <ProjectsSection role={user.role} />}
      </main>
    </div>
  );
}

function Greeting({ user }: { readonly user: User }) {
  const { t } = useTranslation();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return <p className="page__eyebrow">{t(`greeting.${partOfDay(new Date())}`, { name: firstName })}</p>;
}

function useProjects() {
  return useResource('projects', (signal) => api.call(endpoints.listProjects, { signal }));
}

function ProjectsSection({ role }: { readonly role: 'customer' | 'designer' | 'support' }) {
  const { t } = useTranslation();
  const projects = useProjects();
  const progress = useProgress(role !== 'support');
  const copy = {
    customer: { title: t('home.customerTitle'), subtitle: t('home.customerSubtitle'), empty: t('home.customerEmpty') },
    designer: { title: t('home.designerTitle'), subtitle: t('home.designerSubtitle'), empty: t('home.designerEmpty') },
    support: { title: t('home.supportTitle'), subtitle: t('home.supportSubtitle'), empty: t('home.allEmpty') },
  }[role];
  return (
    <section className="section" aria-labelledby="projects-title">
      <div className="section__head">
        <div>
          <h1 id="projects-title">{copy.title}</h1>
          <p className="muted">{copy.subtitle}</p>
        </div>
        {projects.status === 'ready' ? <span className="count">{t('home.projects', { count: projects.data.projects.length })}</span> : null}
      </div>
      {role === 'customer' ? <CustomerStartLinks /> : null}
      {projects.status === 'loading' ? <LoadingState label={t('project.loading')} /> : null}
      {projects.status === 'error' ? <ErrorState error={projects.error} onRetry={projects.reload} /> : null}
      {projects.status === 'ready' && projects.data.projects.length === 0 ? <EmptyState>{role === 'customer' ? t('intake.home.empty') : copy.empty}</EmptyState> : null}
      {projects.status === 'ready' && projects.data.projects.length > 0 ? (
        role === 'support' ? <ProjectTable projects={projects.data.projects} /> : <ProjectCards projects={projects.data.projects} audience={role} progress={progress} />
      ) : null}
      {role === 'designer' ? <UnassignedProjects /> : null}
    </section>
  );
}

function AdminHome() {
  const { t } = useTranslation();
  const people = useResource('users', (signal) => api.call(endpoints.listUsers, { query: {}, signal }));
  const projects = useProjects();
  return (
    <>
      <section className="section" aria-labelledby="people-title">
        <div className="section__head">
          <div>
            <h1 id="people-title">{t('home.adminPeopleTitle')}</h1>
            <p className="muted">{t('home.adminPeopleSubtitle')}</p>
          </div>
          {people.status === 'ready' ? <span className="count">{t('home.people', { count: people.data.users.length })}</span> : null}
        </div>
        {people.status === 'loading' ? <LoadingState label={t('app.loading')} /> : null}
        {people.status === 'error' ? <ErrorState error={people.error} onRetry={people.reload} /> : null}
        {people.status === 'ready' ? people.data.users.length ? <PeopleTable users={people.data.users} /> : <EmptyState>{t('home.peopleEmpty')}</EmptyState> : null}
      </section>
      <section className="section" aria-labelledby="admin-projects-title">
        <div className="section__head">
          <div>
            <h2 id="admin-projects-title">{t('home.adminProjectsTitle')}</h2>
            <p className="muted">{t('home.adminProjectsSubtitle')}</p>
          </div>
          {projects.status === 'ready' ? <span className="count">{t('home.projects', { count: projects.data.projects.length })}</span> : null}
        </div>
        {projects.status === 'loading' ? <LoadingState label={t('project.loading')} /> : null}
        {projects.status === 'error' ? <ErrorState error={projects.error} onRetry={projects.reload} /> : null}
        {projects.status === 'ready' ? projects.data.projects.length ? <ProjectTable projects={projects.data.projects} /> : <EmptyState>{t('home.allEmpty')}</EmptyState> : null}
      </section>
    </>
  );
}
