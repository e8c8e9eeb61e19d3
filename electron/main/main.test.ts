/**
 * Boots the bundled main process (dist/electron/main.cjs as scripts/build-electron.ts makes it)
 * against a stand-in for the `electron` module, so the lifecycle is checked where the Electron
 * binary cannot be installed: the real embedded server starts on loopback, the window loads it
 * with secure preferences, only requests carrying the launch secret are answered, and quitting
 * closes the server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BRIDGE_CHANNELS } from '../../core/bridge.ts';
import { buildElectron } from '../../scripts/build-electron.ts';
import { LAUNCH_SECRET_HEADER, secureWebPreferences } from './security.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

type Callback<T> = (response: T) => void;
type HeadersListener = (details: { url: string; requestHeaders: Record<string, string> }, callback: Callback<{ requestHeaders?: Record<string, string> }>) => void;
type ResponseListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: Callback<{ responseHeaders?: Record<string, string[]> }>) => void;

/** Records what main does with Electron; implements just the calls main makes. */
function fakeElectron(userData: string) {
  const record = {
    windows: [] as { options: { webPreferences?: Record<string, unknown> }; url?: string }[],
    handledChannels: [] as string[],
    menuTemplate: undefined as unknown,
    beforeSendHeaders: undefined as HeadersListener | undefined,
    headersReceived: undefined as ResponseListener | undefined,
    permissionCheck: undefined as ((contents: unknown, permission: string, origin: string) => boolean) | undefined,
    quitCalls: 0,
    exitCode: undefined as number | undefined,
    errors: [] as string[],
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: (name: string) => (name === 'userData' ? userData : tmpdir()),
    setPath: () => {},
    getAppPath: () => PROJECT_ROOT,
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    quit: () => {
      record.quitCalls += 1;
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
    },
    exit: (code: number) => void (record.exitCode = code),
  });
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => record.windows;
    readonly webContents = Object.assign(new EventEmitter(), { send: () => {}, setWindowOpenHandler: () => {} });
    private readonly entry: (typeof record.windows)[number];
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      super();
      this.entry = { options };
      record.windows.push(this.entry);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
    isMinimized = () => false;
  }
  const electron = {
    app,
    BrowserWindow,
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => void (record.menuTemplate = menu) },
    ipcMain: { handle: (channel: string) => void record.handledChannels.push(channel), removeHandler: () => {} },
    session: {
      defaultSession: {
        webRequest: {
          onBeforeSendHeaders: (listener: HeadersListener) => void (record.beforeSendHeaders = listener),
          onHeadersReceived: (listener: ResponseListener) => void (record.headersReceived = listener),
        },
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: (handler: typeof record.permissionCheck) => void (record.permissionCheck = handler),
      },
    },
    dialog: { showErrorBox: (title: string, message: string) => void record.errors.push(`${title}: ${message}`) },
    shell: { openExternal: () => Promise.resolve() },
    Notification: { isSupported: () => false },
  };
  return { electron, app, record };
}

const ask = <T>(listener: (details: never, callback: Callback<T>) => void, details: unknown): T => {
  let answer: T | undefined;
  listener(details as never, (response) => (answer = response));
  assert.ok(answer, 'the listener answered');
  return answer;
};

async function waitFor<T>(read: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the bundled main process, against a stand-in Electron', () => {
  let scratch = '';
  let fake: ReturnType<typeof fakeElectron>;
  let windowUrl = '';
  const originalRequire = Module.prototype.require;
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };

  before(async () => {
    // Inside the project, so the bundle resolves its npm packages from node_modules as it will in the app.
    await mkdir(path.join(PROJECT_ROOT, 'dist'), { recursive: true });
    scratch = await mkdtemp(path.join(PROJECT_ROOT, 'dist', '.main-test-'));
    const { mainFile } = await buildElectron({ outdir: path.join(scratch, 'electron') });
    fake = fakeElectron(path.join(scratch, 'user-data'));
    const stand_in = fake.electron;
    Module.prototype.require = function requireWithFakeElectron(this: NodeJS.Module, id: string) {
      return id === 'electron' ? stand_in : originalRequire.call(this, id);
    } as NodeJS.Require;
    process.env.ATELIER_LOG_LEVEL = 'silent';
    createRequire(import.meta.url)(mainFile);
    windowUrl = await waitFor(() => fake.record.windows[0]?.url ?? (fake.record.errors.length > 0 ? `error: ${fake.record.errors.join()}` : undefined), 'the window to load');
  });

  after(async () => {
    Module.prototype.require = originalRequire;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal)) if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
    }
    if (fake && fake.record.quitCalls === 0) fake.app.quit();
    await rm(scratch, { recursive: true, force: true });
  });

  it('opens one window on the embedded server, on loopback', () => {
    assert.match(windowUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(fake.record.windows.length, 1);
  });

  it('gives the window the secure preferences and the bundled preload', () => {
    const preferences = fake.record.windows[0]?.options.webPreferences;
    assert.deepEqual(preferences, secureWebPreferences(path.join(PROJECT_ROOT, 'dist', 'electron', 'preload.cjs')));
  });

  it('registers the bridge handlers and the native menu', () => {
    assert.deepEqual(fake.record.handledChannels.sort(), [BRIDGE_CHANNELS.openExternal, BRIDGE_CHANNELS.pickImages, BRIDGE_CHANNELS.saveFile, BRIDGE_CHANNELS.showNotification].sort());
    assert.ok(Array.isArray(fake.record.menuTemplate) && fake.record.menuTemplate.length >= 4);
  });

  it('sets the CSP on the app’s responses and allows notifications only from it', () => {
    assert.ok(fake.record.headersReceived && fake.record.permissionCheck);
    const response = ask(fake.record.headersReceived, { url: `${windowUrl}/`, responseHeaders: {} });
    assert.match(response.responseHeaders?.['Content-Security-Policy']?.[0] ?? '', /connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
    assert.equal(fake.record.permissionCheck({}, 'notifications', windowUrl), true);
    assert.equal(fake.record.permissionCheck({}, 'geolocation', windowUrl), false);
  });

  it('adds the launch secret the server demands, and the server refuses requests without it', async () => {
    assert.ok(fake.record.beforeSendHeaders);
    const url = `${windowUrl}/api/openapi.json`;
    const { requestHeaders = {} } = ask(fake.record.beforeSendHeaders, { url, requestHeaders: {} });
    assert.match(requestHeaders[LAUNCH_SECRET_HEADER] ?? '', /^[0-9a-f]{64}$/);
    assert.equal((await fetch(url, { headers: requestHeaders })).status, 200);
    assert.equal((await fetch(url)).status, 403);
    const { requestHeaders: elsewhere = {} } = ask(fake.record.beforeSendHeaders, { url: 'https://retailer.example/', requestHeaders: {} });
    assert.equal(elsewhere[LAUNCH_SECRET_HEADER], undefined);
  });

  it('closes the server when the app quits', async () => {
    fake.app.quit();
    await waitFor(() => (fake.record.quitCalls >= 2 ? true : undefined), 'the second quit after the server closed');
    await assert.rejects(fetch(`${windowUrl}/api/openapi.json`));
  });
});
