import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rectangleOutline } from '../room.ts';
import { footprintOf } from './footprint.ts';
import { itemDimensionLines, measureDistance, wallDimensionLines } from './measure.ts';

describe('measureDistance', () => {
  it('measures a 3-4-5 triangle’s long side, its middle and direction', () => {
    assert.deepEqual(measureDistance({ x: 0, y: 0 }, { x: 3000, y: 4000 }), { distanceMm: 5000, midpoint: { x: 1500, y: 2000 }, angleDeg: (Math.atan2(4, 3) * 180) / Math.PI });
    assert.equal(measureDistance({ x: 10, y: 10 }, { x: 10, y: 10 }).distanceMm, 0);
    assert.equal(measureDistance({ x: 1000, y: 0 }, { x: 0, y: 0 }).angleDeg, 180);
  });
});

describe('wallDimensionLines', () => {
  it('draws each wall’s length outside the room, labels reading left to right', () => {
    const lines = wallDimensionLines(rectangleOutline(4200, 3600), 300, 80);
    assert.deepEqual(
      lines.map((l) => [l.wallIndex, l.lengthMm, l.labelAngleDeg]),
      [
        [0, 4200, 0],
        [1, 3600, 90],
        [2, 4200, 0],
        [3, 3600, 90],
      ],
    );
    assert.deepEqual([lines[0]!.from, lines[0]!.to, lines[0]!.labelAt], [{ x: 0, y: -300 }, { x: 4200, y: -300 }, { x: 2100, y: -380 }]);
    assert.deepEqual(lines[1]!.labelAt, { x: 4580, y: 1800 });
  });
});

describe('itemDimensionLines', () => {
  it('puts the width along the front and the depth along the piece’s right side', () => {
    const { width, depth } = itemDimensionLines(footprintOf({ widthMm: 2100, depthMm: 900 }, { xMm: 2000, yMm: 1000, rotationDeg: 0 }), 120, 60);
    assert.deepEqual([width.from, width.to, width.lengthMm, width.labelAt], [{ x: 950, y: 1570 }, { x: 3050, y: 1570 }, 2100, { x: 2000, y: 1630 }]);
    assert.deepEqual([depth.from, depth.to, depth.lengthMm, depth.labelAngleDeg], [{ x: 3170, y: 550 }, { x: 3170, y: 1450 }, 900, 90]);
  });

  it('keeps a turned piece’s labels upright', () => {
    const { width } = itemDimensionLines(footprintOf({ widthMm: 2100, depthMm: 900 }, { xMm: 2000, yMm: 3000, rotationDeg: 180 }));
    assert.equal(width.labelAngleDeg, 0);
    assert.equal(width.lengthMm, 2100);
  });
});
