import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/options.ts';
import { can } from '../../../core/permissions.ts';
import { isApiError } from '../../api/client.ts';
import type { OptionSummary } from '../../api/types.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { sendFile } from '../photos/upload.ts';
import { FormError, useFormAction } from './formAction.tsx';
import { OptionManager } from './OptionManager.tsx';
import type { Approval, VersionSummary } from './types.ts';
import './options.css';

interface OptionPanelProps {
  readonly projectId: string;
  readonly roomId: string;
  readonly option: OptionSummary | null;
  readonly roomOptions: readonly OptionSummary[];
  /** The project's options changed (created, renamed, deleted): reload them, then show `optionId`. */
  readonly onOptionsChanged: (optionId?: string) => void;
}

/**
 * [Options] on the project page: the selected option's published versions and the designer's
 * note, publishing (designer), approving (customer), the approval and its shopping list, the
 * link to compare the room's options, and the designer's option management.
 */
export function OptionPanel({ projectId, roomId, option, roomOptions, onOptionsChanged }: OptionPanelProps) {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const canEdit = user ? can(user, 'option:edit', true) : false;
  return (
    <section className="panel options-panel" aria-labelledby="versions-title">
      <h2 className="panel__title" id="versions-title">
        {t('options.versionsTitle')}
      </h2>
      {option ? <VersionsBody key={option.id} projectId={projectId} option={option} /> : <p className="muted panel__empty">{t('project.noOptions')}</p>}
      <div className="options-panel__links">
        {roomOptions.length > 0 ? (
          <a className="button button--secondary button--sm" href={routeHref({ name: 'compare', projectId, roomId })}>
            {t('options.compareLink', { count: roomOptions.length })}
          </a>
        ) : null}
      </div>
      {canEdit ? <OptionManager roomId={roomId} option={option} optionCount={roomOptions.length} onChanged={onOptionsChanged} /> : null}
    </section>
  );
}

function VersionsBody({ projectId, option }: { readonly projectId: string; readonly option: OptionSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useAppStore(selectUser);
  const versions = useResource(`versions:${option.id}`, (signal) => api.call(endpoints.listVersions, { params: { optionId: option.id }, signal }));
  if (versions.status === 'loading') return <LoadingState label={t('options.loadingVersions')} />;
  if (versions.status === 'error') return <ErrorState error={versions.error} onRetry={versions.reload} />;
  const { versions: list, approval } = versions.data;
  const latest = list[0] ?? null;
  const approvedHere = approval?.optionId === option.id;
  const canPublish = user ? can(user, 'option:edit', true) : false;
  const canApprove = user ? can(user, 'option:approve', true) : false;
  return (
    <div className="options-panel__body">
      {approval ? <ApprovalNote projectId={projectId} approval={approval} here={approvedHere} /> : null}
      {latest ? (
        <article className="version-note" aria-label={t('options.latestVersion')}>
          <header className="version-note__head">
            <span className="version-pill">{latest.label}</span>
            <span className="version-note__by">{t('options.publishedBy', { name: latest.publishedBy.name, date: format.date(latest.publishedAt) })}</span>
          </header>
          <p className="version-note__text" data-testid="version-note">
            {latest.note}
          </p>
          <NoteAttachment version={latest} />
          <VersionTotal version={latest} />
        </article>
      ) : (
        <p className="muted panel__empty">{canPublish ? t('options.noVersionsDesigner') : t('options.noVersions')}</p>
      )}
      {list.length > 0 ? (
        <nav aria-label={t('options.versionList')}>
          <ul className="version-list" role="list">
            {list.map((version) => (
              <li key={version.id}>
                <a href={routeHref({ name: 'option-version', projectId, optionId: option.id, number: version.number })}>
                  <span className="version-pill">{version.label}</span> {format.date(version.publishedAt)} · {version.publishedBy.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {canPublish && !approvedHere ? <PublishForm optionId={option.id} latest={latest?.number ?? 0} onPublished={versions.reload} /> : null}
      {canApprove && latest && !approvedHere ? <ApproveAction option={option} latest={latest} replacing={approval} onApproved={versions.reload} /> : null}
    </div>
  );
}

/** The photo or short video the designer attached to the note. */
export function NoteAttachment({ version }: { readonly version: VersionSummary }) {
  const { t } = useTranslation();
  const file = version.attachment;
  if (!file) return null;
  const label = t('options.attachmentLabel', { name: version.publishedBy.name });
  return file.mediaType.startsWith('video/') ? (
    <video className="version-note__media" src={file.url} controls preload="metadata" aria-label={label} />
  ) : (
    <a href={file.url} target="_blank" rel="noreferrer">
      <img className="version-note__media" src={file.thumbnailUrl} alt={label} />
    </a>
  );
}

export function VersionTotal({ version }: { readonly version: VersionSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <p className="version-total">
      {version.pricing.ok ? t('options.versionTotal', { total: format.money(version.pricing.total) }) : <span className="options-error">{version.pricing.message}</span>}
    </p>
  );
}

function ApprovalNote({ projectId, approval, here }: { readonly projectId: string; readonly approval: Approval; readonly here: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className={here ? 'approval-note approval-note--here' : 'approval-note'} role="status">
      <p>{here ? t('options.approvedHere', { label: approval.version.label, name: approval.approvedBy.name, date: format.date(approval.approvedAt) }) : t('options.approvedOther', { option: approval.optionName, label: approval.version.label })}</p>
      <a className="button button--primary button--sm" href={routeHref({ name: 'shopping', projectId, optionId: approval.optionId })}>
        {t('options.shoppingListLink')}
      </a>
    </div>
  );
}

function PublishForm({ optionId, latest, onPublished }: { readonly optionId: string; readonly latest: number; readonly onPublished: () => void }) {
  const { t } = useTranslation();
  const showToast = useAppStore((state) => state.showToast);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, setError, run } = useFormAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setError(t('options.noteRequired'));
      return;
    }
    void run(
      async () => {
        const attachment = file ? (await sendFile(endpoints.uploadVersionAttachment, { params: { optionId }, query: { name: file.name || 'note' } }, file)).file : null;
        const { version } = await api.call(endpoints.publishVersion, { params: { optionId }, body: { expectedLatest: latest, note, ...(attachment ? { attachmentId: attachment.id } : {}) } });
        showToast('success', t('options.published', { label: version.label }));
        setNote('');
        setFile(null);
        onPublished();
      },
      (caught) => {
        if (!isApiError(caught) || caught.code !== 'stale_version') return undefined;
        onPublished();
        return t('options.staleVersion', { message: caught.message });
      },
    );
  };
  return (
    <form className="publish-form" onSubmit={submit} aria-label={t('options.publishTitle')}>
      <label className="field__label" htmlFor="publish-note">
        {t('options.publishNoteLabel', { label: `v${latest + 1}` })}
      </label>
      <textarea id="publish-note" className="field__input publish-form__note" rows={3} value={note} maxLength={4000} placeholder={t('options.publishNotePlaceholder')} aria-invalid={error ? true : undefined} aria-describedby={error ? 'publish-error' : undefined} onChange={(event) => setNote(event.target.value)} />
      <FormError error={error} id="publish-error" />
      <label className="field__label" htmlFor="publish-attachment">
        {t('options.attachmentField')}
      </label>
      <input id="publish-attachment" type="file" accept="image/jpeg,image/png,image/webp,video/mp4,video/webm" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {busy ? t('options.publishing') : t('options.publish', { label: `v${latest + 1}` })}
      </Button>
    </form>
  );
}

function ApproveAction({ option, latest, replacing, onApproved }: { readonly option: OptionSummary; readonly latest: VersionSummary; readonly replacing: Approval | null; readonly onApproved: () => void }) {
  const { t } = useTranslation();
  const showToast = useAppStore((state) => state.showToast);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const { busy, error, run } = useFormAction();
  const approve = (replace: boolean) =>
    void run(
      async () => {
        const { approval } = await api.call(endpoints.approveOption, { params: { optionId: option.id }, body: { expectedLatest: latest.number, replace } });
        showToast('success', t('options.approved', { option: option.name, label: approval.version.label }));
        onApproved();
      },
      (caught) => {
        if (!isApiError(caught)) return undefined;
        if (caught.code === 'approval_exists') {
          setConfirmReplace(true);
          return null;
        }
        if (caught.code === 'stale_version' || caught.code === 'already_approved') onApproved();
        return undefined;
      },
    );
  const mustReplace = confirmReplace || replacing !== null;
  if (replacing?.purchasesRecorded) {
    // Pieces were bought from the approved option's list: say so rather than offer a button that can only fail.
    return <p className="muted approve__hint">{t('options.approvalFixed', { other: replacing.optionName })}</p>;
  }
  return (
    <div className="approve">
      {mustReplace && replacing ? <p className="approve__warning">{t('options.replaceWarning', { other: replacing.optionName, option: option.name })}</p> : null}
      <Button variant="primary" size="sm" disabled={busy} onClick={() => approve(mustReplace)}>
        {mustReplace ? t('options.replaceApproval', { option: option.name }) : t('options.approve', { option: option.name, label: latest.label })}
      </Button>
      <p className="muted approve__hint">{t('options.approveHint')}</p>
      <FormError error={error} />
    </div>
  );
}
