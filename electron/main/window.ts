/**
 * Wires the decisions of security.ts into Electron: the session (CSP, launch secret,
 * permissions), every web contents (navigation, new windows, webviews) and the one window.
 */
import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import { contentSecurityPolicy, isNavigationAllowed, isSafeExternalUrl, permissionDecision, secureWebPreferences, windowOpenDecision, withLaunchSecret } from './security.ts';

export interface AppServerIdentity {
  /** http://127.0.0.1:PORT of the embedded server. */
  readonly appOrigin: string;
  readonly launchSecret: string;
}

export function hardenSession(target: Session, { appOrigin, launchSecret }: AppServerIdentity): void {
  const policy = contentSecurityPolicy(appOrigin);
  target.webRequest.onHeadersReceived((details, callback) => {
    // Only our own documents need the policy; other responses (devtools, blocked requests) keep theirs.
    if (!isNavigationAllowed(details.url, appOrigin)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  target.webRequest.onBeforeSendHeaders((details, callback) => {
    callback({ requestHeaders: withLaunchSecret(details.url, details.requestHeaders, appOrigin, launchSecret) });
  });
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl, appOrigin));
  });
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin, appOrigin));
}

function openInBrowser(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(new URL(url).href).catch((error: unknown) => console.warn(`[atelier] could not open ${url} in the browser`, error));
}

/** Applied to every web contents the app creates, so no window or frame escapes the rules. */
export function guardWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url, appOrigin)) return;
    event.preventDefault();
    // A plain link to a retailer's page still reaches the customer, in their own browser.
    openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openInBrowser(url);
    return { action: decision.action };
  });
}

export function createMainWindow(options: { url: string; preloadPath: string }): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Atelier',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    backgroundColor: '#f6f3ee',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) console.error(`[atelier] the window could not load ${url}: ${description} (${code})`);
  });
  void window.loadURL(options.url);
  return window;
}
