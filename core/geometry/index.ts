/**
 * Room geometry, in integer plan millimetres (x to the right, y away from the viewer; rotations
 * in degrees counter-clockwise seen from above). Pure: no I/O, no DOM, no three.js.
 *
 * Where to start reading: polygon.ts (the outline), footprint.ts (a piece on the floor and its
 * conventions: position is the centre, the front faces +y at rotation 0), validate.ts (what
 * makes a room unbuildable), warnings.ts (everything the plan flags). snap.ts and clamp.ts move
 * pieces; clearance.ts and doors.ts measure passages and doorways; measure.ts draws dimensions.
 */
export { distanceMm, normaliseDeg, angleBetweenDeg } from './vector.ts';
export * from './segment.ts';
export * from './polygon.ts';
export * from './simple.ts';
export * from './presets.ts';
export * from './openings.ts';
export * from './validate.ts';
export * from './footprint.ts';
export * from './clamp.ts';
export * from './snap.ts';
export * from './clearance.ts';
export * from './doors.ts';
export * from './warnings.ts';
export { measureDistance, wallDimensionLines, itemDimensionLines, type DimensionLine, type Measurement } from './measure.ts';
export { polygonAreaMm2 } from '../room.ts';
