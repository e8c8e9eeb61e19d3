import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomWarning } from '../../core/geometry/index.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { editorStore, useEditor } from './editorStore.ts';
import { SEVERITY, warningKey } from './warnings.ts';
import './editor.css';

const WALKWAY_CHOICES = [450, 500, 600, 700, 750, 800, 900, 1000, 1200] as const;

/**
 * The room's warnings beside the view, errors first; a row selects the piece it is about. The
 * header sets the narrowest walkway that counts (kept on this device).
 */
export const WarningList = memo(function WarningList({ warnings }: { readonly warnings: readonly RoomWarning[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const minWalkwayMm = useEditor((state) => state.minWalkwayMm);
  const selectedId = useEditor((state) => state.selectedId);
  const choices = (WALKWAY_CHOICES as readonly number[]).includes(minWalkwayMm) ? WALKWAY_CHOICES : [...WALKWAY_CHOICES, minWalkwayMm].sort((a, b) => a - b);
  return (
    <section className="panel warning-list" aria-labelledby="warnings-title" data-testid="warning-list">
      <div className="warning-list__head">
        <h2 className="panel__title" id="warnings-title">
          {t('editor.warningsTitle')}
          <span className="panel__count">{warnings.length}</span>
        </h2>
        <label className="warning-list__walkway">
          <span>{t('editor.walkwayMin')}</span>
          <select value={minWalkwayMm} onChange={(event) => editorStore.getState().setMinWalkwayMm(Number(event.target.value))}>
            {choices.map((mm) => (
              <option key={mm} value={mm}>
                {format.length(mm)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {warnings.length === 0 ? (
        <p className="muted panel__empty">{t('editor.noWarnings')}</p>
      ) : (
        <ul className="warning-list__items" role="list">
          {warnings.map((warning) => {
            const severity = SEVERITY[warning.kind];
            const about = warning.itemIds[0] ?? null;
            return (
              <li key={warningKey(warning)}>
                <button
                  type="button"
                  className={`warning warning--${severity}${about && about === selectedId ? ' warning--current' : ''}`}
                  data-kind={warning.kind}
                  data-item-ids={warning.itemIds.join(' ')}
                  onClick={() => editorStore.getState().select(about)}
                >
                  <span className="warning__mark" aria-hidden="true">
                    !
                  </span>
                  <span className="warning__message">{warning.message}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
