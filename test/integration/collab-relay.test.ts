import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relayBenchmark } from '../../bench/collab-relay.ts';

/**
 * [Collab] The relay bench's load generator, small: raw clients with pre-encoded updates through
 * our studio server (authenticated, every update stored) and a bare Hocuspocus server. Every
 * update must reach every other client of its room exactly once on both; the latencies are the
 * bench's business (`npm run bench -- collab`), not asserted here.
 */
describe('collab: relay through our server and a bare Hocuspocus', () => {
  it('delivers every update to every other client of its room, once, on both servers', { timeout: 120_000 }, async () => {
    const { ours, bare, settings } = await relayBenchmark({ rooms: 3, seconds: 2.5 });
    // Measured: the ticks after the first second, one update per room each, 2 receivers each.
    const expected = Math.round((settings.seconds - 1) * settings.updatesPerRoomPerSecond) * settings.rooms * (settings.clientsPerRoom - 1);
    for (const [name, result] of [['ours', ours], ['bare', bare]] as const) {
      assert.equal(result.expected, expected, `${name}: pairs measured`);
      assert.equal(result.lost, 0, `${name}: nothing lost`);
      assert.equal(result.duplicates, 0, `${name}: nothing delivered twice`);
      assert.equal(result.delivered, expected, `${name}: every pair delivered`);
      assert.ok(Number.isFinite(result.p99Ms), `${name}: a p99 (${result.p99Ms})`);
    }
    // Ours relays an update to the others only; bare Hocuspocus also sends it back to its sender.
    assert.equal(ours.echoes, 0, 'ours: no update sent back to its sender');
    assert.equal(bare.echoes, Math.round(settings.seconds * settings.updatesPerRoomPerSecond) * settings.rooms, 'bare: every update sent back');
  });
});
