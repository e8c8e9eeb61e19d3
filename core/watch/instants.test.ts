import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalOf } from './instants.ts';

test('canonicalOf: the one spelling of an instant, the text itself when already canonical', () => {
  const canonical = '2025-03-01T10:00:00.000Z';
  assert.equal(canonicalOf(canonical), canonical);
  assert.equal(canonicalOf('2025-03-01T12:00:00+02:00'), canonical);
  assert.equal(canonicalOf('2025-03-01T10:00Z'), '2025-03-01T10:00:00.000Z');
  assert.equal(canonicalOf('2025-03-01'), '2025-03-01T00:00:00.000Z');
  // Days past the 28th go through Date, which knows each month's length.
  assert.equal(canonicalOf('2025-01-31T23:59:59.999Z'), '2025-01-31T23:59:59.999Z');
  assert.equal(canonicalOf('2025-03-01T10:00:00'), null, 'no offset: ambiguous');
  assert.equal(canonicalOf('yesterday'), null);
});
