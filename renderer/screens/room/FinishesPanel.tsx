import { useTranslation } from 'react-i18next';
import type { Finish } from '../../../core/room.ts';
import { FLOOR_MATERIALS, FLOOR_SWATCHES, WALL_MATERIALS, WALL_SWATCHES } from './draft.ts';

function FinishPicker({ surface, finish, materials, swatches, onChange }: { readonly surface: 'floor' | 'walls'; readonly finish: Finish; readonly materials: readonly string[]; readonly swatches: readonly string[]; readonly onChange: (finish: Finish) => void }) {
  const { t } = useTranslation();
  const id = `finish-${surface}`;
  return (
    <div className="room-shell__finish">
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {t(surface === 'floor' ? 'roomShell.floorMaterial' : 'roomShell.wallMaterial')}
        </label>
        <select id={id} className="field__input" value={finish.material} onChange={(event) => onChange({ ...finish, material: event.target.value })}>
          {(materials.includes(finish.material) ? materials : [finish.material, ...materials]).map((material) => (
            <option key={material} value={material}>
              {t(`roomShell.material.${material}`, { defaultValue: material })}
            </option>
          ))}
        </select>
      </div>
      <div className="room-shell__swatches" role="radiogroup" aria-label={t(surface === 'floor' ? 'roomShell.floorColour' : 'roomShell.wallColour')}>
        {(swatches.includes(finish.colour) ? swatches : [finish.colour, ...swatches]).map((colour) => (
          <button
            key={colour}
            type="button"
            role="radio"
            aria-checked={colour === finish.colour}
            aria-label={colour}
            className={colour === finish.colour ? 'room-shell__swatch room-shell__swatch--checked' : 'room-shell__swatch'}
            style={{ background: colour }}
            onClick={() => onChange({ ...finish, colour })}
          />
        ))}
      </div>
    </div>
  );
}

/** Floor and wall finishes: a material the 3D view can draw and a colour. */
export function FinishesPanel({ floor, walls, onChange }: { readonly floor: Finish; readonly walls: Finish; readonly onChange: (surface: 'floor' | 'walls', finish: Finish) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel room-shell__section" aria-labelledby="room-finishes-title">
      <h2 className="panel__title" id="room-finishes-title">
        {t('roomShell.finishesTitle')}
      </h2>
      <FinishPicker surface="floor" finish={floor} materials={FLOOR_MATERIALS} swatches={FLOOR_SWATCHES} onChange={(finish) => onChange('floor', finish)} />
      <FinishPicker surface="walls" finish={walls} materials={WALL_MATERIALS} swatches={WALL_SWATCHES} onChange={(finish) => onChange('walls', finish)} />
    </section>
  );
}
