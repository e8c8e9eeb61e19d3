import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rectangleOutline } from '../room.ts';
import { clampIntoRoom } from './clamp.ts';
import { containsPoint, footprintGap, footprintInsideRoom, footprintOf, footprintsOverlap, footprintWallGap, overlapDepthMm, segmentEntersFootprint } from './footprint.ts';
import { lShapeOutline } from './presets.ts';

const room = rectangleOutline(4200, 3600);
const ell = lShapeOutline(5000, 4000, 2000, 1500);
const sofa = { widthMm: 2100, depthMm: 900 };
const at = (xMm: number, yMm: number, rotationDeg = 0) => ({ xMm, yMm, rotationDeg });

describe('footprintOf', () => {
  it('centres the width on x and the depth on y at rotation 0, back corners first', () => {
    const fp = footprintOf(sofa, at(2000, 1000));
    assert.deepEqual(fp.corners, [{ x: 950, y: 550 }, { x: 3050, y: 550 }, { x: 3050, y: 1450 }, { x: 950, y: 1450 }]);
    assert.deepEqual(fp.bounds, { minX: 950, minY: 550, maxX: 3050, maxY: 1450 });
    assert.deepEqual(fp.forward, { x: 0, y: 1 });
  });

  it('turns a quarter turn exactly: the width then runs along y and the front faces −x', () => {
    const fp = footprintOf(sofa, at(2000, 1000, 90));
    assert.deepEqual(fp.bounds, { minX: 1550, minY: -50, maxX: 2450, maxY: 2050 });
    assert.deepEqual(fp.forward, { x: -1, y: 0 });
    assert.deepEqual(footprintOf(sofa, at(2000, 1000, -270)).bounds, fp.bounds);
  });

  it('grows its bounds when turned 45°', () => {
    const fp = footprintOf({ widthMm: 1000, depthMm: 1000 }, at(0, 0, 45));
    assert.ok(Math.abs(fp.bounds.maxX - 500 * Math.SQRT2) < 1e-9);
  });
});

describe('footprintsOverlap', () => {
  const a = footprintOf(sofa, at(2000, 1000));

  it('sees overlapping pieces, and pieces that only touch as apart', () => {
    assert.equal(footprintsOverlap(a, footprintOf(sofa, at(2000, 1800))), true);
    assert.equal(footprintsOverlap(a, footprintOf(sofa, at(2000, 1900))), false, 'touching back to front');
    assert.equal(footprintsOverlap(a, footprintOf(sofa, at(2000, 1899.5))), false, 'within the rounding tolerance');
    assert.equal(footprintsOverlap(a, footprintOf(sofa, at(4150, 1000))), false, 'touching end to end');
  });

  it('uses the pieces’ own axes, not their bounds: a turned square beside a corner', () => {
    // A 45°-turned 1000 mm square centred 1200 mm right of the sofa's corner reaches 707 mm left:
    // its bounds overlap the sofa's but the shapes do not.
    const diamond = footprintOf({ widthMm: 1000, depthMm: 1000 }, at(3050 + 600, 1450 + 600, 45));
    assert.equal(footprintsOverlap(a, diamond), false);
    assert.ok(overlapDepthMm(a, diamond) < 0);
    const closer = footprintOf({ widthMm: 1000, depthMm: 1000 }, at(3050 + 300, 1450 + 300, 45));
    assert.equal(footprintsOverlap(a, closer), true);
  });

  it('finds a piece standing wholly on another', () => {
    assert.equal(footprintsOverlap(a, footprintOf({ widthMm: 400, depthMm: 400 }, at(2000, 1000, 30))), true);
  });
});

describe('gaps', () => {
  const a = footprintOf(sofa, at(2000, 1000));

  it('measures the clear distance between two pieces and where it is', () => {
    const g = footprintGap(a, footprintOf(sofa, at(2000, 2400)));
    assert.equal(g.gapMm, 500);
    assert.equal(g.from.y, 1450);
    assert.equal(g.to.y, 1950);
    assert.equal(footprintGap(a, footprintOf(sofa, at(2000, 1900))).gapMm, 0);
    assert.equal(footprintGap(a, footprintOf(sofa, at(2500, 1500))).gapMm, 0);
  });

  it('measures corner to corner diagonally', () => {
    const b = footprintOf({ widthMm: 100, depthMm: 100 }, at(3050 + 300 + 50, 1450 + 400 + 50));
    assert.equal(footprintGap(a, b).gapMm, 500);
  });

  it('measures a piece’s distance to a wall, 0 when the wall runs into it', () => {
    assert.equal(footprintWallGap(a, { x: 0, y: 0 }, { x: 4200, y: 0 }).gapMm, 550);
    assert.equal(footprintWallGap(a, { x: 0, y: 0 }, { x: 0, y: 3600 }).gapMm, 950);
    assert.equal(footprintWallGap(a, { x: 0, y: 1000 }, { x: 4200, y: 1000 }).gapMm, 0);
    assert.equal(footprintWallGap(a, { x: 1500, y: 900 }, { x: 1600, y: 900 }).gapMm, 0, 'a wall stub wholly under the piece');
  });
});

describe('containment helpers', () => {
  const a = footprintOf(sofa, at(2000, 1000));
  it('knows its own inside', () => {
    assert.equal(containsPoint(a, { x: 950, y: 550 }), true);
    assert.equal(containsPoint(a, { x: 950, y: 550 }, 1), false);
    assert.equal(segmentEntersFootprint(a, { x: 0, y: 1000 }, { x: 4000, y: 1000 }), true);
    assert.equal(segmentEntersFootprint(a, { x: 0, y: 550 }, { x: 4000, y: 550 }), false, 'along an edge does not enter');
    assert.equal(segmentEntersFootprint(a, { x: 3050, y: 1450 }, { x: 4000, y: 2000 }), false, 'from a corner outward');
  });
});

describe('footprintInsideRoom', () => {
  it('accepts a piece flat against the walls and refuses one poking through', () => {
    assert.equal(footprintInsideRoom(footprintOf(sofa, at(1050, 450)), room), true);
    assert.equal(footprintInsideRoom(footprintOf(sofa, at(1040, 450)), room), false);
    assert.equal(footprintInsideRoom(footprintOf(sofa, at(1049.5, 450)), room), true, 'half a millimetre is rounding');
  });

  it('refuses a piece across an L-shape’s inner corner even with all four corners inside', () => {
    // Corners (2500, 2000) … (3500, 2000) … (3500, 3000), (2500, 3000): (3500, 3000) is in the notch.
    assert.equal(footprintInsideRoom(footprintOf({ widthMm: 1000, depthMm: 1000 }, at(3000, 2500)), ell), false);
    // A long piece laid diagonally across the inner corner: its ends are in the room on either
    // side of the notch, but its middle is in the notch.
    const straddle = footprintOf({ widthMm: 3000, depthMm: 400 }, at(3050, 2550, -45));
    assert.equal(straddle.corners.every((c) => c.x < 3000 || c.y < 2500), true);
    assert.equal(footprintInsideRoom(straddle, ell), false);
    assert.equal(footprintInsideRoom(footprintOf({ widthMm: 1000, depthMm: 1000 }, at(2500, 3000)), ell), true);
  });
});

describe('clampIntoRoom', () => {
  it('leaves a piece that is inside where it is', () => {
    assert.deepEqual(clampIntoRoom(room, sofa, at(2000, 1000)), { placement: at(2000, 1000), moved: false, inside: true, distanceMm: 0 });
  });

  it('pulls a piece dropped over a wall back in, flat against it', () => {
    const clamped = clampIntoRoom(room, sofa, at(-300, 1500, 90));
    assert.deepEqual(clamped, { placement: at(450, 1500, 90), moved: true, inside: true, distanceMm: 750 });
  });

  it('pulls a piece dropped outside a corner into the corner', () => {
    assert.deepEqual(clampIntoRoom(room, sofa, at(5000, 4000)).placement, at(4200 - 1050, 3600 - 450));
  });

  it('finds the nearest place in an L-shape, around the inner corner', () => {
    // Dropped in the notch, near the inner corner at (3000, 2500).
    const clamped = clampIntoRoom(ell, { widthMm: 1000, depthMm: 1000 }, at(3300, 2700));
    assert.equal(clamped.inside, true);
    assert.ok(footprintInsideRoom(footprintOf({ widthMm: 1000, depthMm: 1000 }, clamped.placement), ell));
    // Either below the notch (y ≤ 2000) or left of it (x ≤ 2500): the nearer is below, 700 mm away.
    assert.deepEqual(clamped.placement, at(3300, 2000));
  });

  it('rounds to whole millimetres and stays inside for a piece of odd size', () => {
    const clamped = clampIntoRoom(room, { widthMm: 901, depthMm: 555 }, at(-100, -100, 30));
    assert.equal(Number.isInteger(clamped.placement.xMm) && Number.isInteger(clamped.placement.yMm), true);
    assert.ok(footprintInsideRoom(footprintOf({ widthMm: 901, depthMm: 555 }, clamped.placement), room));
  });

  it('says so when the piece is too big for the room at that rotation', () => {
    const clamped = clampIntoRoom(room, { widthMm: 5000, depthMm: 900 }, at(2000, 1000));
    assert.deepEqual(clamped, { placement: at(2000, 1000), moved: false, inside: false, distanceMm: 0 });
  });
});
