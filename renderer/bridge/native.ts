/**
 * Native capabilities through the Electron preload bridge (`window.atelier`, contract in
 * core/bridge.ts) with browser fallbacks, so the same renderer runs in any browser.
 */
import type { AtelierBridge, NotificationRequest } from '../../core/bridge.ts';

function bridge(): AtelierBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.atelier;
}

export function isDesktopApp(): boolean {
  return bridge() !== undefined;
}

export function isMacPlatform(): boolean {
  const native = bridge();
  if (native) return native.platform === 'darwin';
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/**
 * Shows a system notification. In a browser it uses the Notification API only when the person
 * has already allowed it: we never prompt for permission out of the blue.
 */
export async function notify(request: NotificationRequest): Promise<boolean> {
  const native = bridge();
  if (native) {
    await native.showNotification(request);
    return true;
  }
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification(request.title, { body: request.body });
    return true;
  }
  return false;
}

/** Opens an https link outside the app (the system browser, or a new tab). */
export async function openExternal(url: string): Promise<boolean> {
  if (!/^https:\/\//i.test(url)) return false;
  const native = bridge();
  if (native) return native.openExternal(url);
  return window.open(url, '_blank', 'noopener,noreferrer') !== null;
}

/** Native-menu commands (desktop only); in a browser there is no native menu, so nothing arrives. */
export function onMenuCommand(listener: (commandId: string) => void): () => void {
  const native = bridge();
  return native ? native.onMenuCommand(listener) : () => {};
}
