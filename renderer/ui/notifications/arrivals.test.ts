import { assert, describe, it } from '../../testing/node-test.ts';
import { advanceMark, newArrivals } from './arrivals.ts';

const n = (id: string, createdAt: string, readAt: string | null = null) => ({ id, createdAt, readAt });

describe('desktop notification arrivals', () => {
  it('announces every unread notification the first time, none that are read', () => {
    const list = [n('b', '2026-01-02T00:00:00Z'), n('a', '2026-01-01T00:00:00Z', '2026-01-01T01:00:00Z')];
    assert.deepEqual(
      newArrivals(list, null).map((x) => x.id),
      ['b'],
    );
  });

  it('announces only what is newer than the mark, including a twin at the same instant', () => {
    const mark = advanceMark(null, [n('a', '2026-01-01T00:00:00Z')]);
    const list = [n('c', '2026-01-02T00:00:00Z'), n('twin', '2026-01-01T00:00:00Z'), n('a', '2026-01-01T00:00:00Z'), n('old', '2025-12-31T00:00:00Z')];
    assert.deepEqual(
      newArrivals(list, mark).map((x) => x.id),
      ['c', 'twin'],
    );
    const next = advanceMark(mark, newArrivals(list, mark));
    assert.deepEqual(newArrivals(list, next), []);
  });
});
