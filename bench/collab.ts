/**
 * [Collab] `npm run bench -- collab --json`: relay latency through our server against a bare
 * Hocuspocus server in the same run (collab-relay.ts), remote paint between two browsers
 * (collab-paint.ts), and SIGKILL trials (collab-crash.ts, 20 runs of 500 edits at 50/s).
 * ATELIER_COLLAB_BENCH_CRASH_RUNS=0 skips the crash trials (they take a few minutes).
 */
import os from 'node:os';
import type { BenchContext } from './registry.ts';
import { runCrashTrial } from './collab-crash.ts';
import { remotePaintBenchmark } from './collab-paint.ts';
import { relayBenchmark } from './collab-relay.ts';

const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100;

export async function collabBenchmark(context: BenchContext): Promise<Record<string, unknown>> {
  const loadAtStart = loadAverage();
  // The relay first: two servers and a load generator sharing the machine's cores are what it
  // measures, and a browser still shutting down after the paint bench must not be part of it.
  context.log('collab: relay (ours vs bare Hocuspocus)…');
  const relay = await relayBenchmark({ log: context.log });
  context.log('collab: remote paint (two Chromium pages)…');
  const paint = await remotePaintBenchmark(context.log);
  const runs = Number(process.env.ATELIER_COLLAB_BENCH_CRASH_RUNS ?? 20);
  const trials = [];
  for (let run = 0; run < runs; run++) {
    context.log(`collab: crash trial ${run + 1}/${runs}…`);
    trials.push(await runCrashTrial({ edits: 500, perSecond: 50 }));
  }
  const ratio = relay.bare.p99Ms > 0 ? Math.round((relay.ours.p99Ms / relay.bare.p99Ms) * 100) / 100 : null;
  return {
    remotePaintP95Ms: paint.remotePaintP95Ms,
    remotePaintP50Ms: paint.remotePaintP50Ms,
    remotePaintSamples: paint.samples,
    remote3dFrameP95Ms: paint.remote3dFrameP95Ms,
    remote3dFrameP50Ms: paint.remote3dFrameP50Ms,
    remotePaintBreakdown: paint.breakdown,
    relayP99Ms: relay.ours.p99Ms,
    relayP50Ms: relay.ours.p50Ms,
    bareRelayP99Ms: relay.bare.p99Ms,
    bareRelayP50Ms: relay.bare.p50Ms,
    relayVsBareRatio: ratio,
    relayVsBareP50Ratio: relay.bare.p50Ms > 0 ? Math.round((relay.ours.p50Ms / relay.bare.p50Ms) * 100) / 100 : null,
    lostUpdates: relay.ours.lost,
    bareLostUpdates: relay.bare.lost,
    relayDuplicates: relay.ours.duplicates,
    relayEchoes: relay.ours.echoes,
    bareRelayEchoes: relay.bare.echoes,
    relayMaxMs: relay.ours.maxMs,
    bareRelayMaxMs: relay.bare.maxMs,
    // Evidence for a loaded machine: the generator keeping its schedule, each server's CPU.
    relayAckP99Ms: relay.ours.ackP99Ms,
    relaySendLagP99Ms: Math.max(relay.ours.sendLagP99Ms, relay.bare.sendLagP99Ms),
    relayGeneratorLoopDelayP99Ms: Math.max(relay.ours.generatorLoopDelayP99Ms, relay.bare.generatorLoopDelayP99Ms),
    relayGeneratorCpuPercent: relay.ours.generatorCpuPercent,
    relayServerCpuPercent: relay.ours.serverCpuPercent,
    bareRelayServerCpuPercent: relay.bare.serverCpuPercent,
    // Each server's main-thread garbage collections over the timed run: a slow run with a long or
    // frequent collector pause is the collector's; one without is the server's own work.
    relayGc: relay.ours.gc,
    bareRelayGc: relay.bare.gc,
    // The generator's own pauses while each server was driven: they delay that server's receipts.
    relayGeneratorGc: relay.ours.generatorGc,
    bareRelayGeneratorGc: relay.bare.generatorGc,
    loadAverage1mAtStart: loadAtStart,
    loadAverage1mAtEnd: loadAverage(),
    cpus: os.cpus().length,
    relaySettings: relay.settings,
    crashRuns: trials.length,
    crashAcknowledgedLost: trials.reduce((sum, trial) => sum + trial.lostAcknowledged, 0),
    crashIntegrityOk: trials.every((trial) => trial.integrityOk),
    crashResyncMaxMs: trials.length ? Math.max(...trials.map((trial) => trial.resyncMs)) : null,
    crashLostAfterResync: trials.reduce((sum, trial) => sum + trial.lostAfterResync, 0),
    targets: { remotePaintP95Ms: 100, relayP99Ms: 10, relayVsBareRatio: 1.5, lostUpdates: 0 },
  };
}
