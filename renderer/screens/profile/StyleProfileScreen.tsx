import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRetailers } from '../../../core/api/foundation.ts';
import { getMyStyleProfile, saveMyStyleProfile } from '../../../core/api/intake.ts';
import { NO_COLOUR_PREFERENCES, type StyleAnswers } from '../../../core/intake/index.ts';
import { routeHref } from '../../app/routes.ts';
import { api } from '../../app/studio.ts';
import { describeError } from '../../app/errors.ts';
import { useResource } from '../../app/useResource.ts';
import { useAppStore } from '../../state/store.ts';
import { AppHeader } from '../../ui/AppHeader.tsx';
import { Button } from '../../ui/Button.tsx';
import { ArrowLeft } from '../../ui/Icons.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { StyleQuiz, type RetailerChoice } from './StyleQuiz.tsx';

export const NO_ANSWERS: StyleAnswers = { cards: {}, colours: NO_COLOUR_PREFERENCES, materials: [], retailerIds: [] };

/** The customer's own style profile (#/style): answer or change it any time; search ranks by it. */
export function StyleProfileScreen() {
  const { t } = useTranslation();
  const data = useResource('my-style', async (signal) => {
    const [mine, retailers] = await Promise.all([api.call(getMyStyleProfile, { signal }), api.call(listRetailers, { signal })]);
    return { answers: mine.profile?.answers ?? null, retailers: retailers.retailers };
  });
  return (
    <div className="page">
      <AppHeader trail={t('intake.style.title')} />
      <main className="page__main" id="main">
        <a className="back-link" href={routeHref({ name: 'home' })}>
          <ArrowLeft />
          {t('project.back')}
        </a>
        <h1>{t('intake.style.title')}</h1>
        <p className="muted">{t('intake.style.subtitle')}</p>
        {data.status === 'loading' ? <LoadingState label={t('app.loading')} /> : null}
        {data.status === 'error' ? <ErrorState error={data.error} onRetry={data.reload} /> : null}
        {data.status === 'ready' ? <StyleProfileForm initial={data.data.answers ?? NO_ANSWERS} retailers={data.data.retailers} /> : null}
      </main>
    </div>
  );
}

function StyleProfileForm({ initial, retailers }: { readonly initial: StyleAnswers; readonly retailers: readonly RetailerChoice[] }) {
  const { t } = useTranslation();
  const showToast = useAppStore((state) => state.showToast);
  const [answers, setAnswers] = useState(initial);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await api.call(saveMyStyleProfile, { body: { ...answers, cards: { ...answers.cards }, materials: [...answers.materials], retailerIds: [...answers.retailerIds] } });
      showToast('success', t('intake.style.saved'));
    } catch (error) {
      showToast('error', describeError(error, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <StyleQuiz answers={answers} onChange={setAnswers} retailers={retailers} />
      <div className="intake__actions">
        <Button variant="primary" onClick={() => void save()} disabled={saving}>
          {saving ? t('intake.style.saving') : t('intake.style.save')}
        </Button>
      </div>
    </>
  );
}
