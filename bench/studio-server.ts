/**
 * A studio server for browser benchmarks: `atelier server` on a free port over a data folder,
 * with the demo studio, serving a built renderer. Resolves with its URL once it listens.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const READY = /Atelier (?:server|web app) listening on (http:\/\/\S+)/;

/**
 * The renderer a browser benchmark serves: `ATELIER_RENDERER_DIR` when given (one build shared by
 * several runs), else a fresh build of the current sources into `workDir` — never a `dist/` left
 * over from an older checkout.
 */
export function benchRenderer(workDir: string, log: (line: string) => void, name: string): string {
  const given = process.env.ATELIER_RENDERER_DIR;
  if (given) return given;
  log(`${name}: building the renderer`);
  const dir = join(workDir, 'renderer');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'ignore' });
  return dir;
}

export async function startStudioServer(dataDir: string, staticDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['server/main.ts', 'server', '--port', '0', '--data', dataDir, '--demo', '--static', staticDir], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the server did not start\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const match = READY.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`the server exited (${code})\n${log}`)));
  });
  return { child, url };
}

export async function stopStudioServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
