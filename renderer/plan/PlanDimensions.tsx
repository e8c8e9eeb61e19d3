import { memo, useMemo } from 'react';
import type { DimensionLine as Dimension } from '../../core/geometry/measure.ts';
import type { RoomShape } from '../../core/room.ts';
import { useFormatters } from '../i18n/useFormatters.ts';
import { wallDimensions, type Segment } from './shapes.ts';
import { pathOf, round2, toPx, type PlanTransform } from './transform.ts';
import './plan.css';

const TICK_PX = 4;

export interface DimensionLineProps {
  readonly line: Dimension;
  readonly transform: PlanTransform;
  /** The formatted length, e.g. "4.2 m". */
  readonly label: string;
  readonly extensions?: readonly Segment[];
  readonly className?: string;
}

/**
 * One dimension: the line with slanted ticks at its ends, optional extension lines back to what
 * it measures, and its label centred beside it, turned to read left to right.
 */
export const DimensionLine = memo(function DimensionLine({ line, transform, label, extensions, className }: DimensionLineProps) {
  const from = toPx(transform, line.from);
  const to = toPx(transform, line.to);
  const at = toPx(transform, line.labelAt);
  const tick = (p: { x: number; y: number }) => `M${round2(p.x - TICK_PX)} ${round2(p.y + TICK_PX)} L${round2(p.x + TICK_PX)} ${round2(p.y - TICK_PX)}`;
  return (
    <g className={['plan__dimension', className ?? ''].filter(Boolean).join(' ')}>
      {extensions?.map((segment, i) => (
        <path key={i} className="plan__dim-extension" d={pathOf(transform, segment, false)} />
      ))}
      <path className="plan__dim-line" d={`M${round2(from.x)} ${round2(from.y)} L${round2(to.x)} ${round2(to.y)} ${tick(from)} ${tick(to)}`} />
      <text className="plan__dim-label" x={round2(at.x)} y={round2(at.y)} transform={`rotate(${round2(line.labelAngleDeg)} ${round2(at.x)} ${round2(at.y)})`} textAnchor="middle" dominantBaseline="middle">
        {label}
      </text>
    </g>
  );
});

export interface PlanDimensionsProps {
  readonly shape: Pick<RoomShape, 'outline' | 'wallThicknessMm'>;
  readonly transform: PlanTransform;
  /** Defaults to the signed-in person's `format.length`. */
  readonly formatLength?: (mm: number) => string;
  readonly faultyWalls?: ReadonlySet<number>;
}

/** Every wall's length outside the walls, in the person's units. */
export const PlanDimensions = memo(function PlanDimensions({ shape, transform, formatLength, faultyWalls }: PlanDimensionsProps) {
  const format = useFormatters();
  const length = formatLength ?? format.length;
  const dimensions = useMemo(() => wallDimensions(shape), [shape]);
  return (
    <g className="plan__dimensions" data-testid="plan-dimensions">
      {dimensions.map((dimension) => (
        <DimensionLine
          key={dimension.wallIndex}
          line={dimension}
          extensions={dimension.extensions}
          transform={transform}
          label={length(Math.round(dimension.lengthMm))}
          className={faultyWalls?.has(dimension.wallIndex) ? 'plan__dimension--fault' : undefined}
        />
      ))}
    </g>
  );
});
