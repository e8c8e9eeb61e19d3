import { runCatalogBench } from './catalog.ts';
/** Every benchmark by name. A feature adds its entry here. */
export interface BenchContext {
  /** Progress for a person watching; silent under --json. */
  readonly log: (line: string) => void;
}

export type Benchmark = (context: BenchContext) => Promise<Record<string, unknown>>;

export const BENCHMARKS: Record<string, Benchmark> = {
  catalog: async (context) => ({ ...(await runCatalogBench(context)) }),
};
