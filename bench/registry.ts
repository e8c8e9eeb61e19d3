import { runCatalogBench } from './catalog.ts';
import { withDbImport } from './catalog-db.ts';
import { withTypeToPaint } from './catalog-ui.ts';
import { watchBenchmark } from './watch.ts';
import { benchRoom } from './room.ts';
/** Every benchmark by name. A feature adds its entry here. */
export interface BenchContext {
  /** Progress for a person watching; silent under --json. */
  readonly log: (line: string) => void;
}

export type Benchmark = (context: BenchContext) => Promise<Record<string, unknown>>;

export const BENCHMARKS: Record<string, Benchmark> = {
  catalog: async (context) => ({ ...(await withTypeToPaint(withDbImport(runCatalogBench(context), context.log), context.log)) }),
  watch: watchBenchmark,
  room: async (context) => ({ ...(await benchRoom(context)) }),
};
