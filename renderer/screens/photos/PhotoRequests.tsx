import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestPhoto, uploadRequestExample } from '../../../core/api/files.ts';
import { api } from '../../app/studio.ts';
import { describeError } from '../../app/errors.ts';
import { isApiError } from '../../api/client.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { Button } from '../../ui/Button.tsx';
import { FilePicker } from './FilePicker.tsx';
import type { PhotoRequest, StoredFile } from './types.ts';
import { sendFile } from './upload.ts';

interface PhotoRequestsProps {
  readonly roomId: string;
  readonly requests: readonly PhotoRequest[];
  readonly photos: readonly StoredFile[];
  readonly isDesigner: boolean;
  readonly onUpload: (files: File[], shot: string) => void;
  readonly onChanged: () => void;
  readonly onOpen: (photo: StoredFile) => void;
}

/**
 * Photo requests in a room. The customer sees each open one as a task with the designer's words
 * and example, and answers it by adding the photo; the designer asks for one more.
 */
export function PhotoRequests({ roomId, requests, photos, isDesigner, onUpload, onChanged, onOpen }: PhotoRequestsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const open = requests.filter((r) => r.status === 'open');
  const fulfilled = requests.filter((r) => r.status === 'fulfilled');
  return (
    <div className="photo-requests">
      {open.length > 0 ? (
        <ul className="photo-requests__list" aria-label={t('photos.requests.openLabel')}>
          {open.map((request) => (
            <li key={request.id} className="photo-request photo-request--open" data-testid="photo-request">
              <div className="photo-request__text">
                <strong>{t('photos.requests.asked', { name: request.requestedBy.name })}</strong>
                <p>{request.text}</p>
                <span className="photo-request__when">{format.dateTime(request.createdAt)}</span>
              </div>
              {request.example ? (
                <figure className="photo-request__example">
                  <img src={request.example.thumbnailUrl} alt={t('photos.requests.exampleAlt', { text: request.text })} width={96} height={72} />
                  <figcaption>{t('photos.requests.example')}</figcaption>
                </figure>
              ) : null}
              {!isDesigner ? <FilePicker label={t('photos.requests.fulfil')} accessibleLabel={t('photos.requests.fulfilFor', { text: request.text })} multiple={false} onFiles={(files) => onUpload(files, `request:${request.id}`)} /> : <span className="photo-request__waiting">{t('photos.requests.waiting')}</span>}
            </li>
          ))}
        </ul>
      ) : null}
      {fulfilled.length > 0 ? (
        <ul className="photo-requests__list photo-requests__list--done" aria-label={t('photos.requests.doneLabel')}>
          {fulfilled.map((request) => {
            const answer = photos.find((p) => p.shotKey === `request:${request.id}`);
            return (
              <li key={request.id} className="photo-request">
                <div className="photo-request__text">
                  <strong>{t('photos.requests.fulfilled', { name: request.fulfilledBy?.name ?? '' })}</strong>
                  <p>{request.text}</p>
                </div>
                {answer ? (
                  <button type="button" className="thumbs__item" onClick={() => onOpen(answer)} aria-label={t('photos.open', { caption: request.text })}>
                    <img src={answer.thumbnailUrl} alt="" width={96} height={72} />
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {isDesigner ? <RequestForm roomId={roomId} onRequested={onChanged} /> : null}
    </div>
  );
}

function RequestForm({ roomId, onRequested }: { readonly roomId: string; readonly onRequested: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [example, setExample] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const submit = async () => {
    if (!text.trim()) {
      setError(t('photos.requests.textRequired'));
      return;
    }
    setSending(true);
    setError(null);
    try {
      const exampleFileId = example ? (await sendFile(uploadRequestExample, { params: { roomId }, query: { name: example.name || 'example' } }, example)).file.id : undefined;
      await api.call(requestPhoto, { params: { roomId }, body: { text: text.trim(), ...(exampleFileId ? { exampleFileId } : {}) } });
      setText('');
      setExample(null);
      onRequested();
    } catch (problem) {
      setError(isApiError(problem) && problem.status !== 0 ? problem.message : describeError(problem, t));
    } finally {
      setSending(false);
    }
  };
  return (
    <form
      className="request-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label className="request-form__label">
        <span>{t('photos.requests.askLabel')}</span>
        <textarea className="field__input" rows={2} maxLength={500} value={text} placeholder={t('photos.requests.askPlaceholder')} onChange={(event) => setText(event.currentTarget.value)} aria-invalid={error ? true : undefined} />
      </label>
      <div className="request-form__row">
        <FilePicker label={example ? t('photos.requests.exampleChosen', { name: example.name }) : t('photos.requests.addExample')} multiple={false} onFiles={(files) => setExample(files[0] ?? null)} />
        <Button type="submit" variant="primary" size="sm" disabled={sending}>
          {t('photos.requests.send')}
        </Button>
      </div>
      {error ? <p className="field__error" role="alert">{error}</p> : null}
    </form>
  );
}
