import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteFile, myInspiration, projectInspiration, uploadInspiration } from '../../../core/api/files.ts';
import { isApiError } from '../../api/client.ts';
import { api } from '../../app/studio.ts';
import { describeError } from '../../app/errors.ts';
import { useResource } from '../../app/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { FilePicker } from './FilePicker.tsx';
import { makeThumbnail, sendFile } from './upload.ts';
import { putThumbnail } from '../../../core/api/files.ts';
import './photos.css';

/**
 * Inspiration images for the style profile. The customer adds (drop or choose) and removes their
 * own; with `projectId` it is the designer's read-only view of that project's customer's images.
 * Only real JPEG, PNG or WebP images are kept — an SVG or an HTML page is refused by the server.
 */
export function InspirationImages({ projectId, showTitle = true }: { readonly projectId?: string; readonly showTitle?: boolean }) {
  const { t } = useTranslation();
  const images = useResource(`inspiration:${projectId ?? 'mine'}`, (signal) =>
    projectId ? api.call(projectInspiration, { params: { projectId }, signal }) : api.call(myInspiration, { signal }),
  );
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const editable = !projectId;

  const add = async (files: readonly File[]) => {
    setBusy(true);
    const failed: string[] = [];
    for (const file of files) {
      try {
        const { image } = await sendFile(uploadInspiration, { query: { name: file.name || 'inspiration' } }, file);
        const thumbnail = await makeThumbnail(file);
        if (thumbnail) await sendFile(putThumbnail, { params: { fileId: image.id } }, thumbnail).catch(() => undefined);
      } catch (error) {
        failed.push(t('photos.uploadFailed', { name: file.name, message: isApiError(error) ? error.message : String(error) }));
      }
    }
    setProblems(failed);
    setBusy(false);
    images.reload();
  };
  const remove = async (id: string) => {
    try {
      await api.call(deleteFile, { params: { fileId: id } });
      images.reload();
    } catch (error) {
      setProblems([describeError(error, t)]);
    }
  };

  return (
    <section className="inspiration" aria-label={t('photos.inspiration.title')}>
      {showTitle ? <h3>{t('photos.inspiration.title')}</h3> : null}
      {editable ? <p className="inspiration__hint">{t('photos.inspiration.hint')}</p> : null}
      {images.status === 'ready' && images.data.images.length > 0 ? (
        <ul className="inspiration__grid">
          {images.data.images.map((image) => (
            <li key={image.id}>
              <img src={image.thumbnailUrl} alt={image.name} loading="lazy" />
              {editable ? (
                <Button size="sm" variant="ghost" onClick={() => void remove(image.id)} aria-label={t('photos.inspiration.remove', { name: image.name })}>
                  {t('photos.inspiration.removeShort')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : images.status === 'ready' ? (
        <p className="inspiration__empty">{t('photos.inspiration.empty')}</p>
      ) : null}
      {problems.length > 0 ? (
        <ul className="room-photos__problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
      {editable ? (
        <FilePicker label={busy ? t('photos.inspiration.adding') : t('photos.inspiration.add')} disabled={busy} onFiles={(files) => void add(files)} className="inspiration__drop" testId="inspiration-drop">
          <p>{t('photos.inspiration.drop')}</p>
        </FilePicker>
      ) : null}
    </section>
  );
}

/** The designer's read-only view of a project's customer's inspiration images (style summary). */
export function ProjectInspiration({ projectId }: { readonly projectId: string }) {
  return <InspirationImages projectId={projectId} />;
}
