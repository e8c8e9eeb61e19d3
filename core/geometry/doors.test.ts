import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { doorSwingOf, doorSwings, doorwayFits, swingBlockedBy } from './doors.ts';
import { footprintOf } from './footprint.ts';
import { counterClockwiseRoom } from './openings.ts';
import { door, roomOf, windowOpening } from './test-fixtures.ts';

const at = (xMm: number, yMm: number, rotationDeg = 0) => ({ xMm, yMm, rotationDeg });
const box = (widthMm: number, depthMm: number, placement: ReturnType<typeof at>) => footprintOf({ widthMm, depthMm }, placement);

describe('doorSwingOf', () => {
  const room = roomOf();

  it('hinges a left-swing door on the left seen from inside, opening into the room', () => {
    // Door on the near wall (y = 0) from x = 600 to 1500. From inside, looking at it, left is +x.
    assert.deepEqual(doorSwingOf(room.outline, door()), { openingId: 'door-1', hinge: { x: 1500, y: 0 }, radiusMm: 900, closed: { x: -1, y: -0 }, open: { x: 0, y: 1 } });
    assert.deepEqual(doorSwingOf(room.outline, door({ swing: 'right' }))?.hinge, { x: 600, y: 0 });
  });

  it('finds the same hinge whichever way the outline runs', () => {
    const cw = roomOf({ outline: [{ x: 0, y: 0 }, { x: 0, y: 3600 }, { x: 4200, y: 3600 }, { x: 4200, y: 0 }], openings: [door({ wallIndex: 3, offsetMm: 2700 })] });
    const ccw = counterClockwiseRoom(cw);
    assert.deepEqual(doorSwingOf(cw.outline, cw.openings[0]!)?.hinge, doorSwingOf(ccw.outline, ccw.openings[0]!)?.hinge);
    assert.deepEqual(doorSwingOf(cw.outline, cw.openings[0]!)?.hinge, { x: 1500, y: 0 });
  });

  it('lists doors only, skipping openings on missing walls', () => {
    const swings = doorSwings(roomOf({ openings: [door(), windowOpening(), door({ id: 'ghost', wallIndex: 12 })] }));
    assert.deepEqual(swings.map((s) => s.openingId), ['door-1']);
  });
});

describe('swingBlockedBy', () => {
  const swing = doorSwingOf(roomOf().outline, door())!;

  it('is blocked by a piece inside the quarter circle', () => {
    assert.equal(swingBlockedBy(swing, box(400, 400, at(1000, 400))), true);
  });

  it('is not blocked by pieces beyond the leaf’s reach or on the other side of the hinge', () => {
    assert.equal(swingBlockedBy(swing, box(400, 400, at(1050, 1200))), false);
    assert.equal(swingBlockedBy(swing, box(400, 400, at(1700, 300))), false, 'touching the open leaf from the hinge side');
    assert.equal(swingBlockedBy(swing, box(400, 400, at(2200, 300))), false);
  });

  it('is blocked by a long piece crossing the open leaf with every corner outside the sweep', () => {
    assert.equal(swingBlockedBy(swing, box(2000, 100, at(1000, 850))), true);
  });

  it('is blocked by a piece cutting across the arc alone', () => {
    // A thin shelf tangent to the arc at 135°, 890 mm from the hinge: its ends are beyond the
    // radius, its middle within it.
    const r = 890;
    const shelf = box(400, 10, at(1500 - r * Math.SQRT1_2, r * Math.SQRT1_2, 45));
    assert.ok(shelf.corners.every((c) => Math.hypot(c.x - 1500, c.y) > 900));
    assert.equal(swingBlockedBy(swing, shelf), true);
    const beyond = box(400, 10, at(1500 - 930 * Math.SQRT1_2, 930 * Math.SQRT1_2, 45));
    assert.equal(swingBlockedBy(swing, beyond), false);
  });

  it('is blocked by a big piece with the hinge under it', () => {
    assert.equal(swingBlockedBy(swing, box(3000, 3000, at(1500, 1400))), true);
  });
});

describe('doorwayFits', () => {
  it('flags a 2400 mm-deep sofa as not fitting through an 800 mm door', () => {
    const fit = doorwayFits({ widthMm: 2500, depthMm: 2400, heightMm: 900 }, { widthMm: 800, heightMm: 2050 });
    assert.equal(fit.fits, false);
    assert.deepEqual(fit.bestOrientation, { acrossMm: 900, upMm: 2400, alongMm: 2500 });
    assert.equal(fit.clearanceMm, -350);
    assert.equal(fit.reason, 'does not fit through the 800 × 2050 mm door: its smallest cross-section is 900 × 2400 mm');
  });

  it('lets a normal sofa through a 900 × 2050 door, tipped over', () => {
    const fit = doorwayFits({ widthMm: 2100, depthMm: 900, heightMm: 850 }, { widthMm: 900, heightMm: 2050 });
    assert.equal(fit.fits, true);
    assert.deepEqual(fit.bestOrientation, { acrossMm: 850, upMm: 900, alongMm: 2100 });
    assert.equal(fit.clearanceMm, 50);
    assert.match(fit.reason, /fits through the 900 × 2050 mm door tipped over, 850 × 900 mm across × up, 50 mm to spare/);
  });

  it('prefers carrying a piece upright when that is as good', () => {
    const fit = doorwayFits({ widthMm: 600, depthMm: 400, heightMm: 1800 }, { widthMm: 900, heightMm: 2050 });
    assert.deepEqual(fit.bestOrientation, { acrossMm: 400, upMm: 1800, alongMm: 600 });
    assert.match(fit.reason, /upright/);
  });

  it('refuses a piece that would pass with less than the margin to spare', () => {
    const fit = doorwayFits({ widthMm: 2000, depthMm: 890, heightMm: 890 }, { widthMm: 900, heightMm: 2050 });
    assert.equal(fit.fits, false);
    assert.equal(fit.clearanceMm, 10);
    assert.match(fit.reason, /too tight .* leaves 10 mm, less than the 20 mm needed/);
    assert.equal(doorwayFits({ widthMm: 2000, depthMm: 890, heightMm: 890 }, { widthMm: 900, heightMm: 2050 }, 0).fits, true);
  });

  it('lets a tall wardrobe through on its back when it is taller than the door', () => {
    const fit = doorwayFits({ widthMm: 1000, depthMm: 600, heightMm: 2200 }, { widthMm: 800, heightMm: 2050 });
    assert.equal(fit.fits, true);
    assert.deepEqual(fit.bestOrientation, { acrossMm: 600, upMm: 1000, alongMm: 2200 });
  });
});
