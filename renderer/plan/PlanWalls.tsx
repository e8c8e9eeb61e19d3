import { memo, useMemo, type KeyboardEvent, type PointerEvent } from 'react';
import type { PlanPoint, RoomShape } from '../../core/room.ts';
import { wallBands } from './shapes.ts';
import { pathOf, type PlanTransform } from './transform.ts';
import './plan.css';

/** The floor inside the outline, tinted with the floor finish's colour. */
export const PlanFloor = memo(function PlanFloor({ outline, transform, colour }: { readonly outline: readonly PlanPoint[]; readonly transform: PlanTransform; readonly colour?: string }) {
  return <path className="plan__floor" d={pathOf(transform, outline)} style={colour ? { fill: colour } : undefined} />;
});

export interface PlanWallsProps {
  readonly shape: Pick<RoomShape, 'outline' | 'wallThicknessMm' | 'openings'>;
  readonly transform: PlanTransform;
  readonly selectedWallIndex?: number | null;
  /** Walls with a problem are drawn in the danger colour. */
  readonly faultyWalls?: ReadonlySet<number>;
  /** When given, each wall is a hit target (the whole band, openings included). */
  readonly onWallPointerDown?: (wallIndex: number, event: PointerEvent<SVGPathElement>) => void;
  /** With onWallPointerDown: the focused wall's keys (Enter or Space to pick it, say). */
  readonly onWallKeyDown?: (wallIndex: number, event: KeyboardEvent<SVGPathElement>) => void;
  /** Accessible name of a wall's hit target, e.g. "Wall 2, 3.6 m". */
  readonly wallLabel?: (wallIndex: number) => string;
}

/** Walls drawn at their thickness outside the outline, mitred at the corners, cut at each opening. */
export const PlanWalls = memo(function PlanWalls({ shape, transform, selectedWallIndex = null, faultyWalls, onWallPointerDown, onWallKeyDown, wallLabel }: PlanWallsProps) {
  const bands = useMemo(() => wallBands(shape), [shape]);
  return (
    <g className="plan__walls">
      {bands.map((band) => {
        const classes = ['plan__wall', band.wallIndex === selectedWallIndex ? 'plan__wall--selected' : '', faultyWalls?.has(band.wallIndex) ? 'plan__wall--fault' : ''].filter(Boolean).join(' ');
        return (
          <g key={band.wallIndex} className={classes} data-wall-index={band.wallIndex}>
            <path className="plan__wall-solid" d={band.solid.map((quad) => pathOf(transform, quad)).join(' ')} />
            {onWallPointerDown ? (
              <path
                className="plan__wall-hit"
                d={pathOf(transform, band.band)}
                role="button"
                aria-label={wallLabel?.(band.wallIndex)}
                aria-pressed={band.wallIndex === selectedWallIndex}
                tabIndex={onWallKeyDown ? 0 : undefined}
                onPointerDown={(event) => onWallPointerDown(band.wallIndex, event)}
                onKeyDown={onWallKeyDown ? (event) => onWallKeyDown(band.wallIndex, event) : undefined}
              />
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
