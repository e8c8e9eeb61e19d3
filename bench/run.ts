/**
 * `npm run bench -- NAME [--json]`: runs one benchmark (or all without a name). Each benchmark
 * measures Atelier against a baseline in the same run and reports ratios, so figures compare
 * across machines. `--json` prints one JSON object per benchmark on stdout.
 */
import { BENCHMARKS } from './registry.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !(n in BENCHMARKS));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${Object.keys(BENCHMARKS).join(', ') || '(none yet)'}`);
  process.exit(2);
}
for (const name of names.length ? names : Object.keys(BENCHMARKS)) {
  const result = await BENCHMARKS[name]!({ log: json ? () => {} : (line: string) => console.error(line) });
  if (json) console.log(JSON.stringify({ benchmark: name, ...result }));
  else console.log(`${name}:`, result);
}
