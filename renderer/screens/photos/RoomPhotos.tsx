import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addFeatureShot, deleteFile, pinReference } from '../../../core/api/files.ts';
import { api } from '../../app/studio.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState, LoadingState } from '../../ui/States.tsx';
import { selectUser, useAppStore } from '../../state/store.ts';
import { describeError } from '../../app/errors.ts';
import { FilePicker } from './FilePicker.tsx';
import { PhotoActivity } from './PhotoActivity.tsx';
import { PhotoRequests } from './PhotoRequests.tsx';
import { PhotoViewer } from './PhotoViewer.tsx';
import { shotLabel } from './shotLabel.ts';
import type { Shot, StoredFile } from './types.ts';
import { useRoomPhotos, type RoomPhotosData } from './useRoomPhotos.ts';
import './photos.css';

/**
 * A room's photos by its shot list: progress, each shot with its photos (drop files on it or
 * choose them), features the customer adds, photo requests, and the viewer. Designers request
 * photos and pin one beside the 3D view.
 */
export function RoomPhotos({ roomId, roomName }: { readonly roomId: string; readonly roomName: string }) {
  const { t } = useTranslation();
  const { resource, upload, busy, problems, dismissProblems } = useRoomPhotos(roomId);
  if (resource.status === 'loading') return <LoadingState label={t('photos.loading')} />;
  if (resource.status === 'error') return <ErrorState error={resource.error} onRetry={resource.reload} />;
  return <RoomPhotosBody data={resource.data} roomName={roomName} upload={upload} busy={busy} problems={problems} dismissProblems={dismissProblems} reload={resource.reload} />;
}

interface BodyProps {
  readonly data: RoomPhotosData;
  readonly roomName: string;
  readonly upload: (files: readonly File[], shot: string | undefined) => Promise<void>;
  readonly busy: number;
  readonly problems: readonly { name: string; message: string }[];
  readonly dismissProblems: () => void;
  readonly reload: () => void;
}

function RoomPhotosBody({ data, roomName, upload, busy, problems, dismissProblems, reload }: BodyProps) {
  const { t } = useTranslation();
  const user = useAppStore(selectUser);
  const isDesigner = user?.role === 'designer' || user?.role === 'admin';
  const mayUpload = user?.role === 'customer' || isDesigner;
  const [viewing, setViewing] = useState<number | null>(null);
  const [pinned, setPinned] = useState(data.pinnedFileId);
  const [actionError, setActionError] = useState<string | null>(null);

  const byShot = useMemo(() => {
    const map = new Map<string, StoredFile[]>();
    for (const photo of data.photos) {
      const key = photo.shotKey ?? '';
      map.set(key, [...(map.get(key) ?? []), photo]);
    }
    return map;
  }, [data.photos]);
  const shotOf = (photo: StoredFile) => data.shots.find((s) => s.key === photo.shotKey);
  const caption = (photo: StoredFile) => {
    const shot = shotOf(photo);
    return shot ? `${roomName} — ${shotLabel(shot, t)}` : `${roomName} — ${photo.name}`;
  };
  const open = (photo: StoredFile) => setViewing(data.photos.findIndex((p) => p.id === photo.id));
  const onPin = async (fileId: string | null) => {
    const before = pinned;
    setPinned(fileId);
    setActionError(null);
    try {
      await api.call(pinReference, { params: { roomId: data.roomId }, body: { fileId } });
    } catch (error) {
      setPinned(before);
      setActionError(describeError(error, t));
    }
  };
  const onRemove = async (photo: StoredFile) => {
    setActionError(null);
    try {
      await api.call(deleteFile, { params: { fileId: photo.id } });
      setViewing(null);
      reload();
    } catch (error) {
      setActionError(describeError(error, t));
    }
  };
  const unsorted = byShot.get('') ?? [];
  const { done, total } = data.progress;

  return (
    <section className="room-photos" aria-label={t('photos.roomLabel', { room: roomName })}>
      <header className="room-photos__head">
        <div>
          <h2>{t('photos.shotList')}</h2>
          <p className="room-photos__hint">{t('photos.shotListHint')}</p>
        </div>
        <div className="room-photos__progress">
          <span data-testid="shot-progress">{t('photos.progress', { done, total })}</span>
          <progress max={total} value={done} aria-label={t('photos.progressLabel', { done, total })} />
        </div>
      </header>

      {busy > 0 ? (
        <p className="room-photos__busy" role="status">
          {t('photos.uploading', { count: busy })}
        </p>
      ) : null}
      {problems.length > 0 ? (
        <div className="room-photos__problems" role="alert">
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.name}-${i}`}>{t('photos.uploadFailed', { name: p.name, message: p.message })}</li>
            ))}
          </ul>
          <Button size="sm" variant="ghost" onClick={dismissProblems}>
            {t('photos.dismiss')}
          </Button>
        </div>
      ) : null}
      {actionError ? <p role="alert" className="room-photos__problems">{actionError}</p> : null}

      <PhotoRequests roomId={data.roomId} requests={data.requests} isDesigner={isDesigner} onUpload={(files, shot) => void upload(files, shot)} onChanged={reload} onOpen={open} photos={data.photos} />

      <ul className="shot-grid" aria-label={t('photos.shotList')}>
        {data.shots
          .filter((s) => s.kind !== 'request')
          .map((shot) => (
            <ShotTile key={shot.key} shot={shot} photos={byShot.get(shot.key) ?? []} pinnedId={pinned} mayUpload={mayUpload} onFiles={(files) => void upload(files, shot.key)} onOpen={open} />
          ))}
      </ul>

      {mayUpload ? <AddFeature roomId={data.roomId} onAdded={reload} /> : null}

      {unsorted.length > 0 ? (
        <div className="room-photos__unsorted">
          <h3>{t('photos.otherPhotos')}</h3>
          <Thumbnails photos={unsorted} pinnedId={pinned} onOpen={open} caption={caption} />
        </div>
      ) : null}
      {mayUpload ? (
        <FilePicker label={t('photos.chooseFiles')} onFiles={(files) => void upload(files, undefined)} className="room-photos__drop" testId="room-drop">
          <p>{t('photos.dropAnywhere')}</p>
        </FilePicker>
      ) : null}

      <PhotoActivity photos={data.photos} requests={data.requests} shots={data.shots} />

      {viewing !== null && data.photos[viewing] ? (
        <PhotoViewer
          photos={data.photos}
          index={viewing}
          caption={caption}
          onIndex={setViewing}
          onClose={() => setViewing(null)}
          pin={isDesigner ? { pinnedId: pinned, onPin: (id) => void onPin(id) } : undefined}
          onRemove={data.photos[viewing].uploadedBy.id === user?.id || user?.role === 'customer' ? (photo) => void onRemove(photo) : undefined}
        />
      ) : null}
    </section>
  );
}

function Thumbnails({ photos, pinnedId, onOpen, caption }: { readonly photos: readonly StoredFile[]; readonly pinnedId: string | null; readonly onOpen: (photo: StoredFile) => void; readonly caption: (photo: StoredFile) => string }) {
  const { t } = useTranslation();
  return (
    <div className="thumbs">
      {photos.map((photo) => (
        <button key={photo.id} type="button" className="thumbs__item" onClick={() => onOpen(photo)} aria-label={t('photos.open', { caption: caption(photo) })}>
          <img src={photo.thumbnailUrl} alt="" loading="lazy" width={96} height={72} />
          {photo.id === pinnedId ? <span className="thumbs__pin">{t('photos.pinned')}</span> : null}
        </button>
      ))}
    </div>
  );
}

function ShotTile({ shot, photos, pinnedId, mayUpload, onFiles, onOpen }: { readonly shot: Shot; readonly photos: readonly StoredFile[]; readonly pinnedId: string | null; readonly mayUpload: boolean; readonly onFiles: (files: File[]) => void; readonly onOpen: (photo: StoredFile) => void }) {
  const { t } = useTranslation();
  const label = shotLabel(shot, t);
  const done = photos.length > 0;
  return (
    <li className={`shot ${done ? 'shot--done' : ''}`} data-shot={shot.key}>
      <div className="shot__head">
        <span className="shot__label">{label}</span>
        <span className={`shot__state ${done ? 'shot__state--done' : ''}`}>{done ? t('photos.shotDone') : t('photos.shotMissing')}</span>
      </div>
      {done ? <Thumbnails photos={photos} pinnedId={pinnedId} onOpen={onOpen} caption={() => label} /> : <div className="shot__placeholder" aria-hidden="true" />}
      {mayUpload ? <FilePicker label={done ? t('photos.addAnother') : t('photos.addPhoto')} accessibleLabel={t('photos.addPhotoFor', { shot: label })} onFiles={onFiles} className="shot__picker" /> : null}
    </li>
  );
}

function AddFeature({ roomId, onAdded }: { readonly roomId: string; readonly onAdded: () => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  return (
    <form
      className="add-feature"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!label.trim()) {
          setError(t('photos.featureRequired'));
          return;
        }
        setSaving(true);
        setError(null);
        try {
          await api.call(addFeatureShot, { params: { roomId }, body: { label: label.trim() } });
          setLabel('');
          onAdded();
        } catch (problem) {
          setError(describeError(problem, t));
        } finally {
          setSaving(false);
        }
      }}
    >
      <label className="add-feature__label">
        <span>{t('photos.addFeature')}</span>
        <input className="field__input" value={label} maxLength={80} placeholder={t('photos.featurePlaceholder')} onChange={(event) => setLabel(event.currentTarget.value)} aria-invalid={error ? true : undefined} />
      </label>
      <Button type="submit" size="sm" disabled={saving}>
        {t('photos.addFeatureButton')}
      </Button>
      {error ? <p className="field__error" role="alert">{error}</p> : null}
    </form>
  );
}

