import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MM_PER_INCH } from '../../../core/units.ts';
import { selectUnits, useAppStore } from '../../state/store.ts';

/** Millimetres as the person types them: whole mm in metric, inches to a tenth in imperial. */
function toText(mm: number, imperial: boolean): string {
  if (!Number.isFinite(mm)) return '';
  return imperial ? String(Math.round((mm / MM_PER_INCH) * 10) / 10) : String(Math.round(mm));
}

function toMm(text: string, imperial: boolean): number {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '' || !/^-?\d*\.?\d+$/.test(trimmed)) return Number.NaN;
  return Math.round(Number(trimmed) * (imperial ? MM_PER_INCH : 1));
}

export interface LengthFieldProps {
  readonly label: string;
  readonly valueMm: number;
  readonly onChange: (mm: number) => void;
  readonly error?: string | undefined;
  readonly name?: string;
}

/**
 * A length typed in the person's units (mm or inches) and handed on as integer millimetres. Text
 * that is not a number hands on NaN, so the room's validation refuses it where it is shown.
 */
export function LengthField({ label, valueMm, onChange, error, name }: LengthFieldProps) {
  const { t } = useTranslation();
  const imperial = useAppStore(selectUnits) === 'imperial';
  // The text follows changes made elsewhere (a preset, a drag) in the same render, but never
  // rewrites what is being typed when it already means the same length.
  const [typed, setTyped] = useState(() => ({ text: toText(valueMm, imperial), valueMm, imperial }));
  let text = typed.text;
  if (!Object.is(typed.valueMm, valueMm) || typed.imperial !== imperial) {
    text = typed.imperial === imperial && Object.is(toMm(typed.text, imperial), valueMm) ? typed.text : toText(valueMm, imperial);
    setTyped({ text, valueMm, imperial });
  }
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field field--invalid room-length' : 'field room-length'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="room-length__input">
        <input
          id={id}
          name={name}
          className="field__input"
          inputMode="decimal"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => {
            const next = toMm(event.target.value, imperial);
            setTyped({ text: event.target.value, valueMm: next, imperial });
            onChange(next);
          }}
        />
        <span className="room-length__unit" aria-hidden="true">
          {imperial ? t('roomShell.unitIn') : t('roomShell.unitMm')}
        </span>
      </div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
