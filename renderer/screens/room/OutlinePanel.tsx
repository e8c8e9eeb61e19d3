import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lShapeOutline, outlineFromWalls, rectangleOutline, type TypedWall } from '../../../core/geometry/presets.ts';
import type { PlanPoint } from '../../../core/room.ts';
import { Button } from '../../ui/Button.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { LengthField } from './LengthField.tsx';

type Source = 'rectangle' | 'l-shape' | 'walls' | 'draw';

export interface OutlinePanelProps {
  /** Replaces the outline (a preset or typed walls). */
  readonly onOutline: (outline: PlanPoint[]) => void;
  readonly drawing: boolean;
  readonly onStartDrawing: () => void;
  readonly onCancelDrawing: () => void;
}

/** Where the outline comes from: a rectangle or an L-shape typed in, a tape-measure walk, or drawn in the plan. */
export function OutlinePanel({ onOutline, drawing, onStartDrawing, onCancelDrawing }: OutlinePanelProps) {
  const { t } = useTranslation();
  const [source, setSource] = useState<Source>('rectangle');
  const [rect, setRect] = useState({ widthMm: 4200, depthMm: 3600 });
  const [l, setL] = useState({ widthMm: 6000, depthMm: 5000, cutWidthMm: 2000, cutDepthMm: 1500 });
  const [walls, setWalls] = useState<TypedWall[]>([
    { lengthMm: 4200, turnDeg: 90 },
    { lengthMm: 3600, turnDeg: 90 },
    { lengthMm: 4200, turnDeg: 90 },
    { lengthMm: 3600, turnDeg: 90 },
  ]);
  const [error, setError] = useState<string | null>(null);

  const apply = (make: () => PlanPoint[]) => {
    try {
      onOutline(make());
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const applyWalls = () => {
    const result = outlineFromWalls(walls);
    if (result.ok) apply(() => result.outline);
    else setError(result.message);
  };

  return (
    <section className="panel room-shell__section" aria-labelledby="room-outline-title">
      <h2 className="panel__title" id="room-outline-title">
        {t('roomShell.outlineTitle')}
      </h2>
      <Segmented<Source>
        label={t('roomShell.outlineSource')}
        value={source}
        onChange={(value) => {
          setSource(value);
          setError(null);
        }}
        options={[
          { value: 'rectangle', label: t('roomShell.rectangle') },
          { value: 'l-shape', label: t('roomShell.lShape') },
          { value: 'walls', label: t('roomShell.typedWalls') },
          { value: 'draw', label: t('roomShell.draw') },
        ]}
      />
      {source === 'rectangle' ? (
        <form
          className="room-shell__grid2"
          onSubmit={(event) => {
            event.preventDefault();
            apply(() => rectangleOutline(rect.widthMm, rect.depthMm));
          }}
        >
          <LengthField label={t('roomShell.width')} name="rect-width" valueMm={rect.widthMm} onChange={(widthMm) => setRect({ ...rect, widthMm })} />
          <LengthField label={t('roomShell.depth')} name="rect-depth" valueMm={rect.depthMm} onChange={(depthMm) => setRect({ ...rect, depthMm })} />
          <Button type="submit" size="sm">
            {t('roomShell.applyOutline')}
          </Button>
        </form>
      ) : null}
      {source === 'l-shape' ? (
        <form
          className="room-shell__grid2"
          onSubmit={(event) => {
            event.preventDefault();
            apply(() => lShapeOutline(l.widthMm, l.depthMm, l.cutWidthMm, l.cutDepthMm));
          }}
        >
          <LengthField label={t('roomShell.width')} valueMm={l.widthMm} onChange={(widthMm) => setL({ ...l, widthMm })} />
          <LengthField label={t('roomShell.depth')} valueMm={l.depthMm} onChange={(depthMm) => setL({ ...l, depthMm })} />
          <LengthField label={t('roomShell.cutWidth')} valueMm={l.cutWidthMm} onChange={(cutWidthMm) => setL({ ...l, cutWidthMm })} />
          <LengthField label={t('roomShell.cutDepth')} valueMm={l.cutDepthMm} onChange={(cutDepthMm) => setL({ ...l, cutDepthMm })} />
          <Button type="submit" size="sm">
            {t('roomShell.applyOutline')}
          </Button>
        </form>
      ) : null}
      {source === 'walls' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            applyWalls();
          }}
        >
          <p className="room-shell__hint">{t('roomShell.typedWallsHint')}</p>
          <ol className="room-shell__walls">
            {walls.map((wall, index) => (
              <li key={index} className="room-shell__wall-row">
                <LengthField label={t('roomShell.wallLength', { number: index + 1 })} valueMm={wall.lengthMm} onChange={(lengthMm) => setWalls(walls.map((w, i) => (i === index ? { ...w, lengthMm } : w)))} />
                <div className="field">
                  <label className="field__label" htmlFor={`turn-${index}`}>
                    {t('roomShell.turn')}
                  </label>
                  <input
                    id={`turn-${index}`}
                    className="field__input"
                    inputMode="decimal"
                    value={Number.isFinite(wall.turnDeg) ? wall.turnDeg : ''}
                    onChange={(event) => setWalls(walls.map((w, i) => (i === index ? { ...w, turnDeg: event.target.value.trim() === '' ? Number.NaN : Number(event.target.value) } : w)))}
                  />
                </div>
                <Button size="sm" variant="ghost" aria-label={t('roomShell.removeWall', { number: index + 1 })} disabled={walls.length <= 3} onClick={() => setWalls(walls.filter((_, i) => i !== index))}>
                  ×
                </Button>
              </li>
            ))}
          </ol>
          <div className="room-shell__row">
            <Button size="sm" variant="ghost" onClick={() => setWalls([...walls, { lengthMm: 1000, turnDeg: 90 }])}>
              {t('roomShell.addWall')}
            </Button>
            <Button type="submit" size="sm">
              {t('roomShell.applyOutline')}
            </Button>
          </div>
        </form>
      ) : null}
      {source === 'draw' ? (
        <div>
          <p className="room-shell__hint">{t('roomShell.drawHint')}</p>
          {drawing ? (
            <Button size="sm" onClick={onCancelDrawing}>
              {t('roomShell.stopDrawing')}
            </Button>
          ) : (
            <Button size="sm" onClick={onStartDrawing}>
              {t('roomShell.startDrawing')}
            </Button>
          )}
        </div>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
