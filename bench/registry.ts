import { runCatalogBench } from './catalog.ts';
import { withDbImport } from './catalog-db.ts';
import { withTypeToPaint } from './catalog-ui.ts';
import { watchBenchmark } from './watch.ts';
import { collabBenchmark } from './collab.ts';
import { benchRoom } from './room.ts';
import { filesBenchmark } from './files.ts';
import { intakeBenchmark } from './intake.ts';
import { swapBenchmark } from './swap.ts';
import { geometryBenchmark } from './geometry.ts';
/** Every benchmark by name. A feature adds its entry here. */
export interface BenchContext {
  /** Progress for a person watching; silent under --json. */
  readonly log: (line: string) => void;
}

export type Benchmark = (context: BenchContext) => Promise<Record<string, unknown>>;

export const BENCHMARKS: Record<string, Benchmark> = {
  catalog: async (context) => ({ ...(await withTypeToPaint(withDbImport(runCatalogBench(context), context.log), context.log)) }),
  watch: watchBenchmark,
  collab: collabBenchmark,
  room: async (context) => ({ ...(await benchRoom(context)) }),
  files: filesBenchmark,
  intake: intakeBenchmark,
  swap: async (context) => ({ ...(await swapBenchmark(context)) }),
  geometry: geometryBenchmark,
};
