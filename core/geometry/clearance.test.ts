import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rectangleOutline } from '../room.ts';
import { narrowPassages, nearbyPairs } from './clearance.ts';
import { footprintOf } from './footprint.ts';
import { lShapeOutline } from './presets.ts';

const room = rectangleOutline(4200, 3600);
const at = (xMm: number, yMm: number, rotationDeg = 0) => ({ xMm, yMm, rotationDeg });
const piece = (id: string, widthMm: number, depthMm: number, placement: ReturnType<typeof at>) => ({ id, footprint: footprintOf({ widthMm, depthMm }, placement) });

describe('nearbyPairs', () => {
  it('pairs only bounds within the margin, each pair once with the lower index first', () => {
    const boxes = [
      { minX: 0, minY: 0, maxX: 100, maxY: 100 },
      { minX: 150, minY: 0, maxX: 250, maxY: 100 },
      { minX: 1000, minY: 0, maxX: 1100, maxY: 100 },
      { minX: 0, minY: 500, maxX: 100, maxY: 600 },
    ];
    assert.deepEqual(nearbyPairs(boxes, 0), []);
    assert.deepEqual(nearbyPairs(boxes, 50).sort(), [[0, 1]]);
    assert.deepEqual(nearbyPairs(boxes, 400).sort(), [[0, 1], [0, 3], [1, 3]]);
  });
});

describe('narrowPassages', () => {
  it('reports a 450 mm gap between two pieces, with where to draw it', () => {
    const passages = narrowPassages(room, [piece('sofa', 2100, 900, at(2100, 1800)), piece('table', 1200, 600, at(2100, 1800 - 450 - 450 - 300))]);
    const between = passages.filter((p) => p.between === 'pieces');
    assert.equal(between.length, 1);
    assert.deepEqual(between[0]!.pieceIds, ['sofa', 'table']);
    assert.equal(between[0]!.gapMm, 450);
    assert.equal(between[0]!.at.y, 1350 - 225);
  });

  it('does not report touching pieces, or gaps of the minimum or more', () => {
    const touching = [piece('a', 1000, 1000, at(500, 1800)), piece('b', 1000, 1000, at(1500, 1800))];
    assert.deepEqual(narrowPassages(room, touching), []);
    const wide = [piece('a', 1000, 1000, at(500, 1800)), piece('b', 1000, 1000, at(2100, 1800))];
    assert.deepEqual(narrowPassages(room, wide), []);
    assert.equal(narrowPassages(room, wide, { minWalkwayMm: 700 }).length, 1);
  });

  it('reports a piece standing a little way off a wall, naming the wall', () => {
    const passages = narrowPassages(room, [piece('bookcase', 800, 400, at(2100, 3600 - 200 - 300))]);
    assert.equal(passages.length, 1);
    const [p] = passages;
    assert.equal(p!.between, 'piece-and-wall');
    assert.equal(p!.between === 'piece-and-wall' && p!.wallIndex, 2);
    assert.equal(p!.gapMm, 300);
  });

  it('does not report a piece flat against a wall or in a corner', () => {
    assert.deepEqual(narrowPassages(room, [piece('corner', 800, 400, at(400, 200))]), []);
  });

  it('treats a piece up to 250 mm off a wall as standing against it, and 251 mm as a passage', () => {
    const offWall = (gapMm: number) => [piece('sofa', 2000, 900, at(2100, 3600 - 450 - gapMm))];
    assert.deepEqual(narrowPassages(room, offWall(80)), []);
    assert.deepEqual(narrowPassages(room, offWall(250)), []);
    assert.deepEqual(narrowPassages(room, offWall(251)).map((p) => p.gapMm), [251]);
    assert.deepEqual(narrowPassages(room, offWall(120), { againstWallMm: 100 }).map((p) => p.gapMm), [120]);
  });

  it('reports the gap to an inner corner once, not once per wall', () => {
    const ell = lShapeOutline(5000, 4000, 2000, 1500);
    // Below-left of the inner corner (3000, 2500), its nearest corner 300 mm off it diagonally:
    // both walls that meet there are nearest at that one point.
    const d = 300 / Math.SQRT2;
    const passages = narrowPassages(ell, [piece('chair', 600, 600, at(3000 - d - 300, 2500 - d - 300))]);
    assert.equal(passages.length, 1);
    assert.ok(Math.abs(passages[0]!.gapMm - 300) < 1e-6);
  });
});
