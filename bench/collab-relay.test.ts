import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gcPauses } from './collab-relay.ts';

describe('gcPauses', () => {
  it("counts the main thread's scavenges and full collections from --trace-gc-nvp lines, not a worker's", () => {
    const output = [
      'listening on http://127.0.0.1:4000',
      '[16490:0x26cbb000:0]       91 ms: pause=3.5 mutator=84.8 gc=s reduce_memory=0 interleaved=0 time_to_safepoint=0.00',
      '[16490:0x26cbb000:0]      120 ms: pause=1.25 mutator=20.0 gc=s reduce_memory=0',
      '[16490:0x7f97f8001000:2]      130 ms: pause=9.9 mutator=1.0 gc=s reduce_memory=0',
      '[16490:0x26cbb000:0]      900 ms: pause=10.7 mutator=700.1 gc=mc reduce_memory=0 mark=0.3',
      '{"level":30,"msg":"pause=99 gc=mc in a log line"}',
    ].join('\n');
    assert.deepEqual(gcPauses(output), { scavenges: 2, scavengeMaxMs: 3.5, markCompacts: 1, markCompactMaxMs: 10.7, pauseTotalMs: 15.45 });
    assert.deepEqual(gcPauses(''), { scavenges: 0, scavengeMaxMs: 0, markCompacts: 0, markCompactMaxMs: 0, pauseTotalMs: 0 });
  });
});
