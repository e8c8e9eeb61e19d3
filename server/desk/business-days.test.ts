import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addBusinessDays } from './business-days.ts';

test('two business days skip the weekend', () => {
  assert.equal(addBusinessDays('2025-03-05T10:00:00.000Z', 2), '2025-03-07T10:00:00.000Z'); // Wed → Fri
  assert.equal(addBusinessDays('2025-03-07T18:00:00.000Z', 2), '2025-03-11T18:00:00.000Z'); // Fri → Tue
  assert.equal(addBusinessDays('2025-03-08T09:00:00.000Z', 2), '2025-03-11T09:00:00.000Z'); // Sat → Tue
});
