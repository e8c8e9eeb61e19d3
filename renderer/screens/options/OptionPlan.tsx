import { memo, useMemo } from 'react';
import type { PlacedItem, Product, Room } from '../../api/types.ts';
import { fitTransform, planExtent, PlanFloor, PlanOpenings, PlanWalls, toPx } from '../../plan/index.ts';
import { footprints } from './footprints.ts';

const WIDTH = 320;
const HEIGHT = 240;

/**
 * A small static plan of an option: the room's walls and openings (renderer/plan) and each piece
 * as its true footprint, rotated — what the compare view and a version show for each option.
 */
export const OptionPlan = memo(function OptionPlan({ room, items, products, label }: { readonly room: Room; readonly items: readonly PlacedItem[]; readonly products: readonly Product[]; readonly label: string }) {
  const transform = useMemo(() => fitTransform(planExtent(room), WIDTH, HEIGHT, 12), [room]);
  const shapes = useMemo(() => footprints(items, products), [items, products]);
  return (
    <svg className="plan option-plan" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <PlanFloor outline={room.outline} transform={transform} colour={room.floor.colour} />
      <PlanWalls shape={room} transform={transform} />
      <PlanOpenings shape={room} transform={transform} />
      <g className="option-plan__pieces">
        {shapes.map((shape) => {
          const centre = toPx(transform, { x: shape.xMm, y: shape.yMm });
          const w = shape.widthMm * transform.scale;
          const d = shape.depthMm * transform.scale;
          return (
            <rect
              key={shape.id}
              className={shape.own ? 'option-plan__piece option-plan__piece--own' : 'option-plan__piece'}
              x={-w / 2}
              y={-d / 2}
              width={w}
              height={d}
              rx={Math.min(w, d) * 0.08}
              transform={`translate(${centre.x} ${centre.y}) rotate(${shape.rotationDeg})`}
            >
              <title>{shape.name}</title>
            </rect>
          );
        })}
      </g>
    </svg>
  );
});
