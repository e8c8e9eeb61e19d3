/**
 * Keyboard shortcuts written the way menus show them ("Mod+Shift+L"): `Mod` is ⌘ on macOS and
 * Ctrl elsewhere. Pure, so matching is unit-tested without a DOM.
 */
export interface KeyStroke {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export function matchesShortcut(shortcut: string, event: KeyStroke, isMac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()?.toLowerCase();
  if (!key) return false;
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const mod = wants.has('mod');
  const ctrl = wants.has('ctrl') || (mod && !isMac);
  const meta = wants.has('meta') || (mod && isMac);
  return event.key.toLowerCase() === key && event.ctrlKey === ctrl && event.metaKey === meta && event.shiftKey === wants.has('shift') && event.altKey === wants.has('alt');
}

/** "Mod+Shift+L" as a person reads it on this platform: "⌘⇧L" or "Ctrl+Shift+L". */
export function displayShortcut(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split('+');
  if (isMac) {
    const symbols: Record<string, string> = { mod: '⌘', meta: '⌘', ctrl: '⌃', shift: '⇧', alt: '⌥' };
    return parts.map((part) => symbols[part.toLowerCase()] ?? part.toUpperCase()).join('');
  }
  return parts.map((part) => (part.toLowerCase() === 'mod' ? 'Ctrl' : part.length === 1 ? part.toUpperCase() : part)).join('+');
}
