import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteMyAccount, deleteProject, exportMyData } from '../../../core/api/privacy.ts';
import * as endpoints from '../../../core/api/foundation.ts';
import { api } from '../../app/studio.ts';
import { describeError } from '../../app/errors.ts';
import { isApiError } from '../../api/client.ts';
import { useResource } from '../../app/useResource.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';

/** Export everything as a zip; delete a project or the account after typing what is deleted. */
export function YourData() {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const projects = useResource('account-projects', (signal) => api.call(endpoints.listProjects, { signal }));
  if (!user) return null;
  const mine = projects.status === 'ready' ? projects.data.projects.filter((p) => p.customer?.userId === user.id) : [];
  return (
    <div className="your-data">
      <section className="your-data__block" aria-labelledby="export-title">
        <h3 id="export-title">{t('account.data.exportTitle')}</h3>
        <p>{t('account.data.exportText')}</p>
        <a className="button button--secondary" href={exportMyData.path} download data-testid="export-link">
          {t('account.data.exportButton')}
        </a>
      </section>
      {user.role === 'customer' ? (
        <>
          {mine.length > 0 ? (
            <section className="your-data__block" aria-labelledby="delete-projects-title">
              <h3 id="delete-projects-title">{t('account.data.deleteProjectTitle')}</h3>
              <p>{t('account.data.deleteProjectText')}</p>
              <ul className="your-data__projects">
                {mine.map((project) => (
                  <li key={project.id}>
                    <ConfirmDelete
                      label={t('account.data.deleteProjectButton', { name: project.name })}
                      expected={project.name}
                      prompt={t('account.data.typeProjectName', { name: project.name })}
                      onConfirm={(confirm) => api.call(deleteProject, { params: { projectId: project.id }, body: { confirm } })}
                      onDone={() => projects.reload()}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="your-data__block your-data__block--danger" aria-labelledby="delete-account-title">
            <h3 id="delete-account-title">{t('account.data.deleteAccountTitle')}</h3>
            <p>{t('account.data.deleteAccountText')}</p>
            <ConfirmDelete
              label={t('account.data.deleteAccountButton')}
              expected={user.email}
              prompt={t('account.data.typeEmail', { email: user.email })}
              onConfirm={(confirm) => api.call(deleteMyAccount, { body: { confirm } })}
              onDone={() => {
                useAppStore.getState().signedOut();
                window.location.hash = '#/';
              }}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}

function ConfirmDelete({ label, expected, prompt, onConfirm, onDone }: { readonly label: string; readonly expected: string; readonly prompt: string; readonly onConfirm: (typed: string) => Promise<unknown>; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const matches = typed.trim().toLowerCase() === expected.trim().toLowerCase();
  if (!open) {
    return (
      <Button variant="danger" size="sm" onClick={() => setOpen(true)}>
        {label}
      </Button>
    );
  }
  return (
    <form
      className="confirm-delete"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await onConfirm(typed);
          onDone();
        } catch (problem) {
          setError(isApiError(problem) && problem.code === 'confirmation_mismatch' ? problem.message : describeError(problem, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label className="confirm-delete__label">
        <span>{prompt}</span>
        <input className="field__input" value={typed} onChange={(event) => setTyped(event.currentTarget.value)} autoComplete="off" spellCheck={false} autoFocus />
      </label>
      <div className="confirm-delete__actions">
        <Button type="submit" variant="danger" size="sm" disabled={!matches || busy}>
          {t('account.data.confirmDelete')}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t('account.data.cancel')}
        </Button>
      </div>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
