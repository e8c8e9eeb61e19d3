/**
 * Fixtures for the end-to-end tests: each spec file gets the real studio server on a free port
 * with a fresh temporary data folder and the demo studio, serving the built renderer
 * (`npm run build:renderer` first; `npm run test:e2e` does). Tests get its URL as `baseURL`.
 */
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppShell } from './pages/AppShell.ts';
import { HomePage } from './pages/HomePage.ts';
import { ProjectPage } from './pages/ProjectPage.ts';
import { SignInPage } from './pages/SignInPage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const READY = /Atelier (?:server|web app) listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 45_000;

export const DEMO = {
  admin: { email: 'admin@atelier.test', password: 'atelier-demo-admin' },
  designer: { email: 'designer@atelier.test', password: 'atelier-demo-designer' },
  customer: { email: 'customer@atelier.test', password: 'atelier-demo-customer' },
  support: { email: 'support@atelier.test', password: 'atelier-demo-support' },
} as const;

export const DEMO_PROJECT = "Maya's living room";

export interface StudioServer {
  readonly url: string;
  readonly dataDir: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
}

/** The project's pinned Node (type stripping needs Node ≥ 22.6), else the one running the tests. */
function nodeBinary(): string {
  const pinned = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // ATELIER_RENDERER_DIR lets parallel work build and test its own renderer copy.
  const staticDir = process.env.ATELIER_RENDERER_DIR ?? path.join(ROOT, 'dist', 'renderer');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}/index.html is missing): run \`npm run build:renderer\` first.`);
  }
  const child = spawn(nodeBinary(), ['server/main.ts', 'server', '--port', '0', '--data', dataDir, '--demo', '--static', staticDir], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const output = () => log;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start within ${START_TIMEOUT_MS / 1000} s.\n${log}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = READY.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`The server exited before it was ready (code ${code}, signal ${signal}).\n${log}`));
    });
  });
  return { child, url, output };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

interface PageObjects {
  readonly signInPage: SignInPage;
  readonly shell: AppShell;
  readonly homePage: HomePage;
  readonly projectPage: ProjectPage;
}

/**
 * One studio server per spec file: a file's tests share it (they run in order and may build on
 * each other), but no file sees what another did to the demo studio (an approval, a deleted
 * account). The worker keeps the current file's server and replaces it when the file changes.
 */
interface StudioPool {
  serverFor(file: string): Promise<StudioServer>;
}

export const test = base.extend<PageObjects & { studio: StudioServer }, { studios: StudioPool }>({
  studios: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
    async ({}, use) => {
      let current: { file: string; server: StudioServer; child: ChildProcess } | null = null;
      const close = async () => {
        if (!current) return;
        const { child, server } = current;
        current = null;
        await stopServer(child);
        await rm(server.dataDir, { recursive: true, force: true });
      };
      await use({
        async serverFor(file) {
          if (current?.file === file) return current.server;
          await close();
          const dataDir = await mkdtemp(path.join(tmpdir(), 'atelier-e2e-'));
          const started = await startServer(dataDir);
          current = { file, child: started.child, server: { url: started.url, dataDir, output: started.output } };
          return current.server;
        },
      });
      await close();
    },
    { scope: 'worker', timeout: 30_000 },
  ],
  studio: [
    async ({ studios }, use, testInfo) => {
      await use(await studios.serverFor(testInfo.file));
    },
    { timeout: START_TIMEOUT_MS + 15_000 },
  ],
  baseURL: async ({ studio }, use) => {
    await use(studio.url);
  },
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  shell: async ({ page }, use) => {
    await use(new AppShell(page));
  },
  homePage: async ({ page }, use) => {
    await use(new HomePage(page));
  },
  projectPage: async ({ page }, use) => {
    await use(new ProjectPage(page));
  },
});

export { expect };
