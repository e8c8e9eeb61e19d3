import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { shotLabel } from './shotLabel.ts';
import type { PhotoRequest, Shot, StoredFile } from './types.ts';

interface Step {
  readonly key: string;
  readonly at: string;
  readonly text: string;
}

/** Who did what with this room's photos, and when, newest first. */
export function PhotoActivity({ photos, requests, shots }: { readonly photos: readonly StoredFile[]; readonly requests: readonly PhotoRequest[]; readonly shots: readonly Shot[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const steps: Step[] = [];
  for (const photo of photos) {
    const shot = shots.find((s) => s.key === photo.shotKey);
    if (shot?.kind === 'request') continue;
    steps.push({ key: `p-${photo.id}`, at: photo.createdAt, text: t('photos.activity.added', { name: photo.uploadedBy.name, shot: shot ? shotLabel(shot, t) : photo.name }) });
  }
  for (const request of requests) {
    steps.push({ key: `r-${request.id}`, at: request.createdAt, text: t('photos.activity.requested', { name: request.requestedBy.name, text: request.text }) });
    if (request.fulfilledAt && request.fulfilledBy) steps.push({ key: `f-${request.id}`, at: request.fulfilledAt, text: t('photos.activity.fulfilled', { name: request.fulfilledBy.name, text: request.text }) });
  }
  steps.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (steps.length === 0) return null;
  return (
    <section className="photo-activity" aria-label={t('photos.activity.title')}>
      <h3>{t('photos.activity.title')}</h3>
      <ol>
        {steps.map((step) => (
          <li key={step.key}>
            <time dateTime={step.at}>{format.dateTime(step.at)}</time>
            <span>{step.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
