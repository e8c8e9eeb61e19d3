import { memo } from 'react';
import { gridLines, gridStepFor } from './shapes.ts';
import { round2, toPlan, type PlanTransform } from './transform.ts';
import './plan.css';

/**
 * A grid over the whole viewport, on whole multiples of a step chosen so lines stay at least
 * `minPx` apart; whole metres are drawn stronger. Purely decorative (hidden from screen readers).
 */
export const PlanGrid = memo(function PlanGrid({ transform, minPx = 12, stepMm }: { readonly transform: PlanTransform; readonly minPx?: number; readonly stepMm?: number }) {
  const step = stepMm ?? gridStepFor(transform.scale, minPx);
  const topLeft = toPlan(transform, { x: 0, y: 0 });
  const bottomRight = toPlan(transform, { x: transform.widthPx, y: transform.heightPx });
  const { xs, ys } = gridLines({ minX: topLeft.x, minY: topLeft.y, maxX: bottomRight.x, maxY: bottomRight.y }, step);
  const minor: string[] = [];
  const major: string[] = [];
  for (const { at, major: strong } of xs) {
    const x = round2(transform.originX + at * transform.scale);
    (strong ? major : minor).push(`M${x} 0 V${transform.heightPx}`);
  }
  for (const { at, major: strong } of ys) {
    const y = round2(transform.originY + at * transform.scale);
    (strong ? major : minor).push(`M0 ${y} H${transform.widthPx}`);
  }
  return (
    <g className="plan__grid" aria-hidden="true">
      <path className="plan__grid-line" d={minor.join(' ')} />
      <path className="plan__grid-line plan__grid-line--major" d={major.join(' ')} />
    </g>
  );
});
