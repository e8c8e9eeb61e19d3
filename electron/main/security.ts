/**
 * Every security decision the Electron main process makes, as pure functions. `window.ts` wires
 * them into Electron's hooks; the unit tests beside this file pin each allowed and denied case.
 * Follows Electron's security checklist: isolate and sandbox the renderer, a strict CSP, no
 * navigation or new windows, permissions denied unless listed, IPC only from our own frame.
 */
import type { WebPreferences } from 'electron';

/**
 * Header carrying the per-launch secret; the embedded server refuses requests without it, so
 * another local program cannot talk to this user's studio server. Must match the server's
 * `LAUNCH_SECRET_HEADER` (server/http/app.ts); launch-secret.test.ts checks the two agree.
 */
export const LAUNCH_SECRET_HEADER = 'x-atelier-launch-secret';

/** The only permissions a page may be granted, and only when it is the app's own origin. */
const PERMISSIONS_ALLOWED_FOR_APP = new Set<string>(['notifications']);

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Off because on Windows and Linux Chromium downloads spellcheck dictionaries from a Google
    // server: a network call the customer did not ask for, and one that fails offline.
    spellcheck: false,
    // Dropping a file on the window must reach the page's drop handler, not navigate to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
    enableWebSQL: false,
  };
}

/** The server's origin as http://host:port, refusing anything that is not an http(s) origin. */
function httpOrigin(serverOrigin: string): URL {
  const url = new URL(serverOrigin);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`The studio server origin must be http(s), got ${serverOrigin}`);
  }
  return url;
}

export function contentSecurityPolicy(serverOrigin: string): string {
  const url = httpOrigin(serverOrigin);
  const webSocketOrigin = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // Designers attach short video notes to deliveries; they play from blob: URLs.
    "media-src 'self' blob:",
    `connect-src 'self' ${webSocketOrigin} ${url.origin}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The origin of a URL, or undefined when it does not parse or has none (file:, data:, about:). */
function originOf(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

function isSameOrigin(url: string | undefined | null, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== undefined && origin === originOf(appOrigin);
}

/** The window may only move within the app's own origin (reloads, client-side routes). */
export function isNavigationAllowed(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

/**
 * The single check every link leaving the app passes: a well-formed https URL without
 * credentials. Refuses javascript:, file:, http:, custom protocols and user:pass@ URLs.
 */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

export interface WindowOpenDecision {
  readonly action: 'deny';
  /** Whether to hand the URL to the system browser instead. */
  readonly openExternally: boolean;
}

/** The app never opens a second Electron window; safe links go to the system browser. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isSafeExternalUrl(url) };
}

export function permissionDecision(permission: string, requestingOrigin: string | undefined, appOrigin: string): boolean {
  return PERMISSIONS_ALLOWED_FOR_APP.has(permission) && isSameOrigin(requestingOrigin, appOrigin);
}

/**
 * IPC is answered only for a frame showing the app's own origin (after VS Code's
 * validatedIpcMain): a frame that navigated elsewhere, or a destroyed one, gets nothing.
 */
export function isTrustedSender(senderFrameUrl: string | undefined | null, appOrigin: string): boolean {
  return isSameOrigin(senderFrameUrl, appOrigin);
}

/** ws://host:port is the same server as http://host:port (and wss: as https:). */
function httpEquivalentOrigin(requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  return originOf(url.href);
}

export type RequestHeaders = Record<string, string>;

/**
 * Adds the launch secret to requests for the app's own server (pages, API, WebSocket upgrade)
 * and to nothing else, so the secret never leaves the machine. A header of the same name that
 * the page set itself is replaced, whatever its case.
 */
export function withLaunchSecret(requestUrl: string, headers: RequestHeaders, appOrigin: string, secret: string): RequestHeaders {
  const origin = httpEquivalentOrigin(requestUrl);
  if (origin === undefined || origin !== originOf(appOrigin)) return headers;
  const result: RequestHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== LAUNCH_SECRET_HEADER) result[name] = value;
  }
  result[LAUNCH_SECRET_HEADER] = secret;
  return result;
}
