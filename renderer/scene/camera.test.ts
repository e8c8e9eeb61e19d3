import { assert, describe, it } from '../testing/node-test.ts';
import { rectangleOutline } from '../../core/room.ts';
import { initialView, maxDistanceFor } from './camera.ts';

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
