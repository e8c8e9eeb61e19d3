import { assert, it as test } from '../../testing/node-test.ts';
import { priceChartGeometry } from './priceChart.ts';

const box = { width: 400, height: 200, left: 50, right: 10, top: 10, bottom: 30 };
const DAY = 86_400_000;

test('a price holds until the next observation, and the last holds until now', () => {
  const now = Date.UTC(2026, 5, 30);
  const geometry = priceChartGeometry(
    [
      { at: now - 20 * DAY, amountMinor: 100_00 },
      { at: now - 10 * DAY, amountMinor: 80_00 },
    ],
    now,
    box,
  );
  assert.ok(geometry);
  assert.equal(geometry.dots.length, 2);
  assert.equal(geometry.dots[0]!.x, 50);
  assert.ok(geometry.dots[1]!.y > geometry.dots[0]!.y, 'a lower price sits lower on the chart');
  assert.match(geometry.line, /H390$/);
  for (const tick of geometry.yTicks) assert.ok(tick.y >= 10 && tick.y <= 170);
});

test('a single observation still draws a line, and no observations draw nothing', () => {
  const now = Date.UTC(2026, 5, 30);
  const geometry = priceChartGeometry([{ at: now, amountMinor: 1200_00 }], now, box);
  assert.ok(geometry);
  assert.equal(geometry.dots.length, 1);
  assert.ok(geometry.yTicks.length >= 2);
  assert.equal(priceChartGeometry([], now, box), null);
});

test('observations within one day are spaced evenly rather than stacked', () => {
  const now = Date.UTC(2026, 5, 30, 12);
  const geometry = priceChartGeometry(
    [
      { at: now - 60_000, amountMinor: 1200_00 },
      { at: now - 30_000, amountMinor: 1150_00 },
    ],
    now,
    box,
  );
  assert.ok(geometry);
  assert.equal(geometry.dots[0]!.x, 50);
  assert.equal(geometry.dots[1]!.x, 220);
  assert.equal(geometry.xTicks.length, 2);
});
