import { assert, describe, it } from '../testing/node-test.ts';
import { rectangleOutline } from '../../core/room.ts';
import { groupByHostWall, hostWallOf, isWallCut } from './cutaway.ts';
import { wallFrames } from './plan.ts';

const outline = rectangleOutline(5200, 4200);
const walls = wallFrames(outline);

describe('isWallCut', () => {
  it('cuts the walls between the camera and the room, and only those', () => {
    const camera = { x: 3500, y: 12_000 };
    assert.deepEqual(
      walls.map((wall) => isWallCut(wall, camera)),
      [false, false, true, false],
    );
    const corner = { x: -3000, y: -3000 };
    assert.deepEqual(
      walls.map((wall) => isWallCut(wall, corner)),
      [true, false, false, true],
    );
  });
});

describe('hostWallOf', () => {
  it('hangs mirrors and art on the wall they are against', () => {
    assert.equal(hostWallOf({ category: 'wall art', xMm: 2600, yMm: 4140, elevationMm: 1300, depthMm: 40 }, outline), 2);
    assert.equal(hostWallOf({ category: 'mirror', xMm: 5140, yMm: 1200, elevationMm: 1100, depthMm: 30 }, outline), 1);
  });

  it('leaves floor pieces, and hung pieces far from any wall, on the floor', () => {
    assert.equal(hostWallOf({ category: 'sofa', xMm: 2600, yMm: 4000, elevationMm: 0, depthMm: 980 }, outline), null);
    assert.equal(hostWallOf({ category: 'mirror', xMm: 2600, yMm: 2100, elevationMm: 0, depthMm: 30 }, outline), null);
  });

  it('groups pieces by host', () => {
    const { floor, walls: hung } = groupByHostWall(
      [
        { category: 'sofa', xMm: 2600, yMm: 3500, elevationMm: 0, depthMm: 980 },
        { category: 'shelf', xMm: 100, yMm: 2000, elevationMm: 1200, depthMm: 200 },
      ],
      outline,
    );
    assert.equal(floor.length, 1);
    assert.deepEqual([...hung.keys()], [3]);
  });
});
