import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartGeometry, niceStep, type ChartInput } from './chart.ts';

const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);

function input(overrides: Partial<ChartInput> = {}): ChartInput {
  return {
    points: [
      { id: 'b', at: base + 2 * DAY, price: 95_999, isEvidence: true, inWindow: true },
      { id: 'a', at: base + DAY, price: 107_999, isEvidence: false, inWindow: true },
    ],
    paid: 107_999,
    windowStart: base,
    windowEnd: base + 30 * DAY,
    now: base + 3 * DAY,
    width: 600,
    height: 300,
    padding: { top: 10, right: 10, bottom: 30, left: 60 },
    ...overrides,
  };
}

describe('price chart geometry', () => {
  it('draws a step line in time order, held to the right edge', () => {
    const g = chartGeometry(input());
    assert.match(g.path, /^M[\d.]+,[\d.]+H[\d.]+V[\d.]+H[\d.]+$/);
    assert.equal(g.dots[0]?.id, 'a');
    assert.ok(g.dots[0]!.cx < g.dots[1]!.cx);
  });

  it('puts the drop below the paid line and marks it', () => {
    const g = chartGeometry(input());
    assert.ok(g.evidence);
    assert.ok(g.evidence.cy > g.paidY, 'a lower price is drawn lower');
    assert.ok(g.paidY >= g.plot.top && g.evidence.cy <= g.plot.bottom);
  });

  it('stops at now, not at a window end weeks away, and keeps the band inside the plot', () => {
    const g = chartGeometry(input());
    assert.ok(g.band);
    assert.ok(g.band.x1 <= g.plot.right && g.band.x0 >= g.plot.left);
    assert.ok(g.x(base + 3 * DAY) < g.plot.right);
  });

  it('copes with no observations and with a single one', () => {
    assert.equal(chartGeometry(input({ points: [] })).path, '');
    const one = chartGeometry(input({ points: [{ id: 'x', at: base, price: 500, isEvidence: true, inWindow: true }], windowStart: null, windowEnd: null }));
    assert.ok(one.path.startsWith('M'));
    assert.ok(one.yTicks.length >= 2);
  });

  it('picks round tick steps', () => {
    assert.equal(niceStep(1000, 4), 500);
    assert.equal(niceStep(120, 4), 50);
    assert.equal(niceStep(0, 4), 1);
  });
});
