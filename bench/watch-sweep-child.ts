/**
 * The sweep in a process of its own, as `atelier watch run` runs it, so its peak memory can be
 * read apart from the benchmark's (which holds the feed and the setup's leftovers).
 * Usage: node [--max-old-space-size=MB] bench/watch-sweep-child.ts DATA_DIR AS_OF [WORKERS] → one JSON line.
 */
import { sweepAll } from '../server/watch/sweep-parallel.ts';

const [dataDir, asOf, workers] = process.argv.slice(2);
const start = performance.now();
const report = await sweepAll({ dataDir: dataDir! }, { asOf: asOf!, now: new Date(asOf!), workers: workers ? Number(workers) : undefined });
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, watchesChecked: report.watchesChecked, workers: report.workers, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
