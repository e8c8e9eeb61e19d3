import { memo, useMemo, type KeyboardEvent, type PointerEvent } from 'react';
import type { RoomShape } from '../../core/room.ts';
import { openingSymbols, type DoorLeaf } from './shapes.ts';
import { lengthPx, pathOf, round2, toPx, type PlanTransform } from './transform.ts';
import './plan.css';

export interface PlanOpeningsProps {
  readonly shape: Pick<RoomShape, 'outline' | 'wallThicknessMm' | 'openings'>;
  readonly transform: PlanTransform;
  readonly selectedOpeningId?: string | null;
  readonly faultyOpenings?: ReadonlySet<string>;
  /** When given, each opening is a hit target (drag it along its wall). */
  readonly onOpeningPointerDown?: (openingId: string, event: PointerEvent<SVGPathElement>) => void;
  /** With onOpeningPointerDown: the focused opening's keys (arrows to slide it, say). */
  readonly onOpeningKeyDown?: (openingId: string, event: KeyboardEvent<SVGPathElement>) => void;
  readonly openingLabel?: (openingId: string) => string;
}

/**
 * Doors as a gap with the leaf opened 90° and its swing arc into the room; windows as a gap
 * with two thin lines along the wall.
 */
export const PlanOpenings = memo(function PlanOpenings({ shape, transform, selectedOpeningId = null, faultyOpenings, onOpeningPointerDown, onOpeningKeyDown, openingLabel }: PlanOpeningsProps) {
  const symbols = useMemo(() => openingSymbols(shape), [shape]);
  return (
    <g className="plan__openings">
      {symbols.map((symbol) => {
        const classes = [
          'plan__opening',
          `plan__opening--${symbol.kind}`,
          symbol.id === selectedOpeningId ? 'plan__opening--selected' : '',
          faultyOpenings?.has(symbol.id) ? 'plan__opening--fault' : '',
        ]
          .filter(Boolean)
          .join(' ');
        const door = symbol.door ? doorPaths(transform, symbol.door) : null;
        return (
          <g key={symbol.id} className={classes} data-opening-id={symbol.id}>
            <path className="plan__opening-span" d={pathOf(transform, symbol.span)} />
            {symbol.glazing.map((line, i) => (
              <path key={i} className="plan__window-line" d={pathOf(transform, line, false)} />
            ))}
            {door ? <path className="plan__door-leaf" d={door.leaf} /> : null}
            {door ? <path className="plan__door-arc" d={door.arc} /> : null}
            {onOpeningPointerDown ? (
              <path
                className="plan__opening-hit"
                d={pathOf(transform, symbol.span)}
                role="button"
                aria-label={openingLabel?.(symbol.id)}
                aria-pressed={symbol.id === selectedOpeningId}
                tabIndex={onOpeningKeyDown ? 0 : undefined}
                onPointerDown={(event) => onOpeningPointerDown(symbol.id, event)}
                onKeyDown={onOpeningKeyDown ? (event) => onOpeningKeyDown(symbol.id, event) : undefined}
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

/** The open leaf from the hinge, and the arc its tip sweeps from the closed position. */
function doorPaths(transform: PlanTransform, door: DoorLeaf): { leaf: string; arc: string } {
  const hinge = toPx(transform, door.hinge);
  const from = toPx(transform, door.arcFrom);
  const to = toPx(transform, door.arcTo);
  const r = round2(lengthPx(transform, door.radiusMm));
  return {
    leaf: `M${round2(hinge.x)} ${round2(hinge.y)} L${round2(to.x)} ${round2(to.y)}`,
    arc: `M${round2(from.x)} ${round2(from.y)} A${r} ${r} 0 0 ${door.sweepPositive ? 1 : 0} ${round2(to.x)} ${round2(to.y)}`,
  };
}
