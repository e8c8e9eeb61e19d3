import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rectangleOutline } from '../room.ts';
import { boundsOf, closestPointOnOutline, counterClockwise, distanceToWallsMm, isConvex, isCounterClockwise, perimeterMm, pointInPolygon, signedAreaMm2, wallsOf } from './polygon.ts';
import { lShapeOutline, outlineFromWalls } from './presets.ts';
import { isSimplePolygon, wallCrossings } from './simple.ts';

const room = rectangleOutline(4200, 3600);
const ell = lShapeOutline(5000, 4000, 2000, 1500);

describe('area and perimeter', () => {
  it('measures a 4.2 × 3.6 m rectangle: 15.12 m², 15.6 m of wall', () => {
    assert.equal(signedAreaMm2(room), 15_120_000);
    assert.equal(perimeterMm(room), 15_600);
  });

  it('gives a clockwise outline a negative signed area of the same size', () => {
    assert.equal(signedAreaMm2([...room].reverse()), -15_120_000);
    assert.equal(isCounterClockwise(room), true);
    assert.equal(isCounterClockwise([...room].reverse()), false);
  });

  it('takes the notch out of an L-shape', () => {
    assert.equal(signedAreaMm2(ell), 5000 * 4000 - 2000 * 1500);
    assert.equal(perimeterMm(ell), 2 * (5000 + 4000));
  });
});

describe('counterClockwise', () => {
  it('reverses a clockwise outline but keeps its first corner first', () => {
    const cw = [{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 0 }];
    assert.deepEqual(counterClockwise(cw), [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }]);
    assert.deepEqual(counterClockwise(room), room);
  });
});

describe('pointInPolygon', () => {
  it('finds points inside and outside a rectangle', () => {
    assert.equal(pointInPolygon({ x: 2100, y: 1800 }, room), true);
    assert.equal(pointInPolygon({ x: -1, y: 1800 }, room), false);
    assert.equal(pointInPolygon({ x: 2100, y: 3601 }, room), false);
  });

  it('counts a point on a wall or a corner as inside, from either winding', () => {
    for (const outline of [room, [...room].reverse()]) {
      assert.equal(pointInPolygon({ x: 0, y: 1000 }, outline), true);
      assert.equal(pointInPolygon({ x: 4200, y: 3600 }, outline), true);
      assert.equal(pointInPolygon({ x: 4200, y: 0 }, outline), true);
      assert.equal(pointInPolygon({ x: 2000, y: 3600 }, outline), true);
    }
  });

  it('leaves the L-shape’s notch outside, its inner corner inside', () => {
    assert.equal(pointInPolygon({ x: 4000, y: 3000 }, ell), false);
    assert.equal(pointInPolygon({ x: 3000, y: 2500 }, ell), true);
    assert.equal(pointInPolygon({ x: 2000, y: 3000 }, ell), true);
  });

  it('accepts points within the tolerance of a wall', () => {
    assert.equal(pointInPolygon({ x: -0.8, y: 100 }, room, 1), true);
    assert.equal(pointInPolygon({ x: -1.2, y: 100 }, room, 1), false);
  });
});

describe('closest point and distance to the walls', () => {
  it('finds the nearest wall and how far along it', () => {
    const c = closestPointOnOutline({ x: 1000, y: 300 }, room);
    assert.deepEqual(c, { point: { x: 1000, y: 0 }, wallIndex: 0, alongMm: 1000, distanceMm: 300 });
    assert.equal(distanceToWallsMm({ x: 4000, y: 1800 }, room), 200);
    assert.equal(distanceToWallsMm({ x: 4300, y: 3700 }, room), Math.hypot(100, 100));
  });
});

describe('walls', () => {
  it('points every inward normal into the room whichever way the outline runs', () => {
    assert.deepEqual(wallsOf(room).map((w) => w.inward), [{ x: 0, y: 1 }, { x: -1, y: 0 }, { x: 0, y: -1 }, { x: 1, y: 0 }]);
    const cw = wallsOf([...room].reverse());
    // Reversed, wall 0 runs along the far side (y = 3600) and inside is −y.
    assert.deepEqual(cw[0]!.inward, { x: 0, y: -1 });
  });

  it('knows convex from not', () => {
    assert.equal(isConvex(room), true);
    assert.equal(isConvex(ell), false);
  });

  it('bounds a set of points', () => {
    assert.deepEqual(boundsOf(ell), { minX: 0, minY: 0, maxX: 5000, maxY: 4000 });
  });
});

describe('simple polygons', () => {
  it('accepts rectangles and L-shapes', () => {
    assert.equal(isSimplePolygon(room), true);
    assert.equal(isSimplePolygon(ell), true);
    assert.deepEqual(wallCrossings(ell), []);
  });

  it('names the two walls of a bow-tie that cross', () => {
    const bowTie = [{ x: 0, y: 0 }, { x: 1000, y: 1000 }, { x: 1000, y: 0 }, { x: 0, y: 1000 }];
    assert.deepEqual(wallCrossings(bowTie), [{ wallA: 0, wallB: 2 }]);
    assert.equal(isSimplePolygon(bowTie), false);
  });

  it('finds wall 2 crossing wall 5 in a six-cornered outline', () => {
    // Walls 1–6 (indices 0–5); the fifth wall runs back across the second.
    const outline = [{ x: 0, y: 0 }, { x: 3000, y: 0 }, { x: 3000, y: 3000 }, { x: 1000, y: 3000 }, { x: 4000, y: 1500 }, { x: 0, y: 1500 }];
    const crossings = wallCrossings(outline);
    assert.ok(crossings.some((c) => c.wallA === 1 && c.wallB === 4), JSON.stringify(crossings));
  });

  it('treats a corner resting on another wall, and a wall folding back, as crossings', () => {
    const touching = [{ x: 0, y: 0 }, { x: 2000, y: 0 }, { x: 2000, y: 2000 }, { x: 1000, y: 0 }, { x: 0, y: 2000 }];
    assert.ok(wallCrossings(touching).length > 0);
    const spike = [{ x: 0, y: 0 }, { x: 2000, y: 0 }, { x: 1000, y: 0 }, { x: 1000, y: 1000 }];
    assert.deepEqual(wallCrossings(spike)[0], { wallA: 0, wallB: 1 });
  });

  it('rejects fewer than three corners and repeated corners', () => {
    assert.equal(isSimplePolygon(room.slice(0, 2)), false);
    assert.equal(isSimplePolygon([room[0]!, room[0]!, room[1]!, room[2]!]), false);
  });
});

describe('presets', () => {
  it('builds an L-shape counter-clockwise with the notch at the far right', () => {
    assert.deepEqual(ell, [
      { x: 0, y: 0 },
      { x: 5000, y: 0 },
      { x: 5000, y: 2500 },
      { x: 3000, y: 2500 },
      { x: 3000, y: 4000 },
      { x: 0, y: 4000 },
    ]);
    assert.throws(() => lShapeOutline(5000, 4000, 5000, 100), /cut width 5000 mm must be less than the width/);
    assert.throws(() => lShapeOutline(5000, -4000, 100, 100), /depth must be greater than zero/);
  });

  it('walks typed walls into the same rectangle', () => {
    const typed = outlineFromWalls([
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
    ]);
    assert.deepEqual(typed, { ok: true, outline: room, closingGapMm: 0 });
  });

  it('walks a clockwise L-shape and a 45° bay', () => {
    const cw = outlineFromWalls([3000, 1000, 1000, 1000, 2000, 2000].map((lengthMm, i) => ({ lengthMm, turnDeg: i === 2 ? 90 : -90 })));
    assert.deepEqual(cw.ok && cw.outline, [{ x: 0, y: 0 }, { x: 3000, y: 0 }, { x: 3000, y: -1000 }, { x: 2000, y: -1000 }, { x: 2000, y: -2000 }, { x: 0, y: -2000 }]);
    assert.ok(cw.ok && signedAreaMm2(cw.outline) < 0);
    const bay = outlineFromWalls([
      { lengthMm: 1000, turnDeg: 45 },
      { lengthMm: Math.SQRT2 * 1000, turnDeg: 45 },
      { lengthMm: 1000, turnDeg: 90 },
      { lengthMm: 2000, turnDeg: 90 },
      { lengthMm: 2000, turnDeg: 90 },
    ]);
    assert.deepEqual(bay.ok && bay.outline, [{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 2000, y: 1000 }, { x: 2000, y: 2000 }, { x: 0, y: 2000 }]);
  });

  it('refuses a walk that does not close, saying how far off it ends', () => {
    const open = outlineFromWalls([
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
      { lengthMm: 4000, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
    ]);
    assert.equal(open.ok, false);
    assert.equal(open.closingGapMm, 200);
    assert.match(!open.ok ? open.message : '', /ends 200 mm from where the first one starts/);
  });

  it('absorbs a few millimetres of tape-measure error into the last wall', () => {
    const close = outlineFromWalls([
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
      { lengthMm: 4195, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
    ]);
    assert.equal(close.ok, true);
    assert.equal(close.closingGapMm, 5);
  });

  it('refuses turns that do not add up to a full turn', () => {
    const wrong = outlineFromWalls([
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 90 },
      { lengthMm: 4200, turnDeg: 90 },
      { lengthMm: 3600, turnDeg: 0 },
    ]);
    assert.match(!wrong.ok ? wrong.message : '', /the corners turn 270° in all/);
  });

  it('refuses fewer than three walls and zero lengths', () => {
    assert.match(JSON.stringify(outlineFromWalls([{ lengthMm: 1, turnDeg: 180 }])), /at least 3 walls/);
    assert.match(JSON.stringify(outlineFromWalls([{ lengthMm: 1, turnDeg: 120 }, { lengthMm: 0, turnDeg: 120 }, { lengthMm: 1, turnDeg: 120 }])), /wall 2 must be longer than zero/);
  });
});
