import { assert, describe, it } from '../testing/node-test.ts';
import { boxAround, fitTransform, lengthPx, pathOf, toPlan, toPx } from './transform.ts';

describe('fitTransform', () => {
  it('fits a wide room by its width, centred, with the margin clear', () => {
    const t = fitTransform({ minX: 0, minY: 0, maxX: 4000, maxY: 2000 }, 440, 440, 20);
    assert.equal(t.scale, 0.1);
    assert.deepEqual(toPx(t, { x: 0, y: 0 }), { x: 20, y: 120 });
    assert.deepEqual(toPx(t, { x: 4000, y: 2000 }), { x: 420, y: 320 });
    assert.equal(lengthPx(t, 900), 90);
  });

  it('fits a deep room by its depth; plan +y runs down the page', () => {
    const t = fitTransform({ minX: -500, minY: -500, maxX: 500, maxY: 4500 }, 800, 520, 10);
    assert.equal(t.scale, 0.1);
    const near = toPx(t, { x: 0, y: 4500 });
    const far = toPx(t, { x: 0, y: -500 });
    assert.ok(near.y > far.y, 'larger plan y is lower on the page');
    assert.equal(far.y, 10);
    assert.equal(near.y, 510);
    assert.equal(toPx(t, { x: 0, y: 0 }).x, 400);
  });

  it('round-trips pixels and plan points', () => {
    const t = fitTransform({ minX: 120, minY: -40, maxX: 5320, maxY: 3960 }, 1024, 700, 32);
    for (const p of [{ x: 0, y: 0 }, { x: 4200, y: 3600 }, { x: -1234.5, y: 77 }]) {
      const back = toPlan(t, toPx(t, p));
      assert.ok(Math.abs(back.x - p.x) < 1e-9 && Math.abs(back.y - p.y) < 1e-9, JSON.stringify(back));
    }
  });

  it('treats an empty or flat box as a metre square instead of dividing by zero', () => {
    const t = fitTransform({ minX: 0, minY: 0, maxX: 0, maxY: 0 }, 200, 200, 0);
    assert.equal(t.scale, 0.2);
    const empty = fitTransform(boxAround([]), 300, 100, 0);
    assert.ok(Number.isFinite(empty.scale) && Number.isFinite(empty.originX));
  });
});

describe('pathOf', () => {
  it('draws a closed path in pixels', () => {
    const t = fitTransform({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 100, 100, 0);
    assert.equal(pathOf(t, [{ x: 0, y: 0 }, { x: 1000, y: 0 }, { x: 1000, y: 1000 }]), 'M0 0 L100 0 L100 100 Z');
    assert.equal(pathOf(t, [{ x: 0, y: 0 }, { x: 333, y: 0 }], false), 'M0 0 L33.3 0');
  });
});
