import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counterClockwiseRoom, openingInPlan, openingLabel, wallLabel } from './openings.ts';
import { lShapeOutline } from './presets.ts';
import { validateRoom, type RoomProblemCode } from './validate.ts';
import { door, roomOf, windowOpening } from './test-fixtures.ts';

const codes = (problems: { code: RoomProblemCode }[]) => problems.map((p) => p.code);

describe('validateRoom', () => {
  it('finds nothing wrong with a sound room', () => {
    assert.deepEqual(validateRoom(roomOf({ openings: [door(), windowOpening()] })), []);
    assert.deepEqual(validateRoom(roomOf({ outline: lShapeOutline(5000, 4000, 2000, 1500) })), []);
  });

  it('names the two walls that cross', () => {
    const outline = [{ x: 0, y: 0 }, { x: 3000, y: 0 }, { x: 3000, y: 3000 }, { x: 1000, y: 3000 }, { x: 4000, y: 1500 }, { x: 0, y: 1500 }];
    const problems = validateRoom(roomOf({ outline, openings: [] }));
    assert.ok(problems.some((p) => p.code === 'self-intersecting' && p.message === 'wall 2 crosses wall 5' && p.path === 'outline'), JSON.stringify(problems));
  });

  it('refuses fewer than three corners, repeated corners and flat outlines', () => {
    assert.deepEqual(validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: 1000, y: 0 }] })), [{ code: 'too-few-points', path: 'outline', message: 'a room needs at least 3 corners (got 2)' }]);
    const repeated = validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: 4200, y: 0 }, { x: 4200, y: 0 }, { x: 4200, y: 3600 }, { x: 0, y: 3600 }], openings: [] }));
    assert.deepEqual(repeated, [{ code: 'repeated-point', path: 'outline[2]', message: 'wall 2 has no length: corner 3 repeats corner 2' }]);
    assert.ok(codes(validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 2000, y: 0 }], openings: [] }))).includes('self-intersecting'));
    assert.deepEqual(codes(validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: NaN, y: 0 }, { x: 0, y: 100 }], openings: [] }))), ['not-a-number']);
  });

  it('refuses a room over 30 m and a negative or absurd ceiling', () => {
    const huge = validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: 31_000, y: 0 }, { x: 31_000, y: 3000 }, { x: 0, y: 3000 }], openings: [] }));
    assert.deepEqual(huge, [{ code: 'too-large', path: 'outline', message: 'the room spans 31000 mm, more than 30000 mm' }]);
    assert.deepEqual(validateRoom(roomOf({ ceilingHeightMm: -2500 })), [{ code: 'not-positive', path: 'ceilingHeightMm', message: 'the ceiling height must be greater than zero (got -2500)' }]);
    assert.deepEqual(codes(validateRoom(roomOf({ ceilingHeightMm: 25_000 }))), ['ceiling-height-absurd']);
    assert.deepEqual(codes(validateRoom(roomOf({ ceilingHeightMm: 900, openings: [] }))), ['ceiling-height-absurd']);
    assert.deepEqual(codes(validateRoom(roomOf({ ceilingHeightMm: 40_000, openings: [] }))), ['too-large']);
    assert.deepEqual(codes(validateRoom(roomOf({ wallThicknessMm: 0 }))), ['not-positive']);
    assert.deepEqual(codes(validateRoom(roomOf({ wallThicknessMm: 2000 }))), ['wall-thickness-absurd']);
  });

  it('names the wall that is shorter than its door', () => {
    const problems = validateRoom(roomOf({ outline: [{ x: 0, y: 0 }, { x: 800, y: 0 }, { x: 800, y: 3000 }, { x: 0, y: 3000 }], openings: [door({ offsetMm: 0 })] }));
    assert.deepEqual(problems, [{ code: 'opening-wider-than-wall', path: 'openings[0].widthMm', message: 'wall 1 (800 mm) is shorter than door 1 on it (900 mm wide)' }]);
  });

  it('names an opening that runs past its wall’s end', () => {
    const problems = validateRoom(roomOf({ openings: [door(), windowOpening({ offsetMm: 3000 })] }));
    assert.deepEqual(problems, [{ code: 'opening-past-wall-end', path: 'openings[1].offsetMm', message: 'window 1 runs past the end of wall 2: it ends 4200 mm along a 3600 mm wall' }]);
  });

  it('names two openings that overlap on the same wall, but lets openings touch', () => {
    const overlapping = validateRoom(roomOf({ openings: [door(), windowOpening({ wallIndex: 0, offsetMm: 1200 })] }));
    assert.deepEqual(overlapping, [{ code: 'openings-overlap', path: 'openings[1].offsetMm', message: 'window 1 overlaps door 1 on wall 1 by 300 mm' }]);
    assert.deepEqual(validateRoom(roomOf({ openings: [door(), windowOpening({ wallIndex: 0, offsetMm: 1500 })] })), []);
    assert.deepEqual(validateRoom(roomOf({ openings: [door(), windowOpening({ wallIndex: 1, offsetMm: 600 })] })), []);
  });

  it('refuses a window whose sill and height reach above the ceiling', () => {
    const problems = validateRoom(roomOf({ openings: [windowOpening({ sillHeightMm: 1200, heightMm: 1400 })] }));
    assert.deepEqual(problems, [{ code: 'opening-above-ceiling', path: 'openings[0].heightMm', message: 'window 1 reaches 2600 mm (sill 1200 mm + height 1400 mm), above the 2500 mm ceiling' }]);
  });

  it('refuses negative and absurd opening sizes, and openings on walls that do not exist', () => {
    const problems = validateRoom(roomOf({ openings: [door({ widthMm: -900 }), windowOpening({ offsetMm: -5 }), door({ id: 'd2', wallIndex: 7 }), windowOpening({ id: 'w2', heightMm: 31_000 })] }));
    assert.deepEqual(
      problems.map((p) => [p.code, p.path]),
      [
        ['not-positive', 'openings[0].widthMm'],
        ['negative', 'openings[1].offsetMm'],
        ['opening-wall-missing', 'openings[2].wallIndex'],
        ['too-large', 'openings[3].heightMm'],
      ],
    );
    assert.equal(problems[2]!.message, 'door 2 is on wall 8, but the room has 4 walls');
  });
});

describe('openings', () => {
  it('labels walls from 1 and openings by kind', () => {
    const openings = [door(), windowOpening(), door({ id: 'd2' }), windowOpening({ id: 'w2' })];
    assert.equal(wallLabel(0), 'wall 1');
    assert.deepEqual([0, 1, 2, 3].map((i) => openingLabel(openings, i)), ['door 1', 'window 1', 'door 2', 'window 2']);
  });

  it('places an opening along its wall', () => {
    const room = roomOf();
    assert.deepEqual(openingInPlan(room.outline, door()) && { ...openingInPlan(room.outline, door()), wall: undefined }, { wall: undefined, start: { x: 600, y: 0 }, end: { x: 1500, y: 0 }, centre: { x: 1050, y: 0 } });
    assert.equal(openingInPlan(room.outline, door({ wallIndex: 9 })), null);
  });

  it('keeps openings on the same stretch of wall when the outline is turned counter-clockwise', () => {
    const cw = roomOf({ outline: [{ x: 0, y: 0 }, { x: 0, y: 3600 }, { x: 4200, y: 3600 }, { x: 4200, y: 0 }], openings: [door({ wallIndex: 3, offsetMm: 600 })] });
    // Clockwise wall 3 runs from (4200, 0) to (0, 0): the door spans x = 3600 … 2700.
    const before = openingInPlan(cw.outline, cw.openings[0]!)!;
    const ccw = counterClockwiseRoom(cw);
    assert.deepEqual(ccw.outline, roomOf().outline);
    assert.deepEqual(ccw.openings[0], door({ wallIndex: 0, offsetMm: 2700 }));
    const after = openingInPlan(ccw.outline, ccw.openings[0]!)!;
    assert.deepEqual([after.start, after.end], [before.end, before.start]);
    assert.deepEqual(validateRoom(ccw), []);
  });
});
