import { useTranslation } from 'react-i18next';
import type { Room } from '../../api/types.ts';
import { polygonAreaMm2 } from '../../../core/room.ts';
import { useFormatters } from '../../i18n/useFormatters.ts';
import { planBounds } from '../../scene/plan.ts';

/** The project's rooms with their size at a glance; one is shown in 3D. */
export function RoomPicker({ rooms, selectedRoomId, onSelect }: { readonly rooms: readonly Room[]; readonly selectedRoomId: string; readonly onSelect: (roomId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="panel" aria-labelledby="rooms-title">
      <h2 className="panel__title" id="rooms-title">
        {t('project.rooms')}
      </h2>
      <ul className="choice-list" role="list">
        {rooms.map((room) => {
          const bounds = planBounds(room.outline);
          const selected = room.id === selectedRoomId;
          return (
            <li key={room.id}>
              <button type="button" className={selected ? 'choice choice--selected' : 'choice'} aria-pressed={selected} onClick={() => onSelect(room.id)}>
                <span className="choice__title">{room.name}</span>
                <span className="choice__meta">
                  {t('project.roomSize', { width: format.length(bounds.width), depth: format.length(bounds.depth) })} · {format.area(polygonAreaMm2(room.outline))} · {t('project.ceiling', { height: format.length(room.ceilingHeightMm) })}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
