/**
 * The 2D plan, shared by the room shell editor and the project page: pure geometry → SVG
 * mapping (`transform.ts`, `shapes.ts`) and prop-driven SVG layers. A screen draws an
 * `<svg className="plan">` sized by `usePlanViewport`, then layers `PlanGrid`, `PlanFloor`,
 * `PlanWalls`, `PlanOpenings`, `PlanDimensions` and its own pieces, selection and pointers on top.
 */
export { PlanGrid } from './PlanGrid.tsx';
export { PlanFloor, PlanWalls, type PlanWallsProps } from './PlanWalls.tsx';
export { PlanOpenings, type PlanOpeningsProps } from './PlanOpenings.tsx';
export { DimensionLine, PlanDimensions, type DimensionLineProps, type PlanDimensionsProps } from './PlanDimensions.tsx';
export { pointerToPlan, usePlanViewport } from './usePlanViewport.ts';
export { boxAround, fitTransform, lengthPx, pathOf, toPlan, toPx, type PlanBox, type PlanTransform, type Px } from './transform.ts';
export { gridLines, gridStepFor, openingSymbols, planExtent, solidStretches, wallBands, wallDimensions, DIMENSION_GAP_MM, type OpeningSymbol, type WallBand, type WallDimension } from './shapes.ts';
