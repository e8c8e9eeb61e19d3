import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultWorkers } from './sweep-parallel.ts';

test('the sweep uses one thread on two cores or fewer, one per core (at most 4) above', () => {
  assert.deepEqual([1, 2, 3, 4, 8, 64].map((cores) => defaultWorkers(cores)), [1, 1, 3, 4, 4, 4]);
});
