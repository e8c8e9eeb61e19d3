import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../api/types.ts';
import { routeHref } from '../../app/routes.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { StagePill } from '../../ui/StagePill.tsx';

/** Studio-wide projects (support, admin): one row each, newest activity first as the server sends them. */
export function ProjectTable({ projects }: { readonly projects: readonly ProjectSummary[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('column.project')}</th>
            <th scope="col">{t('column.stage')}</th>
            <th scope="col">{t('column.customer')}</th>
            <th scope="col">{t('column.designers')}</th>
            <th scope="col" className="numeric">{t('column.rooms')}</th>
            <th scope="col" className="numeric">{t('column.budget')}</th>
            <th scope="col">{t('column.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((project) => (
            <tr key={project.id}>
              <th scope="row">
                <a href={routeHref({ name: 'project', projectId: project.id })}>{project.name}</a>
              </th>
              <td>
                <StagePill stage={project.stage} />
              </td>
              <td>{project.customer?.name ?? <span className="muted">{t('home.noCustomer')}</span>}</td>
              <td>{project.designers.length ? project.designers.map((designer) => designer.name).join(', ') : <span className="muted">{t('home.noDesigner')}</span>}</td>
              <td className="numeric">{project.roomCount}</td>
              <td className="numeric">{project.budget ? format.money(project.budget) : '—'}</td>
              <td>{format.date(project.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
