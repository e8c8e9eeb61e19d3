import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as endpoints from '../../../core/api/foundation.ts';
import { api } from '../../app/studio.ts';
import { useResource } from '../../app/useResource.ts';
import { EmptyState, ErrorState, LoadingState } from '../../ui/States.tsx';
import { RoomPhotos } from './RoomPhotos.tsx';

/**
 * The photos of a project's rooms by their shot lists, room by room: the photos screen's body
 * and the intake wizard's photo step. `roomId`/`onRoom` let a screen keep the room in its URL.
 */
export function ShotListStep({ projectId, roomId, onRoom }: { readonly projectId: string; readonly roomId?: string | undefined; readonly onRoom?: (roomId: string) => void }) {
  const { t } = useTranslation();
  const project = useResource(`project:${projectId}`, (signal) => api.call(endpoints.getProject, { params: { projectId }, signal }));
  const [chosen, setChosen] = useState<string | undefined>(roomId);
  if (project.status === 'loading') return <LoadingState label={t('photos.loading')} />;
  if (project.status === 'error') return <ErrorState error={project.error} onRetry={project.reload} />;
  const rooms = project.data.project.rooms;
  const current = roomId ?? chosen;
  const room = rooms.find((r) => r.id === current) ?? rooms[0];
  if (!room) return <EmptyState>{t('photos.noRooms')}</EmptyState>;
  const select = (id: string) => (onRoom ? onRoom(id) : setChosen(id));
  return (
    <div className="shot-list-step">
      {rooms.length > 1 ? (
        <div className="photos-screen__rooms" role="tablist" aria-label={t('photos.rooms')}>
          {rooms.map((r) => (
            <button key={r.id} type="button" role="tab" className="photos-screen__room" aria-selected={r.id === room.id} onClick={() => select(r.id)}>
              {r.name}
            </button>
          ))}
        </div>
      ) : null}
      <RoomPhotos key={room.id} roomId={room.id} roomName={room.name} />
    </div>
  );
}
