import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadVideoNote } from '../../../core/api/files.ts';
import { changeProjectStage, getProjectTracker } from '../../../core/api/intake.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { STAGES, type Stage } from '../../../core/intake/index.ts';
import { can } from '../../../core/permissions.ts';
import { isApiError } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUser, useAppStore } from '../../state/store.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { FilePicker } from '../photos/FilePicker.tsx';
import { sendFile } from '../photos/upload.ts';
import './intake.css';

type Tracker = ResponseOf<typeof getProjectTracker>['tracker'];

const VIDEO_ACCEPT = 'video/mp4,video/webm';

/** Projects whose tracker is open: it stays open while the project page reloads after a stage change. */
const openTrackers = new Set<string>();

/** A calendar day as the person reads dates. */
export function useDayFormat(): (day: string) => string {
  const format = useFormatters();
  return (day) => format.date(`${day}T12:00:00Z`);
}

/**
 * The stage tracker on the project page: what happens next and when (or what waits on the
 * customer), every stage with its date, the timeline with who did what, and — for the designer —
 * moving the project on with a personal note.
 */
export function ProjectProgress({ projectId, onStageChanged }: { readonly projectId: string; readonly onStageChanged: () => void }) {
  const { t } = useTranslation();
  const tracker = useResource(`tracker:${projectId}`, (signal) => api.call(getProjectTracker, { params: { projectId }, signal }));
  const role = useAppStore(selectUser)?.role;
  const [open, setOpenState] = useState(() => openTrackers.has(projectId));
  const setOpen = (value: boolean) => {
    if (value) openTrackers.add(projectId);
    else openTrackers.delete(projectId);
    setOpenState(value);
  };
  if (tracker.status === 'loading') return <LoadingState label={t('intake.tracker.loading')} />;
  if (tracker.status === 'error') return <ErrorState error={tracker.error} onRetry={tracker.reload} />;
  const data = tracker.data.tracker;
  return (
    <section className="tracker" aria-labelledby="tracker-title">
      <div className="tracker__head">
        <h2 id="tracker-title" className="tracker__title">
          {t('intake.tracker.title')}
        </h2>
        <NextLine tracker={data} />
        {/* The customer edits their own profile; everyone else reads the project customer's summary. */}
        <a className="button button--ghost button--sm" href={routeHref(role === 'customer' ? { name: 'style' } : { name: 'project-style', projectId })}>
          {role === 'customer' ? t('intake.tracker.myStyleLink') : t('intake.tracker.styleLink')}
        </a>
        <Button size="sm" aria-expanded={open} aria-controls="tracker-body" onClick={() => setOpen(!open)}>
          {open ? t('intake.tracker.hide') : t('intake.tracker.show')}
        </Button>
      </div>
      {open ? (
        <div id="tracker-body" className="tracker__body">
          <StageList tracker={data} />
          <div>
            <StageControl
              tracker={data}
              projectId={projectId}
              onChanged={() => {
                tracker.reload();
                onStageChanged();
              }}
            />
            <Timeline tracker={data} />
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** "Next: Options ready, expected 3 Dec 2026" or "Waiting on you: add photos of your room". */
export function NextLine({ tracker }: { readonly tracker: Pick<Tracker, 'stage' | 'waitingOn' | 'next' | 'onTrack'> }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  const role = useAppStore(selectUser)?.role;
  const onYou = (role === 'customer' && tracker.waitingOn === 'customer') || (role === 'designer' && tracker.waitingOn === 'designer');
  return (
    <p className={onYou ? 'tracker__next tracker__next--you' : 'tracker__next'} data-testid="tracker-next">
      {onYou ? (
        <>
          <strong>{t('intake.tracker.waitingOnYou')}</strong> {t(`nextStep.${role === 'customer' ? 'customer' : 'designer'}.${tracker.stage}`)}
          {tracker.next ? ` ${t('intake.tracker.by', { date: day(tracker.next.date) })}` : ''}
        </>
      ) : tracker.next ? (
        <>
          <strong>{t('intake.tracker.next')}</strong> {t('intake.tracker.nextStage', { stage: t(`stage.${tracker.next.stage}`), date: day(tracker.next.date) })}
        </>
      ) : (
        t(`nextStep.customer.${tracker.stage}`)
      )}
      {!tracker.onTrack ? <span className="badge tracker__late">{t('intake.tracker.late')}</span> : null}
    </p>
  );
}

function StageList({ tracker }: { readonly tracker: Tracker }) {
  const { t } = useTranslation();
  const day = useDayFormat();
  return (
    <ol className="tracker__stages" aria-label={t('intake.tracker.stages')}>
      {tracker.stages.map((stage) => (
        <li key={stage.stage} className={`tracker__stage tracker__stage--${stage.status}`} aria-current={stage.status === 'current' ? 'step' : undefined}>
          <span className="tracker__dot" aria-hidden="true" />
          <span className="tracker__stage-name">{t(`stage.${stage.stage}`)}</span>
          <span className="tracker__stage-date">{t(`intake.tracker.status.${stage.status}`, { date: day(stage.date) })}</span>
        </li>
      ))}
    </ol>
  );
}

function Timeline({ tracker }: { readonly tracker: Tracker }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div className="tracker__timeline">
      <h3>{t('intake.tracker.timeline')}</h3>
      <ol className="tracker-timeline" aria-label={t('intake.tracker.timeline')}>
        {tracker.timeline.map((event) => (
          <li key={event.id} className="tracker-timeline__event">
            <time dateTime={event.at}>{format.dateTime(event.at)}</time>
            <p>{event.text}</p>
            {event.note ? (
              <blockquote className="tracker-timeline__note">
                “{event.note}” — {event.actorName}
              </blockquote>
            ) : null}
            {event.attachmentId ? (
              <video className="tracker-timeline__video" controls preload="metadata" src={`/api/files/${encodeURIComponent(event.attachmentId)}`} aria-label={t('intake.tracker.videoFrom', { name: event.actorName })} />
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}

function StageControl({ tracker, projectId, onChanged }: { readonly tracker: Tracker; readonly projectId: string; readonly onChanged: () => void }) {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const showToast = useAppStore((state) => state.showToast);
  const following = STAGES[STAGES.indexOf(tracker.stage) + 1];
  const [to, setTo] = useState<Stage>(following ?? tracker.stage);
  const [note, setNote] = useState('');
  const [video, setVideo] = useState<{ id: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);
  // Membership was checked by the server when the page loaded; the role decides whether to offer it.
  if (!user || !can(user, 'project:stage', true) || user.role === 'customer') return null;
  const attach = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const stored = (await sendFile(uploadVideoNote, { params: { projectId }, query: { name: file.name || 'video' } }, file)).file;
      setVideo({ id: stored.id, name: file.name || t('intake.tracker.video') });
    } catch (error) {
      showToast('error', describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  const move = async () => {
    setBusy(true);
    try {
      await api.call(changeProjectStage, { params: { projectId }, body: { from: tracker.stage, to, ...(note.trim() ? { note: note.trim() } : {}), ...(video ? { attachmentId: video.id } : {}) } });
      setNote('');
      setVideo(null);
      showToast('success', t('intake.tracker.moved', { stage: t(`stage.${to}`) }));
      onChanged();
    } catch (error) {
      showToast('error', isApiError(error) && error.code === 'stage_changed' ? t('intake.tracker.conflict') : describeError(error, t));
      if (isApiError(error) && error.code === 'stage_changed') onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="tracker__control"
      onSubmit={(event) => {
        event.preventDefault();
        void move();
      }}
    >
      <label className="field">
        <span className="field__label">{t('intake.tracker.moveTo')}</span>
        <select className="field__input" value={to} onChange={(e) => setTo(e.target.value as Stage)}>
          {STAGES.filter((stage) => stage !== tracker.stage).map((stage) => (
            <option key={stage} value={stage}>
              {t(`stage.${stage}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field__label">{t('intake.tracker.note')}</span>
        <textarea className="field__input" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('intake.tracker.noteHint')} />
      </label>
      <div className="tracker__video">
        <FilePicker label={video ? t('intake.tracker.replaceVideo') : t('intake.tracker.addVideo')} accept={VIDEO_ACCEPT} multiple={false} disabled={busy} onFiles={(files) => void attach(files[0])} />
        {video ? (
          <span className="muted">
            {video.name}{' '}
            <Button size="sm" variant="ghost" onClick={() => setVideo(null)}>
              {t('intake.tracker.removeVideo')}
            </Button>
          </span>
        ) : null}
      </div>
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {t('intake.tracker.move', { stage: t(`stage.${to}`) })}
      </Button>
    </form>
  );
}
