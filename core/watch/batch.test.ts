import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { money } from '../money.ts';
import { evaluateWatches, singleTimeline, type Watch } from './batch.ts';
import { EMPTY_WATCH_STATE } from './claims.ts';
import { evaluateLine, processObservations } from './evaluate.ts';
import { firstIndexAtOrAfter, indexObservationsByProduct, timelineOf, type PriceObservation } from './observations.ts';
import { day, lineOf, policyOf, seen } from './test-fixtures.ts';

describe('indexObservationsByProduct', () => {
  it('groups by product, sorts by time then id, and sets aside what cannot be used', () => {
    const late = seen(9_000, 5);
    const early = seen(9_500, 1);
    const lamp = seen(100, 2, { productId: 'lamp-9' });
    const bad = seen(9_000, 1, { observedAt: 'last tuesday' });
    const index = indexObservationsByProduct([late, lamp, bad, early]);
    assert.deepEqual([...index.timelines.keys()].sort(), ['lamp-9', 'sofa-1']);
    assert.deepEqual(index.timelines.get('sofa-1')?.entries.map((e) => e.observation.id), [early.id, late.id]);
    assert.deepEqual(index.rejected, [{ observation: bad, problem: 'invalid-time' }]);
  });

  it('timelineOf keeps only the named product and gives an empty timeline when there is none', () => {
    const { timeline } = timelineOf('sofa-1', [seen(1, 1, { productId: 'lamp-9' })]);
    assert.deepEqual(timeline, { productId: 'sofa-1', entries: [] });
  });

  it('finds window bounds by binary search', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (times, probe) => {
        const entries = times.sort((a, b) => a - b).map((atMs, i) => ({ atMs, observation: seen(1, 0, { id: `o${i}` }) }));
        const expected = entries.findIndex((e) => e.atMs >= probe);
        assert.equal(firstIndexAtOrAfter(entries, probe), expected === -1 ? entries.length : expected);
      }),
    );
  });
});

function watchOf(n: number, overrides: Partial<Watch['line']> = {}): Watch {
  return {
    line: lineOf({ id: `line-${n}`, productId: `product-${n % 50}`, quantity: 1 + (n % 3), purchasedAt: day(n % 20), ...overrides }),
    policy: policyOf({ adjustments: n % 2 ? 'one' : 'unlimited', windowDays: 30 }),
    state: EMPTY_WATCH_STATE,
  };
}

function feedOf(count: number): PriceObservation[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `feed-${i}`,
    productId: `product-${(i * 7) % 60}`,
    unitPrice: money(8_000 + ((i * 37) % 4_000), i % 97 === 0 ? 'USD' : 'EUR'),
    observedAt: day((i * 13) % 45),
  }));
}

describe('evaluateWatches', () => {
  it('gives each watch exactly what processObservations gives it, and yields only watches with news', () => {
    const watches = Array.from({ length: 300 }, (_, n) => watchOf(n));
    const feed = feedOf(1_000);
    const index = indexObservationsByProduct(feed);
    const yielded = new Map([...evaluateWatches(watches, index.timelines)].map((r) => [r.watch.line.id, r]));
    for (const watch of watches) {
      const alone = processObservations(watch.line, watch.policy, watch.state, feed);
      const batched = yielded.get(watch.line.id);
      if (alone.changes.length === 0 && alone.errors.length === 0) assert.equal(batched, undefined);
      else assert.deepEqual({ state: batched?.state, changes: batched?.changes, errors: batched?.errors }, alone);
    }
    assert.ok(yielded.size > 100, 'the fixture does produce claims');
  });

  it('skips watches whose product has no observations', () => {
    const watches = [watchOf(1, { productId: 'nothing-seen' })];
    assert.deepEqual([...evaluateWatches(watches, indexObservationsByProduct(feedOf(50)).timelines)], []);
  });

  it('a sweep product by product with singleTimeline matches the whole-index batch', () => {
    const watches = Array.from({ length: 200 }, (_, n) => watchOf(n)).sort((a, b) => (a.line.productId < b.line.productId ? -1 : 1));
    const feed = feedOf(600);
    const whole = [...evaluateWatches(watches, indexObservationsByProduct(feed).timelines)];
    const swept = [];
    for (const productId of new Set(watches.map((w) => w.line.productId))) {
      const { timeline } = timelineOf(productId, feed);
      swept.push(...evaluateWatches(watches.filter((w) => w.line.productId === productId), singleTimeline(timeline)));
    }
    assert.deepEqual(swept, whole);
  });

  it('is idempotent across a sweep: re-running with the saved states yields nothing new', () => {
    const feed = feedOf(500);
    const index = indexObservationsByProduct(feed);
    const saved = new Map(Array.from({ length: 100 }, (_, n) => watchOf(n)).map((w) => [w.line.id, w]));
    for (const result of evaluateWatches(saved.values(), index.timelines)) saved.set(result.watch.line.id, { ...result.watch, state: result.state });
    const second = [...evaluateWatches(saved.values(), index.timelines)];
    assert.ok(second.every((r) => r.changes.length === 0), 'only errors are reported again');
  });

  // Its speed at a million watches is measured by `npm run bench -- watch`, not here.
  it('checks 1,000 new observations against 20,000 watches as each watch alone would be', () => {
    const watches = Array.from({ length: 20_000 }, (_, n) => watchOf(n));
    const feed = feedOf(1_000);
    const yielded = new Map([...evaluateWatches(watches, indexObservationsByProduct(feed).timelines)].map((r) => [r.watch.line.id, r]));
    const timelines = new Map<string, ReturnType<typeof timelineOf>['timeline']>();
    let changed = 0;
    for (const watch of watches) {
      let timeline = timelines.get(watch.line.productId);
      if (!timeline) timelines.set(watch.line.productId, (timeline = timelineOf(watch.line.productId, feed).timeline));
      const alone = evaluateLine(watch.line, watch.policy, watch.state, timeline);
      const batched = yielded.get(watch.line.id);
      if (alone.changes.length === 0 && alone.errors.length === 0) assert.equal(batched, undefined, `${watch.line.id} has nothing to report`);
      else {
        changed++;
        assert.deepEqual({ state: batched?.state, changes: batched?.changes, errors: batched?.errors }, alone, `${watch.line.id} as alone`);
      }
    }
    assert.equal(yielded.size, changed, 'only the watches with news are yielded');
    assert.ok(changed > 1_000, `the fixture does produce claims (${changed})`);
  });

  it('a line sees only its window of a long timeline', () => {
    const timeline = timelineOf('sofa-1', [seen(9_000, -1), seen(9_900, 3), seen(100, 31)]).timeline;
    const result = evaluateLine(lineOf(), policyOf(), EMPTY_WATCH_STATE, timeline);
    assert.deepEqual(result.state.claims.map((c) => c.amount.amountMinor), [100]);
  });
});
