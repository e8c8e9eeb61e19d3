import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { networkRetryDelayMs } from './useResource.ts';

describe('useResource: when an unreachable server is tried again', () => {
  it('waits 1 s after the first failure, doubling each time, never more than 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 50].map(networkRetryDelayMs), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(networkRetryDelayMs(0), 1000);
  });
});
