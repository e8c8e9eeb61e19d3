import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scheduleStages, STAGES, TYPICAL_DAYS, WAITING_ON } from './schedule.ts';

const at = (day: string) => `${day}T09:30:00.000Z`;

describe('stage schedule', () => {
  it('without a target: later stages follow at typical durations from the current one', () => {
    const schedule = scheduleStages({ stage: 'intake', history: [{ stage: 'intake', at: at('2026-12-01') }], fallbackStart: at('2026-11-01'), targetDate: null, now: at('2026-12-01') });
    assert.deepEqual(schedule.stages.map((s) => s.stage), [...STAGES]);
    assert.equal(schedule.stages[0]!.status, 'current');
    assert.equal(schedule.stages[0]!.date, '2026-12-01');
    assert.deepEqual(schedule.next, { stage: 'photos', date: '2026-12-03' });
    assert.equal(schedule.stages[2]!.date, '2026-12-06', 'designing after 3 days of photos');
    assert.equal(schedule.stages[3]!.date, '2026-12-16', 'options ready after 10 days of design');
    assert.equal(schedule.waitingOn, 'customer');
    assert.ok(schedule.onTrack);
    const days = STAGES.slice(0, 7).reduce((sum, stage) => sum + TYPICAL_DAYS[stage], 0);
    assert.equal(schedule.deliveryDate, new Date(Date.parse('2026-12-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10));
  });

  it('a stage that overran pushes the rest from today, never into the past', () => {
    const schedule = scheduleStages({ stage: 'designing', history: [{ stage: 'intake', at: at('2026-11-01') }, { stage: 'photos', at: at('2026-11-02') }, { stage: 'designing', at: at('2026-11-05') }], fallbackStart: at('2026-11-01'), targetDate: null, now: at('2026-12-01') });
    assert.deepEqual(schedule.stages.slice(0, 3).map((s) => [s.status, s.date]), [['done', '2026-11-01'], ['done', '2026-11-02'], ['current', '2026-11-05']]);
    assert.deepEqual(schedule.next, { stage: 'options_ready', date: '2026-12-01' });
    assert.equal(schedule.waitingOn, 'designer');
  });

  it('a near target date shortens the stages ahead of delivery to meet it', () => {
    const schedule = scheduleStages({ stage: 'photos', history: [{ stage: 'photos', at: at('2026-12-01') }], fallbackStart: at('2026-12-01'), targetDate: '2027-01-15', now: at('2026-12-01') });
    assert.ok(schedule.onTrack);
    assert.ok(schedule.deliveryDate <= '2027-01-15', schedule.deliveryDate);
    const dates = schedule.stages.map((s) => s.date);
    assert.deepEqual([...dates].sort(), dates, 'dates never go backwards');
    const upcoming = schedule.stages.filter((s) => s.status === 'upcoming' && s.stage !== 'protected');
    upcoming.forEach((s, i) => i > 0 && assert.ok(s.date > upcoming[i - 1]!.date, `${s.stage} keeps at least a day after ${upcoming[i - 1]!.stage}`));
  });

  it('an impossible target is flagged, not met by zero-day stages', () => {
    const schedule = scheduleStages({ stage: 'intake', history: [], fallbackStart: at('2026-12-01'), targetDate: '2026-12-05', now: at('2026-12-01') });
    assert.equal(schedule.onTrack, false);
    assert.ok(schedule.deliveryDate > '2026-12-05');
  });

  it('a generous target keeps typical durations; protected has no next stage', () => {
    const relaxed = scheduleStages({ stage: 'intake', history: [], fallbackStart: at('2026-12-01'), targetDate: '2027-12-01', now: at('2026-12-01') });
    const free = scheduleStages({ stage: 'intake', history: [], fallbackStart: at('2026-12-01'), targetDate: null, now: at('2026-12-01') });
    assert.deepEqual(relaxed.stages, free.stages);
    const done = scheduleStages({ stage: 'protected', history: [], fallbackStart: at('2026-12-01'), targetDate: null, now: at('2026-12-01') });
    assert.equal(done.next, null);
    assert.equal(done.waitingOn, WAITING_ON.protected);
  });
});
