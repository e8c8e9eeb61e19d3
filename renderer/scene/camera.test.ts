import { assert, describe, it } from '../testing/node-test.ts';
import { rectangleOutline } from '../../core/room.ts';
import { PerspectiveCamera, Vector3 } from 'three';
import type { PlanPoint, RoomShape } from '../../core/room.ts';
import { clampTarget, EYE_HEIGHT_M, initialView, maxDistanceFor, presetView, stepInside, type PresetId } from './camera.ts';

describe('initialView', () => {
  it('looks at the room’s centre from above its front edge', () => {
    const view = initialView(rectangleOutline(5200, 4200));
    assert.deepEqual(view.target, [2.6, 0.45, 2.1]);
    const [x, y, z] = view.position;
    assert.ok(y > 2.6, 'above the ceiling height');
    assert.ok(z > 4.2, 'in front of the room');
    assert.ok(x > 2.6, 'a little to the right');
  });

  it('stands further back for a bigger room, within the zoom limit', () => {
    const small = initialView(rectangleOutline(3000, 3000));
    const large = initialView(rectangleOutline(12_000, 9000));
    const distance = (view: ReturnType<typeof initialView>) => Math.hypot(...view.position.map((value, i) => value - view.target[i]!));
    assert.ok(distance(large) > distance(small));
    assert.ok(distance(large) < maxDistanceFor(rectangleOutline(12_000, 9000)));
  });
});

describe('presetView', () => {
  const shell = (outline: readonly PlanPoint[], openings: RoomShape['openings'] = []) => ({ outline, openings, ceilingHeightMm: 2600 });
  const room = shell(rectangleOutline(5200, 4200));
  const centre = [2.6, 2.1] as const;
  const inFrame = (view: { position: readonly number[]; target: readonly number[] }, points: readonly (readonly [number, number, number])[]) => {
    const camera = new PerspectiveCamera(40, 1.6, 0.05, 500);
    camera.position.set(view.position[0]!, view.position[1]!, view.position[2]!);
    camera.lookAt(view.target[0]!, view.target[1]!, view.target[2]!);
    camera.updateMatrixWorld(true);
    return points.every((point) => {
      const ndc = new Vector3(...point).project(camera);
      return Math.abs(ndc.x) <= 1 && Math.abs(ndc.y) <= 1;
    });
  };

  it('puts each corner view beyond its own corner, looking at the room’s centre from above, with the whole floor in frame', () => {
    const expected = { 'front-left': [-1, 1], 'front-right': [1, 1], 'back-right': [1, -1], 'back-left': [-1, -1] } as const;
    for (const [id, [sx, sz]] of Object.entries(expected) as [PresetId, readonly [number, number]][]) {
      const view = presetView(id, room);
      const [x, y, z] = view.position;
      assert.ok(Math.sign(x - centre[0]) === sx && Math.sign(z - centre[1]) === sz, `${id} at ${view.position}`);
      assert.ok(y > 2.6, `${id} is above the ceiling`);
      assert.deepEqual([view.target[0], view.target[2]], [...centre]);
      assert.ok(inFrame(view, [[0, 0, 0], [5.2, 0, 0], [5.2, 0, 4.2], [0, 0, 4.2]]), `${id} frames the floor`);
    }
  });

  it('stands just inside the door at eye height, facing into the room', () => {
    const withDoor = shell(rectangleOutline(5200, 4200), [{ id: 'd', kind: 'door', wallIndex: 2, offsetMm: 600, widthMm: 900, heightMm: 2050, sillHeightMm: 0, swing: 'left' }]);
    const view = presetView('eye', withDoor);
    const [x, y, z] = view.position;
    assert.equal(y, EYE_HEIGHT_M);
    assert.ok(view.target[1] < EYE_HEIGHT_M && view.target[1] > EYE_HEIGHT_M - 0.02, 'looking a little down');
    // Wall 2 runs from (5200, 4200) to (0, 4200): the door's middle is at x = 5200 − 1050.
    assert.ok(Math.abs(x - 4.15) < 0.01 && Math.abs(z - 3.6) < 0.01, `at the door: ${view.position}`);
    assert.ok(view.target[2] < z, 'looking into the room');
    assert.ok(view.walk && view.walk.minPolar < Math.PI / 2 && view.walk.maxPolar > Math.PI / 2);
  });

  it('finds a standing spot inside an L-shaped room without a door', () => {
    const ell = shell([
      { x: 0, y: 0 },
      { x: 6000, y: 0 },
      { x: 6000, y: 2500 },
      { x: 2500, y: 2500 },
      { x: 2500, y: 6000 },
      { x: 0, y: 6000 },
    ]);
    const [x, , z] = presetView('eye', ell).position;
    assert.ok((x < 2.5 && z < 6) || (x < 6 && z < 2.5), `inside the L at ${x}, ${z}`);
  });

  it('looks straight down for the top view, framing the room', () => {
    const view = presetView('top', room);
    assert.ok(Math.abs(view.position[0] - centre[0]) < 1e-9 && Math.abs(view.position[2] - centre[1]) < 0.05);
    assert.ok(inFrame(view, [[0, 0, 0], [5.2, 0, 0], [5.2, 0, 4.2], [0, 0, 4.2]]));
  });
});

describe('stepInside', () => {
  it('steps along the heading and refuses a step into a wall', () => {
    const outline = rectangleOutline(5200, 4200);
    assert.deepEqual(stepInside({ x: 2, z: 2 }, { x: 1, z: 0 }, 0.5, outline), { x: 2.5, z: 2 });
    assert.equal(stepInside({ x: 4.8, z: 2 }, { x: 1, z: 0 }, 0.3, outline), null);
  });
});

describe('clampTarget', () => {
  it('keeps a panned target within a metre of the room and under the ceiling', () => {
    const target = { x: 40, y: -2, z: 2 };
    assert.equal(clampTarget(target, rectangleOutline(5200, 4200), 2600), true);
    assert.deepEqual(target, { x: 6.2, y: 0, z: 2 });
    assert.equal(clampTarget(target, rectangleOutline(5200, 4200), 2600), false);
  });
});
