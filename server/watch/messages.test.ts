import { test } from 'node:test';
import assert from 'node:assert/strict';
import { money } from '../../core/money.ts';
import type { Claim } from '../../core/watch/index.ts';
import { claimGrownMessage, claimOpenedMessage, formatDay, watchClosedText, watchStartedText } from './messages.ts';

const label = { customerId: 'maya', projectId: null, productName: 'Alba sofa', retailerName: 'West Elm', locale: 'en-US' };

function claim(overrides: Partial<Claim> = {}): Claim {
  return {
    sequence: 1,
    status: 'detected',
    referenceUnitPrice: money(120_000, 'USD'),
    amount: money(12_000, 'USD'),
    evidence: { observationId: '7', unitPrice: money(108_000, 'USD'), observedAt: '2025-03-10T10:00:00.000Z' },
    firstDropAt: '2025-03-10T10:00:00.000Z',
    ...overrides,
  };
}

test('a new claim reads like the sentence in the brief, money in the customer’s locale', () => {
  const message = claimOpenedMessage(label, claim(), 1);
  assert.equal(message.title, 'The Alba sofa dropped by $120.00 — we’re claiming it for you');
  assert.equal(message.body, 'You paid $1,200.00; West Elm listed it at $1,080.00 on Mar 10, 2025. We’ll ask West Elm for $120.00 and tell you when they answer.');
  const two = claimOpenedMessage(label, claim({ amount: money(24_000, 'USD') }), 2);
  assert.equal(two.title, 'The Alba sofa dropped by $120.00 — we’re claiming $240.00 for you (2 × $120.00)');
  const french = claimOpenedMessage({ ...label, locale: 'fr-FR' }, claim({ referenceUnitPrice: money(120_000, 'EUR'), amount: money(12_000, 'EUR'), evidence: { ...claim().evidence, unitPrice: money(108_000, 'EUR') } }), 1);
  assert.match(french.title, /120,00\s€/);
});

test('a grown claim says how far it dropped and what is now claimed', () => {
  const before = claim();
  const after = claim({ amount: money(20_000, 'USD'), evidence: { observationId: '9', unitPrice: money(100_000, 'USD'), observedAt: '2025-03-12T10:00:00.000Z' } });
  assert.equal(claimGrownMessage(label, before, after).title, 'The Alba sofa dropped further, to $1,000.00 — we’re now claiming $200.00');
});

test('watch sentences: started, and ended with or without a claim', () => {
  const policy = { windowDays: 14, windowFrom: 'purchase' as const, adjustments: 'one' as const, excludeFinalSale: true };
  const window = { start: '2025-03-01T10:00:00.000Z', end: '2025-03-15T10:00:00.000Z' };
  assert.equal(watchStartedText(label, policy, window, false), "Atelier is watching the Alba sofa's price until Mar 15, 2025 (West Elm's 14-day window).");
  assert.equal(watchStartedText(label, { ...policy, windowFrom: 'delivery' }, null, false), "Atelier will watch the Alba sofa's price for 14 days from delivery.");
  assert.equal(watchClosedText(label, 'window-ended', window, money(0, 'USD')), 'Price protection on the Alba sofa ended on Mar 15, 2025; its price did not drop.');
  assert.equal(watchClosedText(label, 'window-ended', window, money(12_000, 'USD')), 'Price protection on the Alba sofa ended on Mar 15, 2025; $120.00 was claimed in all.');
});

test('a window ending at midnight UTC ends "on" the day before, and an unknown locale falls back', () => {
  assert.equal(watchClosedText(label, 'window-ended', { start: '2025-03-01T00:00:00.000Z', end: '2025-03-15T00:00:00.000Z' }, null), 'Price protection on the Alba sofa ended on Mar 14, 2025; its price did not drop.');
  assert.equal(formatDay('2025-03-10T10:00:00.000Z', 'not a locale!'), 'Mar 10, 2025');
});
