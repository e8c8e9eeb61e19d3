import { assert, describe, it } from '../testing/node-test.ts';
import { Vector3 } from 'three';
import { polygonAreaMm2, type PlanPoint } from '../../core/room.ts';
import { floorGeometry } from './floor.ts';

const lShape: PlanPoint[] = [
  { x: 0, y: 0 },
  { x: 6000, y: 0 },
  { x: 6000, y: 3000 },
  { x: 3000, y: 3000 },
  { x: 3000, y: 5000 },
  { x: 0, y: 5000 },
];

describe('floorGeometry', () => {
  for (const [name, outline] of [
    ['an L-shaped room', lShape],
    ['the same room drawn clockwise', [...lShape].reverse()],
  ] as const) {
    it(`covers exactly the outline of ${name}, facing up`, () => {
      const positions = floorGeometry(outline).getAttribute('position');
      let area = 0;
      for (let i = 0; i < positions.count; i += 3) {
        const [a, b, c] = [i, i + 1, i + 2].map((k) => new Vector3(positions.getX(k), positions.getY(k), positions.getZ(k)));
        const normal = new Vector3().crossVectors(b!.clone().sub(a!), c!.clone().sub(a!));
        assert.ok(normal.y > 0, 'triangle faces up');
        area += normal.length() / 2;
      }
      assert.ok(Math.abs(area - polygonAreaMm2(outline) / 1e6) < 1e-6);
    });
  }
});
