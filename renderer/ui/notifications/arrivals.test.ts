import { assert, describe, it } from '../../testing/node-test.ts';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../core/notify/preferences.ts';
import { advanceMark, newArrivals, planAlerts } from './arrivals.ts';

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

describe('desktop alerts by the person’s settings', () => {
  const k = (id: string, kind: string, createdAt: string) => ({ id, kind, createdAt, readAt: null });
  const list = [k('refund', 'claim.refunded', '2026-01-15T21:40:00Z'), k('drop', 'claim.detected', '2026-01-15T21:35:00Z'), k('chat', 'comment.added', '2026-01-15T21:30:00Z')];
  const settings = { channels: { ...DEFAULT_NOTIFICATION_SETTINGS.channels, comment: 'in-app' as const, refund: 'none' as const }, quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' } };

  it('raises only kinds set to desktop, and moves the mark past all of them', () => {
    const plan = planAlerts(list, null, settings, new Date('2026-01-15T20:00:00Z'));
    assert.deepEqual(plan.raise.map((x) => x.id), ['drop']);
    assert.deepEqual(newArrivals(list, plan.nextMark), []);
  });

  it('during quiet hours nothing is raised and the alerts wait for the morning', () => {
    const night = planAlerts(list, null, settings, new Date('2026-01-15T22:30:00Z'));
    assert.deepEqual(night.raise, []);
    assert.equal(night.nextMark, null);
    const morning = planAlerts(list, night.nextMark, settings, new Date('2026-01-16T07:05:00Z'));
    assert.deepEqual(morning.raise.map((x) => x.id), ['drop']);
  });
});
