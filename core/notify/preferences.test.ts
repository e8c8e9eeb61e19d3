import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelFor, DEFAULT_NOTIFICATION_SETTINGS, inQuietHours, normaliseSettings, topicOf } from './preferences.ts';

test('kinds from watch and desk fall under price drop and refund', () => {
  assert.equal(topicOf('claim.detected'), 'price-drop');
  assert.equal(topicOf('claim.grown'), 'price-drop');
  for (const kind of ['claim.filed', 'claim.refunded', 'claim.denied', 'claim.reopened', 'claim.expired']) assert.equal(topicOf(kind), 'refund');
  assert.equal(topicOf('comment.added'), 'comment');
  // The kinds [Options], [Collab] and [Intake] write today.
  assert.equal(topicOf('option.comment'), 'comment');
  assert.equal(topicOf('chat.message'), 'comment');
  assert.equal(topicOf('option.published'), 'design');
  assert.equal(topicOf('option.approved'), 'design');
  assert.equal(topicOf('stage.options_ready'), 'design');
  assert.equal(topicOf('room.updated'), 'design');
  assert.equal(topicOf('option.published'), 'design');
  assert.equal(topicOf('photo.requested'), 'photos');
  assert.equal(topicOf('something.new'), 'other');
});

test('the chosen channel applies per topic', () => {
  const settings = normaliseSettings({ channels: { refund: 'none', comment: 'in-app', bogus: 'desktop' } });
  assert.equal(channelFor(settings, 'claim.refunded'), 'none');
  assert.equal(channelFor(settings, 'comment.added'), 'in-app');
  assert.equal(channelFor(settings, 'claim.detected'), DEFAULT_NOTIFICATION_SETTINGS.channels['price-drop']);
});

test('quiet hours run over midnight in the person’s own time zone', () => {
  const quiet = { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' };
  // 21:30 UTC in January is 22:30 in Paris: quiet.
  assert.equal(inQuietHours(quiet, new Date('2026-01-15T21:30:00Z')), true);
  // 06:30 UTC is 07:30 in Paris: not quiet.
  assert.equal(inQuietHours(quiet, new Date('2026-01-15T06:30:00Z')), false);
  // 20:30 UTC in July is 22:30 in Paris (summer time): quiet.
  assert.equal(inQuietHours(quiet, new Date('2026-07-15T20:30:00Z')), true);
  assert.equal(inQuietHours({ start: '13:00', end: '14:00', timeZone: 'UTC' }, new Date('2026-07-15T13:59:00Z')), true);
  assert.equal(inQuietHours(null, new Date()), false);
});

test('stored settings with a bad time zone or clock lose their quiet hours, not their channels', () => {
  const settings = normaliseSettings({ channels: { design: 'none' }, quietHours: { start: '25:00', end: '07:00', timeZone: 'Europe/Paris' } });
  assert.equal(settings.quietHours, null);
  assert.equal(settings.channels.design, 'none');
  assert.equal(normaliseSettings({ quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Base' } }).quietHours, null);
});
