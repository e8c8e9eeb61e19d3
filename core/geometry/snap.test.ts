import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rectangleOutline } from '../room.ts';
import { footprintInsideRoom, footprintOf } from './footprint.ts';
import { wallsOf } from './polygon.ts';
import { lShapeOutline } from './presets.ts';
import { backToWallRotation, snapPlacement, snapRotation, snapToNeighbours, snapToWall } from './snap.ts';

const room = rectangleOutline(4200, 3600);
const sofa = { widthMm: 2100, depthMm: 900 };
const table = { widthMm: 1200, depthMm: 600 };
const at = (xMm: number, yMm: number, rotationDeg = 0) => ({ xMm, yMm, rotationDeg });

describe('snapRotation', () => {
  it('rounds to quarter turns unless free, always into [0, 360)', () => {
    assert.equal(snapRotation(44), 0);
    assert.equal(snapRotation(46), 90);
    assert.equal(snapRotation(-100), 270);
    assert.equal(snapRotation(359), 0);
    assert.equal(snapRotation(-0.2), 0);
    assert.equal(snapRotation(37.5, true), 37.5);
    assert.equal(snapRotation(20, false, 15), 15);
  });
});

describe('backToWallRotation', () => {
  it('turns the front away from each wall of a counter-clockwise room', () => {
    assert.deepEqual(wallsOf(room).map(backToWallRotation), [0, 90, 180, 270]);
  });

  it('gives the same answer for the same wall of a clockwise outline', () => {
    const cw = wallsOf([...room].reverse());
    // Reversed, wall 0 is the far wall (y = 3600): backs to it face 180°.
    assert.equal(backToWallRotation(cw[0]!), 180);
  });

  it('handles a diagonal wall', () => {
    const bay = wallsOf([{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 2000, y: 1000 }, { x: 2000, y: 2000 }, { x: 0, y: 2000 }]);
    assert.equal(backToWallRotation(bay[1]!), 45);
  });
});

describe('snapToWall', () => {
  it('pushes a piece near the far wall back against it, turned to face the room', () => {
    const snap = snapToWall(room, sofa, at(2000, 3000, 0));
    assert.deepEqual(snap, { placement: at(2000, 3150, 180), wallIndex: 2, cornerWallIndex: null });
  });

  it('pulls a piece that pokes through a wall back to its face', () => {
    assert.deepEqual(snapToWall(room, sofa, at(2000, 400, 0))?.placement, at(2000, 450, 0));
  });

  it('does nothing when no wall is within the threshold', () => {
    assert.equal(snapToWall(room, sofa, at(2000, 1800, 0)), null);
    assert.equal(snapToWall(room, sofa, at(2000, 800, 0), { thresholdMm: 400 })?.wallIndex, 0);
  });

  it('slides into a corner when the crossing wall is close too', () => {
    const snap = snapToWall(room, sofa, at(1100, 500, 0));
    assert.deepEqual(snap, { placement: at(1050, 450, 0), wallIndex: 0, cornerWallIndex: 3 });
  });

  it('can keep whichever side already faces the wall', () => {
    const snap = snapToWall(room, sofa, at(1150, 1800, 0), { side: 'nearest' });
    // Nearest wall is wall 4 (x = 0); the sofa keeps rotation 0, its end against the wall.
    assert.deepEqual(snap?.placement, at(1050, 1800, 0));
    assert.equal(snap?.wallIndex, 3);
  });
});

describe('snapToNeighbours', () => {
  const tableFp = { id: 'table', footprint: footprintOf(table, at(2000, 1800)) };

  it('puts a piece back to front against a neighbour it is close to, centred on it', () => {
    // Sofa's back 60 mm off the table's far edge (y = 2100), its centre 30 mm off the table's.
    const snap = snapToNeighbours(sofa, at(2030, 2100 + 450 + 60), [tableFp]);
    assert.deepEqual(snap, { placement: at(2000, 2550), neighbourIds: ['table'] });
  });

  it('lines up flush edges as well as touching ones, on each axis separately', () => {
    const chair = { widthMm: 600, depthMm: 600 };
    // Beside the table (x) with its front edge 40 mm off the table's.
    const snap = snapToNeighbours(chair, at(2600 + 300 + 50, 1800 - 300 + 300 + 40), [tableFp]);
    assert.deepEqual(snap.placement, at(2900, 1800));
  });

  it('ignores far pieces and pieces not square to it', () => {
    assert.deepEqual(snapToNeighbours(sofa, at(2000, 3200), [tableFp]).neighbourIds, []);
    const turned = { id: 'turned', footprint: footprintOf(table, at(2000, 1800, 30)) };
    assert.deepEqual(snapToNeighbours(sofa, at(2030, 2610), [turned]).neighbourIds, []);
  });

  it('leaves a locked axis alone', () => {
    const snap = snapToNeighbours(sofa, at(2030, 2610), [tableFp], 100, 'forward');
    assert.deepEqual(snap.placement, at(2000, 2610));
  });
});

describe('snapPlacement', () => {
  it('snaps rotation, then the wall, then a neighbour along the wall', () => {
    const armchair = { id: 'armchair', footprint: footprintOf({ widthMm: 800, depthMm: 800 }, at(3600, 3200, 180)) };
    const snap = snapPlacement(room, sofa, at(2100, 3080, 8), [armchair]);
    // Back to wall 3, sofa end touching the armchair's side (3200 − 1050 = 2150).
    assert.deepEqual(snap, { placement: at(2150, 3150, 180), wallIndex: 2, cornerWallIndex: null, neighbourIds: ['armchair'], inside: true });
  });

  it('with free rotation, slides a square piece to the wall without turning it, and leaves a skewed one', () => {
    assert.deepEqual(snapPlacement(room, sofa, at(2100, 2400, 90), [], { freeRotation: true }).placement, at(2100, 2550, 90), 'end-on, 150 mm off the far wall');
    assert.deepEqual(snapPlacement(room, sofa, at(2100, 3080, 0), [], { freeRotation: true }).placement, at(2100, 3150, 0));
    assert.deepEqual(snapPlacement(room, sofa, at(2100, 2900, 12), [], { freeRotation: true }).placement, at(2100, 2900, 12));
  });

  it('keeps the rotation when it is free and no wall is near', () => {
    const snap = snapPlacement(room, sofa, at(2100, 1800, 8), [], { freeRotation: true });
    assert.deepEqual(snap.placement, at(2100, 1800, 8));
    assert.equal(snap.wallIndex, null);
  });

  it('will not snap a piece out of an L-shaped room’s inner corner', () => {
    const ell = lShapeOutline(5000, 4000, 2000, 1500);
    // Close to the notch's lower wall (y = 2500) from below; that wall's snap would turn the
    // piece into the notch. The result stays inside whatever it chooses.
    const piece = { widthMm: 1800, depthMm: 900 };
    const snap = snapPlacement(ell, piece, at(3600, 1950, 0), []);
    assert.equal(snap.inside, true);
    assert.ok(footprintInsideRoom(footprintOf(piece, snap.placement), ell));
  });

  it('clamps a piece whose quarter-turn would push it through a wall', () => {
    const snap = snapPlacement(room, sofa, at(1200, 1800, 80), [], { wallThresholdMm: 10 });
    assert.equal(snap.placement.rotationDeg, 90);
    assert.ok(footprintInsideRoom(footprintOf(sofa, snap.placement), room));
  });
});
