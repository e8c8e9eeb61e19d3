import { useTranslation } from 'react-i18next';
import { openingLabel } from '../../../core/geometry/openings.ts';
import type { Opening, OpeningKind, RoomShape } from '../../../core/room.ts';
import { Button } from '../../ui/Button.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { openingProblems, type SortedProblems } from './draft.ts';
import { LengthField } from './LengthField.tsx';

export interface OpeningsPanelProps {
  readonly shape: RoomShape;
  readonly problems: SortedProblems;
  readonly selectedWall: number | null;
  readonly selectedOpening: string | null;
  readonly onSelectOpening: (id: string | null) => void;
  readonly onAdd: (kind: OpeningKind) => void;
  readonly onChange: (id: string, patch: Partial<Omit<Opening, 'id'>>) => void;
  readonly onRemove: (id: string) => void;
}

/** Doors and windows: added on the chosen wall, listed with their problems, edited by form. */
export function OpeningsPanel({ shape, problems, selectedWall, selectedOpening, onSelectOpening, onAdd, onChange, onRemove }: OpeningsPanelProps) {
  const { t } = useTranslation();
  const index = shape.openings.findIndex((o) => o.id === selectedOpening);
  const opening = shape.openings[index];
  const fieldError = (field: string) => problems.byPath.get(`openings[${index}].${field}`);
  const wallNumber = (selectedWall ?? 0) + 1;
  return (
    <section className="panel room-shell__section" aria-labelledby="room-openings-title">
      <h2 className="panel__title" id="room-openings-title">
        {t('roomShell.openingsTitle')}
      </h2>
      <p className="room-shell__hint">{selectedWall === null ? t('roomShell.pickWallHint') : t('roomShell.onWall', { number: wallNumber })}</p>
      <div className="room-shell__row">
        <Button size="sm" onClick={() => onAdd('door')}>
          {t('roomShell.addDoor', { number: wallNumber })}
        </Button>
        <Button size="sm" onClick={() => onAdd('window')}>
          {t('roomShell.addWindow', { number: wallNumber })}
        </Button>
      </div>
      {shape.openings.length > 0 ? (
        <ul className="choice-list room-shell__openings" role="list">
          {shape.openings.map((o, i) => {
            const faults = openingProblems(problems, i);
            const selected = o.id === selectedOpening;
            return (
              <li key={o.id}>
                <button type="button" className={selected ? 'choice choice--selected' : 'choice'} aria-pressed={selected} onClick={() => onSelectOpening(selected ? null : o.id)}>
                  <span className="choice__title">{t(o.kind === 'door' ? 'roomShell.doorOnWall' : 'roomShell.windowOnWall', { label: openingLabel(shape.openings, i), number: o.wallIndex + 1 })}</span>
                  {faults.length ? <span className="room-shell__fault">{t('roomShell.hasProblem')}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {opening ? (
        <div className="room-shell__opening-form" role="group" aria-label={t('roomShell.editOpening', { label: openingLabel(shape.openings, index) })}>
          {openingProblems(problems, index).map((message) => (
            <p key={message} className="field__error room-shell__opening-error" role="alert" data-testid="opening-problem">
              {message}
            </p>
          ))}
          <Segmented<OpeningKind>
            label={t('roomShell.openingKind')}
            value={opening.kind}
            onChange={(kind) => onChange(opening.id, kind === 'door' ? { kind, sillHeightMm: 0 } : { kind })}
            options={[
              { value: 'door', label: t('roomShell.door') },
              { value: 'window', label: t('roomShell.window') },
            ]}
          />
          <div className="field">
            <label className="field__label" htmlFor="opening-wall">
              {t('roomShell.wall')}
            </label>
            <select id="opening-wall" className="field__input" value={opening.wallIndex} onChange={(event) => onChange(opening.id, { wallIndex: Number(event.target.value) })}>
              {shape.outline.map((_, wallIndex) => (
                <option key={wallIndex} value={wallIndex}>
                  {t('roomShell.wallNumber', { number: wallIndex + 1 })}
                </option>
              ))}
            </select>
          </div>
          <div className="room-shell__grid2">
            <LengthField label={t('roomShell.offset')} name="opening-offset" valueMm={opening.offsetMm} error={fieldError('offsetMm')} onChange={(offsetMm) => onChange(opening.id, { offsetMm })} />
            <LengthField label={t('roomShell.openingWidth')} name="opening-width" valueMm={opening.widthMm} error={fieldError('widthMm')} onChange={(widthMm) => onChange(opening.id, { widthMm })} />
            <LengthField label={t('roomShell.openingHeight')} name="opening-height" valueMm={opening.heightMm} error={fieldError('heightMm')} onChange={(heightMm) => onChange(opening.id, { heightMm })} />
            <LengthField label={t('roomShell.sillHeight')} name="opening-sill" valueMm={opening.sillHeightMm} error={fieldError('sillHeightMm')} onChange={(sillHeightMm) => onChange(opening.id, { sillHeightMm })} />
          </div>
          {opening.kind === 'door' ? (
            <Segmented<'left' | 'right'>
              label={t('roomShell.swing')}
              value={opening.swing ?? 'left'}
              onChange={(swing) => onChange(opening.id, { swing })}
              options={[
                { value: 'left', label: t('roomShell.swingLeft') },
                { value: 'right', label: t('roomShell.swingRight') },
              ]}
            />
          ) : null}
          <Button size="sm" variant="danger" onClick={() => onRemove(opening.id)}>
            {t('roomShell.removeOpening')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
