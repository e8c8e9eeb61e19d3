/** Process entry for `npm run server` / `npm run web`: the same commands as the `atelier` CLI. */
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
