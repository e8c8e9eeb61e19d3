import { assert, describe, it } from '../testing/node-test.ts';
import { lShapeOutline } from '../../core/geometry/presets.ts';
import { rectangleOutline, type RoomShape } from '../../core/room.ts';
import { gridLines, gridStepFor, openingSymbols, planExtent, solidStretches, wallBands, wallDimensions } from './shapes.ts';

const room = (overrides: Partial<RoomShape> = {}): RoomShape => ({
  outline: rectangleOutline(4200, 3600),
  ceilingHeightMm: 2500,
  wallThicknessMm: 100,
  openings: [
    { id: 'door', kind: 'door', wallIndex: 0, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' },
    { id: 'window', kind: 'window', wallIndex: 1, offsetMm: 1000, widthMm: 1200, heightMm: 1200, sillHeightMm: 900 },
  ],
  floor: { colour: '#c8a27a', material: 'wood' },
  walls: { colour: '#f1ece4', material: 'paint' },
  ...overrides,
});

const near = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9;

describe('solidStretches', () => {
  it('takes every opening out of the wall, merging overlaps and clamping to the wall', () => {
    assert.deepEqual(solidStretches(4200, [{ offsetMm: 600, widthMm: 900 }]), [{ from: 0, to: 600 }, { from: 1500, to: 4200 }]);
    assert.deepEqual(solidStretches(3000, [{ offsetMm: 2000, widthMm: 2000 }, { offsetMm: 0, widthMm: 500 }, { offsetMm: 400, widthMm: 200 }]), [{ from: 600, to: 2000 }]);
    assert.deepEqual(solidStretches(1000, []), [{ from: 0, to: 1000 }]);
  });
});

describe('wallBands', () => {
  it('stands walls outside the outline with mitred corners', () => {
    const bands = wallBands(room({ openings: [] }));
    assert.equal(bands.length, 4);
    const first = bands[0]!;
    // Counter-clockwise in plan (x, y): wall 1 runs along y = 0 and the room is at y > 0, so the wall is at y < 0.
    assert.ok(near(first.band[0], { x: 0, y: 0 }) && near(first.band[1], { x: 4200, y: 0 }));
    assert.ok(near(first.band[2], { x: 4300, y: -100 }), JSON.stringify(first.band));
    assert.ok(near(first.band[3], { x: -100, y: -100 }), JSON.stringify(first.band));
    assert.equal(first.solid.length, 1);
  });

  it('works the same for a clockwise outline', () => {
    const clockwise = [...rectangleOutline(4200, 3600)].reverse();
    const bands = wallBands(room({ outline: clockwise, openings: [] }));
    for (const band of bands) for (const p of band.band.slice(2)) assert.ok(p.x <= 0 || p.x >= 4200 || p.y <= 0 || p.y >= 3600, JSON.stringify(p));
  });

  it('cuts a gap for each door and window', () => {
    const bands = wallBands(room());
    assert.equal(bands[0]!.solid.length, 2);
    assert.ok(near(bands[0]!.solid[0]![1], { x: 600, y: 0 }));
    assert.ok(near(bands[0]!.solid[1]![0], { x: 1500, y: 0 }));
    assert.equal(bands[1]!.solid.length, 2);
    assert.equal(bands[2]!.solid.length, 1);
  });

  it('mitres the inside corner of an L-shape', () => {
    const bands = wallBands(room({ outline: lShapeOutline(5000, 4000, 2000, 1500), openings: [] }));
    // Corner 4 (3000, 2500) is the inner corner: walls 3 and 4 meet there, their outer faces at (3100, 2600).
    assert.ok(near(bands[3]!.band[3], { x: 3100, y: 2600 }), JSON.stringify(bands[3]!.band));
  });
});

describe('openingSymbols', () => {
  it('draws a door’s leaf and swing into the room, hinged on the chosen side', () => {
    const [door] = openingSymbols(room());
    assert.ok(door?.door);
    const leaf = door.door;
    assert.equal(leaf.radiusMm, 900);
    // Seen from inside looking at wall 1 (towards −y), the left hand is towards +x: hinge at the far jamb.
    assert.ok(near(leaf.hinge, { x: 1500, y: 0 }), JSON.stringify(leaf));
    assert.ok(near(leaf.leafEnd, { x: 1500, y: 900 }));
    assert.ok(near(leaf.arcFrom, { x: 600, y: 0 }));
    const right = openingSymbols(room({ openings: [{ ...room().openings[0]!, swing: 'right' }] }))[0]!.door!;
    assert.ok(near(right.hinge, { x: 600, y: 0 }));
    assert.notEqual(right.sweepPositive, leaf.sweepPositive);
  });

  it('draws a window as two thin lines across the wall', () => {
    const window = openingSymbols(room())[1]!;
    assert.equal(window.door, null);
    assert.equal(window.glazing.length, 2);
    const [a, b] = window.glazing;
    assert.ok(near(a![0], { x: 4200 + 100 / 3, y: 1000 }) && near(a![1], { x: 4200 + 100 / 3, y: 2200 }), JSON.stringify(a));
    assert.ok(near(b![0], { x: 4200 + 200 / 3, y: 1000 }));
  });

  it('leaves out an opening on a wall that does not exist', () => {
    assert.equal(openingSymbols(room({ openings: [{ ...room().openings[0]!, wallIndex: 9 }] })).length, 0);
    assert.equal(openingSymbols(room({ openings: [{ ...room().openings[0]!, widthMm: Number.NaN }] })).length, 0);
  });
});

describe('wallDimensions', () => {
  it('measures each wall outside its band, with extension lines back to the wall', () => {
    const dims = wallDimensions(room(), 300);
    assert.deepEqual(dims.map((d) => Math.round(d.lengthMm)), [4200, 3600, 4200, 3600]);
    const first = dims[0]!;
    assert.equal(first.from.y, -400);
    assert.ok(first.labelAt.y < -400, 'the label sits further out');
    assert.equal(first.extensions[0][0].y, -160);
    assert.ok(first.extensions[0][1].y < first.from.y);
  });

  it('gives the room room for its dimensions', () => {
    const box = planExtent(room(), 300);
    assert.ok(box.minY < -400 - 120 && box.maxX > 4200 + 400 + 120, JSON.stringify(box));
  });
});

describe('grid', () => {
  it('lays lines on multiples of the step and marks whole metres', () => {
    const { xs, ys } = gridLines({ minX: -600, minY: 0, maxX: 1000, maxY: 500 }, 500);
    assert.deepEqual(xs, [{ at: -500, major: false }, { at: 0, major: true }, { at: 500, major: false }, { at: 1000, major: true }]);
    assert.deepEqual(ys.map((y) => y.at), [0, 500]);
  });

  it('picks a step that keeps lines apart on screen', () => {
    assert.equal(gridStepFor(0.2), 100);
    assert.equal(gridStepFor(0.1), 250);
    assert.equal(gridStepFor(0.02), 1000);
  });
});

describe('a half-typed wall thickness', () => {
  it('draws the walls as bare lines instead of NaN', () => {
    const shape = room({ wallThicknessMm: Number.NaN });
    for (const band of wallBands(shape)) for (const p of band.band) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y));
    assert.ok(Number.isFinite(planExtent(shape).minX));
    assert.ok(wallDimensions(shape).every((d) => Number.isFinite(d.from.x)));
  });
});
