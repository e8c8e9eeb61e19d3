import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRetailers } from '../../../core/api/foundation.ts';
import { getIntakeKnown, startProject } from '../../../core/api/intake.ts';
import type { ResponseOf } from '../../../core/api/endpoint.ts';
import { CATEGORIES } from '../../../core/catalog.ts';
import { ROOM_KINDS, type RoomKind } from '../../../core/intake/index.ts';
import { isApiError } from '../../api/client.ts';
import { describeError } from '../../app/errors.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { navigate } from '../../app/useRoute.ts';
import { useResource } from '../../app/useResource.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { selectUnits, useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Button } from '../../ui/Button.tsx';
import { Field } from '../../ui/Field.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { KeptPiecePhoto } from '../photos/KeptPiecePhoto.tsx';
import { ShotListStep } from '../photos/ShotListStep.tsx';
import { NO_ANSWERS } from '../profile/StyleProfileScreen.tsx';
import { StyleQuiz, type RetailerChoice } from '../profile/StyleQuiz.tsx';
import { draftToRequest, emptyPiece, hasStyleAnswers, emptyRoom, lengthUnit, type DraftProblem, type IntakeDraft, type PieceDraft, type RoomDraft } from './intakeDraft.ts';
import './intake.css';

type Known = ResponseOf<typeof getIntakeKnown>;
type Step = 'rooms' | 'pieces' | 'budget' | 'style' | 'review' | 'photos';

/** A customer starts a project (#/start): asked once, and a second time only for what is new. */
export function IntakeScreen() {
  const { t } = useTranslation();
  const data = useResource('intake-known', async (signal) => {
    const [known, retailers] = await Promise.all([api.call(getIntakeKnown, { signal }), api.call(listRetailers, { signal })]);
    return { known, retailers: retailers.retailers };
  });
  return (
    <div className="page">
      <AppHeader trail={t('intake.title')} />
      <main className="page__main intake" id="main">
        <a className="back-link" href={routeHref({ name: 'home' })}>
          <ArrowLeft />
          {t('project.back')}
        </a>
        {data.status === 'loading' ? <LoadingState label={t('app.loading')} /> : null}
        {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
        {data.status === 'ready' ? <IntakeWizard known={data.data.known} retailers={data.data.retailers} /> : null}
      </main>
    </div>
  );
}

function IntakeWizard({ known, retailers }: { readonly known: Known; readonly retailers: readonly RetailerChoice[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const units = useAppStore(selectUnits);
  const showToast = useAppStore((state) => state.showToast);
  const returning = known.projectCount > 0;
  // What we know is never asked again: a known style profile skips its step.
  const steps: Step[] = useMemo(() => ['rooms', 'pieces', 'budget', ...(known.styleProfile ? [] : (['style'] as const)), 'review', 'photos'], [known.styleProfile]);
  const [stepIndex, setStepIndex] = useState(0);
  const [draft, setDraft] = useState<IntakeDraft>({ name: '', rooms: [emptyRoom('living')], budget: '', targetDate: '', address: known.address ?? '', style: known.styleProfile ? null : NO_ANSWERS });
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  /** the project once started: the photo step follows, by the rooms' shot lists */
  const [created, setCreated] = useState<{ id: string; name: string } | null>(null);
  const step = steps[stepIndex] as Step;

  const problemAt = (path: string) => {
    const problem = problems.find((p) => p.path === path);
    return problem ? t(`intake.problem.${problem.message}`) : undefined;
  };
  const setRoom = (key: string, change: Partial<RoomDraft>) => setDraft((d) => ({ ...d, rooms: d.rooms.map((room) => (room.key === key ? { ...room, ...change } : room)) }));
  const setPiece = (room: RoomDraft, key: string, change: Partial<PieceDraft>) => setRoom(room.key, { newPieces: room.newPieces.map((piece) => (piece.key === key ? { ...piece, ...change } : piece)) });

  /** Problems of the fields on this step only, so Next stops where the answer is missing. */
  const stepProblems = (which: Step): DraftProblem[] => {
    const checked = draftToRequest(draft, known.currency, units);
    if (checked.ok) return [];
    const prefix: Record<Step, (path: string) => boolean> = {
      rooms: (p) => p === 'body.name' || p === 'body.rooms' || /^body\.rooms\.\d+\.name$/.test(p),
      pieces: (p) => p.includes('.newPieces.'),
      budget: (p) => p.startsWith('body.budget'),
      style: () => false,
      review: () => true,
      photos: () => false,
    };
    return checked.problems.filter((p) => prefix[which](p.path));
  };
  const next = () => {
    const found = stepProblems(step);
    setProblems(found);
    if (found.length === 0) setStepIndex((i) => Math.min(steps.length - 1, i + 1));
  };
  const submit = async () => {
    const checked = draftToRequest(draft, known.currency, units);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setSubmitting(true);
    setServerError(null);
    try {
      const { project } = await api.call(startProject, { body: checked.body });
      showToast('success', t('intake.started', { name: project.name }));
      setCreated({ id: project.id, name: project.name });
      setStepIndex(steps.indexOf('photos'));
    } catch (error) {
      setServerError(describeError(error, t));
      if (isApiError(error)) setProblems(error.issues.map((issue) => ({ path: issue.path, message: 'required' as const })));
    } finally {
      setSubmitting(false);
    }
  };

  const unit = lengthUnit(units);
  return (
    <>
      <h1>{returning ? t('intake.titleAgain') : t('intake.title')}</h1>
      <p className="muted">{returning ? t('intake.subtitleAgain') : t('intake.subtitle')}</p>
      <ol className="intake__steps" aria-label={t('intake.progress')}>
        {steps.map((s, i) => (
          <li key={s} className={i === stepIndex ? 'intake__step intake__step--current' : i < stepIndex ? 'intake__step intake__step--done' : 'intake__step'} aria-current={i === stepIndex ? 'step' : undefined}>
            {t(`intake.step.${s}`)}
          </li>
        ))}
      </ol>

      <section className="intake__panel" aria-labelledby="intake-step-title">
        <h2 id="intake-step-title">{t(`intake.stepTitle.${step}`)}</h2>

        {step === 'rooms' ? (
          <>
            <Field label={t('intake.projectName')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={problemAt('body.name')} placeholder={t('intake.projectNameHint')} />
            {draft.rooms.map((room, r) => (
              <fieldset key={room.key} className="intake__room">
                <legend>{t('intake.roomN', { n: r + 1 })}</legend>
                <Field label={t('intake.roomName')} value={room.name} onChange={(e) => setRoom(room.key, { name: e.target.value })} error={problemAt(`body.rooms.${r}.name`)} />
                <label className="field">
                  <span className="field__label">{t('intake.roomKindLabel')}</span>
                  <select className="field__input" value={room.kind} onChange={(e) => setRoom(room.key, { kind: e.target.value as RoomKind })}>
                    {ROOM_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`intake.roomKind.${kind}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field__label">{t('intake.purpose')}</span>
                  <textarea className="field__input" rows={2} value={room.purpose} onChange={(e) => setRoom(room.key, { purpose: e.target.value })} placeholder={t('intake.purposeHint')} />
                </label>
                {draft.rooms.length > 1 ? (
                  <Button size="sm" variant="ghost" onClick={() => setDraft({ ...draft, rooms: draft.rooms.filter((x) => x.key !== room.key) })}>
                    {t('intake.removeRoom', { name: room.name || t('intake.roomN', { n: r + 1 }) })}
                  </Button>
                ) : null}
              </fieldset>
            ))}
            {problemAt('body.rooms') ? <p className="field__error">{problemAt('body.rooms')}</p> : null}
            <Button size="sm" onClick={() => setDraft({ ...draft, rooms: [...draft.rooms, emptyRoom('bedroom')] })}>
              {t('intake.addRoom')}
            </Button>
          </>
        ) : null}

        {step === 'pieces' ? (
          <>
            <p className="muted">{t('intake.piecesHint')}</p>
            {draft.rooms.map((room, r) => (
              <fieldset key={room.key} className="intake__room">
                <legend>{room.name}</legend>
                {known.keptPieces.length > 0 ? (
                  <div className="intake__known" role="group" aria-label={t('intake.knownPieces', { room: room.name })}>
                    <span className="field__label">{t('intake.knownPiecesLabel')}</span>
                    {known.keptPieces.map((piece) => (
                      <label key={piece.id} className="intake-chip">
                        <input
                          type="checkbox"
                          checked={room.keptPieceIds.includes(piece.id)}
                          onChange={() => setRoom(room.key, { keptPieceIds: room.keptPieceIds.includes(piece.id) ? room.keptPieceIds.filter((id) => id !== piece.id) : [...room.keptPieceIds, piece.id] })}
                        />
                        <span>
                          {piece.name} · {format.dimensions(piece)}
                        </span>
                      </label>
                    ))}
                  </div>
                ) : null}
                {room.newPieces.map((piece, p) => {
                  const at = `body.rooms.${r}.newPieces.${p}`;
                  return (
                    <div key={piece.key} className="intake__piece" role="group" aria-label={t('intake.pieceN', { n: p + 1, room: room.name })}>
                      <Field label={t('intake.pieceName')} value={piece.name} onChange={(e) => setPiece(room, piece.key, { name: e.target.value })} error={problemAt(`${at}.name`)} />
                      <label className="field">
                        <span className="field__label">{t('intake.pieceCategory')}</span>
                        <select className="field__input" value={piece.category} onChange={(e) => setPiece(room, piece.key, { category: e.target.value as PieceDraft['category'] })}>
                          {CATEGORIES.map((category) => (
                            <option key={category} value={category}>
                              {category}
                            </option>
                          ))}
                        </select>
                      </label>
                      <Field label={t('intake.width', { unit })} inputMode="decimal" value={piece.width} onChange={(e) => setPiece(room, piece.key, { width: e.target.value })} error={problemAt(`${at}.widthMm`)} />
                      <Field label={t('intake.depth', { unit })} inputMode="decimal" value={piece.depth} onChange={(e) => setPiece(room, piece.key, { depth: e.target.value })} error={problemAt(`${at}.depthMm`)} />
                      <Field label={t('intake.height', { unit })} inputMode="decimal" value={piece.height} onChange={(e) => setPiece(room, piece.key, { height: e.target.value })} error={problemAt(`${at}.heightMm`)} />
                      <KeptPiecePhoto fileId={piece.photoFileId} pieceName={piece.name || t('intake.pieceN', { n: p + 1, room: room.name })} onChange={(photoFileId) => setPiece(room, piece.key, { photoFileId })} />
                      <Button size="sm" variant="ghost" onClick={() => setRoom(room.key, { newPieces: room.newPieces.filter((x) => x.key !== piece.key) })}>
                        {t('intake.removePiece')}
                      </Button>
                    </div>
                  );
                })}
                <Button size="sm" onClick={() => setRoom(room.key, { newPieces: [...room.newPieces, emptyPiece()] })}>
                  {t('intake.addPiece', { room: room.name })}
                </Button>
              </fieldset>
            ))}
          </>
        ) : null}

        {step === 'budget' ? (
          <>
            <Field
              label={t('intake.budget', { currency: known.currency })}
              inputMode="decimal"
              value={draft.budget}
              onChange={(e) => setDraft({ ...draft, budget: e.target.value })}
              error={problemAt('body.budget.amountMinor') ?? problemAt('body.budget.currency')}
              placeholder={known.lastBudget ? t('intake.lastBudget', { amount: format.money(known.lastBudget) }) : ''}
            />
            <Field label={t('intake.targetDate')} type="date" value={draft.targetDate} onChange={(e) => setDraft({ ...draft, targetDate: e.target.value })} error={problemAt('body.targetDate')} />
            <label className="field">
              <span className="field__label">{t('intake.address')}</span>
              <textarea className="field__input" rows={2} value={draft.address} onChange={(e) => setDraft({ ...draft, address: e.target.value })} />
            </label>
          </>
        ) : null}

        {step === 'style' && draft.style ? (
          <>
            <p className="muted">{t('intake.styleHint')}</p>
            <StyleQuiz answers={draft.style} onChange={(style) => setDraft({ ...draft, style })} retailers={retailers} />
          </>
        ) : null}

        {step === 'review' ? (
          <>
            <dl className="intake__review">
              <div>
                <dt>{t('intake.projectName')}</dt>
                <dd>{draft.name}</dd>
              </div>
              <div>
                <dt>{t('intake.step.rooms')}</dt>
                <dd>
                  <ul>
                    {draft.rooms.map((room) => (
                      <li key={room.key}>
                        {room.name} ({t(`intake.roomKind.${room.kind}`)}){room.purpose ? ` — ${room.purpose}` : ''}
                        {room.keptPieceIds.length + room.newPieces.length > 0 ? ` · ${t('intake.pieceCount', { count: room.keptPieceIds.length + room.newPieces.length })}` : ''}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>{t('project.budget')}</dt>
                <dd>{draft.budget ? `${draft.budget} ${known.currency}` : '—'}</dd>
              </div>
              <div>
                <dt>{t('intake.targetDate')}</dt>
                <dd>{draft.targetDate ? format.date(`${draft.targetDate}T12:00:00Z`) : t('intake.summary.noTarget')}</dd>
              </div>
              {draft.address ? (
                <div>
                  <dt>{t('intake.address')}</dt>
                  <dd>{draft.address}</dd>
                </div>
              ) : null}
              <div>
                <dt>{t('intake.style.title')}</dt>
                <dd>
                  {known.styleProfile ? (
                    <>
                      {t('intake.knownStyle', { styles: known.styleProfile.summary.styles.slice(0, 3).join(', ') || '—' })}{' '}
                      <a href={routeHref({ name: 'style' })}>{t('intake.editStyle')}</a>
                    </>
                  ) : draft.style && hasStyleAnswers(draft.style) ? (
                    t('intake.styleAnswered', { count: Object.keys(draft.style.cards).length })
                  ) : (
                    t('intake.styleLater')
                  )}
                </dd>
              </div>
            </dl>
            <p className="muted">{t('intake.photosNext')}</p>
          </>
        ) : null}

        {step === 'photos' && created ? (
          <>
            <p className="muted">{t('intake.photosHint')}</p>
            <ShotListStep projectId={created.id} />
          </>
        ) : null}

        {serverError ? (
          <p className="intake__error" role="alert">
            {serverError}
          </p>
        ) : null}
        <div className="intake__actions">
          {stepIndex > 0 && !created ? <Button onClick={() => setStepIndex(stepIndex - 1)}>{t('intake.back')}</Button> : null}
          {created ? (
            <Button variant="primary" onClick={() => navigate({ name: 'project', projectId: created.id })}>
              {t('intake.toProject', { name: created.name })}
            </Button>
          ) : step === 'review' ? (
            <Button variant="primary" onClick={() => void submit()} disabled={submitting}>
              {submitting ? t('intake.starting') : t('intake.start')}
            </Button>
          ) : (
            <Button variant="primary" onClick={next}>
              {step === 'style' && !(draft.style && hasStyleAnswers(draft.style)) ? t('intake.skipStyle') : t('intake.next')}
            </Button>
          )}
        </div>
      </section>
    </>
  );
}
