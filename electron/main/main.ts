/**
 * The Electron main process: lifecycle only. One instance; a fresh secret per launch; the
 * embedded studio server on a random loopback port; one hardened window showing it; the server
 * closed cleanly before the app quits. Decisions live in security.ts, menu.ts and ipc.ts.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, session } from 'electron';
import { BRIDGE_CHANNELS } from '../../core/bridge.ts';
import { startStudioServer } from '../../server/start.ts';
import { createBridgeHandlers, registerBridgeHandlers } from './ipc.ts';
import { buildMenuTemplate } from './menu.ts';
import { electronNativeServices } from './native.ts';
import { createMainWindow, guardWebContents, hardenSession } from './window.ts';

type StudioServer = Awaited<ReturnType<typeof startStudioServer>>;

/** How long the server gets to finish requests and close the database before the app exits anyway. */
const SHUTDOWN_GRACE_MS = 5000;

// Tests and a second profile run against their own folder instead of the user's real data.
if (process.env.ATELIER_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.ATELIER_USER_DATA_DIR));

// Every renderer is sandboxed, whatever a window's own preferences say.
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let server: StudioServer | undefined;
let shutdown: 'running' | 'closing' | 'closed' = 'running';

/** Paths inside the app (the project folder in development, app.asar when packaged). */
const appPath = (...segments: string[]) => path.join(app.getAppPath(), ...segments);

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(url: string): void {
  const window = createMainWindow({ url, preloadPath: appPath('dist', 'electron', 'preload.cjs') });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  mainWindow = window;
}

async function closeServer(): Promise<void> {
  if (!server) return;
  const closing = server.close();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
  await Promise.race([closing, timeout]).catch((error: unknown) => console.error('[atelier] the studio server did not close cleanly', error));
}

async function start(): Promise<void> {
  await app.whenReady();

  const launchSecret = randomBytes(32).toString('hex');
  server = await startStudioServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: path.join(app.getPath('userData'), 'data'),
    staticDir: appPath('dist', 'renderer'),
    launchSecret,
    demo: process.env.ATELIER_DEMO === '1',
    logLevel: process.env.ATELIER_LOG_LEVEL ?? (app.isPackaged ? 'warn' : 'info'),
  });
  const appOrigin = new URL(server.url).origin;

  hardenSession(session.defaultSession, { appOrigin, launchSecret });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));
  registerBridgeHandlers(ipcMain, appOrigin, createBridgeHandlers(electronNativeServices(() => mainWindow)));

  const sendMenuCommand = (commandId: string) => mainWindow?.webContents.send(BRIDGE_CHANNELS.menuCommand, commandId);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, sendMenuCommand, { showDeveloperTools: !app.isPackaged })));

  const serverUrl = server.url;
  openMainWindow(serverUrl);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow(serverUrl);
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Atelier is running on this profile; it is told to come forward (second-instance).
  app.quit();
} else {
  app.on('second-instance', showMainWindow);

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (!server || shutdown === 'closed') return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    void closeServer().finally(() => {
      shutdown = 'closed';
      app.quit();
    });
  });

  // Ctrl+C in the terminal during development closes the database cleanly too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  start().catch(async (error: unknown) => {
    console.error('[atelier] failed to start', error);
    dialog.showErrorBox('Atelier could not start', error instanceof Error ? error.message : String(error));
    await closeServer();
    app.exit(1);
  });
}
