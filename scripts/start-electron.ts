/**
 * `npm start`: runs the Electron binary on the built app (npm start builds first). Where the
 * binary could not be downloaded — offline installs, CI with ELECTRON_SKIP_BINARY_DOWNLOAD —
 * it says so and how to go on, instead of a stack trace.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');

/** The path of the Electron executable, or undefined when it was never downloaded. */
export function electronBinaryPath(): string | undefined {
  try {
    // The `electron` package exports the executable's path; it throws when the download was skipped.
    const executable: unknown = createRequire(import.meta.url)('electron');
    return typeof executable === 'string' && existsSync(executable) ? executable : undefined;
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (import.meta.main) {
  const executable = electronBinaryPath();
  if (!executable) {
    fail(
      [
        'The Electron binary is not installed: its download was skipped or blocked when node_modules was installed.',
        '  • With network access: run `npm rebuild electron` (and make sure ELECTRON_SKIP_BINARY_DOWNLOAD is not set), then `npm start` again.',
        '  • Without it: run `npm run web` and open the printed address in a browser — the same app, served by the same studio server.',
      ].join('\n'),
    );
  }
  if (!existsSync(path.join(PROJECT_ROOT, 'dist', 'electron', 'main.cjs'))) {
    fail('dist/electron/main.cjs is missing: run `npm run build` first (`npm start` does both).');
  }

  const env = { ...process.env };
  // Set in the parent shell, this would make Electron behave as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, [PROJECT_ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: PROJECT_ROOT });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => fail(`Could not start Electron (${executable}): ${error.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
