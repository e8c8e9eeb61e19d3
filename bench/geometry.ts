/**
 * [Room] The room's geometry on every edit at 300 pieces: all warnings (overlaps, outside the
 * room, walkways, door swings, doorway fit) and one drag step's snap, in the crowded room the
 * warning tests use. Baselines in the same run: the walkway search over every pair of pieces
 * (what the bounds sweep in `nearbyPairs` prunes), and the 4 ms pointermove budget of [Room].
 */
import { footprintGap, footprintOf, narrowPassages, roomWarnings, snapPlacement, MIN_WALKWAY_MM } from '../core/geometry/index.ts';
import { crowdedRoom } from '../core/geometry/test-fixtures.ts';
import type { BenchContext } from './registry.ts';
import { percentile } from './stats.ts';

const POINTERMOVE_BUDGET_MS = 4;

function timings(runs: number, run: (i: number) => unknown): number[] {
  for (let i = 0; i < Math.min(20, runs); i++) run(i);
  return Array.from({ length: runs }, (_, i) => {
    const start = performance.now();
    run(i);
    return performance.now() - start;
  });
}

export async function geometryBenchmark(context: BenchContext): Promise<Record<string, unknown>> {
  const { room, pieces } = crowdedRoom();
  context.log(`geometry: ${pieces.length} pieces in a ${room.outline.length}-wall room`);
  const withFootprints = pieces.map((p) => ({ id: p.id, footprint: footprintOf(p, p) }));
  const warningCount = roomWarnings(room, pieces).length;

  const warnings = timings(200, () => roomWarnings(room, pieces));
  const pruned = timings(200, () => narrowPassages(room.outline, withFootprints));
  const brute = timings(200, () => {
    let narrow = 0;
    for (let i = 0; i < withFootprints.length; i++) {
      for (let j = i + 1; j < withFootprints.length; j++) {
        const gap = footprintGap(withFootprints[i]!.footprint, withFootprints[j]!.footprint).gapMm;
        if (gap > 1 && gap < MIN_WALKWAY_MM) narrow++;
      }
    }
    return narrow;
  });
  const neighbours = withFootprints.slice(1);
  const size = { widthMm: pieces[0]!.widthMm, depthMm: pieces[0]!.depthMm };
  // A drag across the room: each step a new proposed placement, as pointermove delivers them.
  const snap = timings(2000, (i) => snapPlacement(room.outline, size, { xMm: 400 + ((i * 37) % 11_000), yMm: 400 + ((i * 53) % 9_000), rotationDeg: (i * 7) % 360 }, neighbours));

  const round = (value: number) => Math.round(value * 1000) / 1000;
  const median = (samples: readonly number[]) => percentile(samples, 50);
  return {
    pieces: pieces.length,
    warnings: warningCount,
    warningsMedianMs: round(median(warnings)),
    warningsP95Ms: round(percentile(warnings, 95)),
    walkwayPrunedMedianMs: round(median(pruned)),
    walkwayAllPairsMedianMs: round(median(brute)),
    walkwayPrunedVsAllPairsRatio: round(median(pruned) / median(brute)),
    snapP95Ms: round(percentile(snap, 95)),
    snapVsPointermoveBudgetRatio: round(percentile(snap, 95) / POINTERMOVE_BUDGET_MS),
  };
}
