/**
 * Commands as named objects: one list feeds keyboard shortcuts, the settings menu, the native
 * menu (through the preload bridge, by id) and, later, the command palette. A feature adds its
 * commands here instead of wiring a key handler of its own.
 */
import type { ParseKeys } from 'i18next';
import { navigate } from '../app/useRoute.ts';
import { savePreferences, signOut } from '../app/studio.ts';
import { useAppStore, type AppState } from '../state/store.ts';
import { resolveScheme } from '../state/uiSlice.ts';

export interface Command {
  readonly id: string;
  readonly label: ParseKeys;
  /** In menu notation, e.g. "Mod+Shift+L"; see shortcuts.ts. */
  readonly shortcut?: string;
  isAvailable(state: AppState): boolean;
  perform(state: AppState): void | Promise<void>;
}

const signedIn = (state: AppState) => state.sessionStatus === 'signed-in';

export const COMMANDS: readonly Command[] = [
  {
    id: 'app.home',
    label: 'commands.goHome',
    shortcut: 'Mod+Shift+H',
    isAvailable: signedIn,
    perform: () => navigate({ name: 'home' }),
  },
  {
    id: 'view.toggleTheme',
    label: 'commands.toggleTheme',
    shortcut: 'Mod+Shift+L',
    isAvailable: () => true,
    perform: (state) => savePreferences({ theme: resolveScheme(state.theme, state.systemScheme) === 'dark' ? 'light' : 'dark' }),
  },
  {
    id: 'settings.toggleUnits',
    label: 'commands.toggleUnits',
    isAvailable: signedIn,
    perform: (state) => savePreferences({ units: state.preferences.units === 'metric' ? 'imperial' : 'metric' }),
  },
  {
    id: 'app.signOut',
    label: 'commands.signOut',
    isAvailable: signedIn,
    perform: () => signOut(),
  },
];

export function findCommand(id: string): Command | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** Runs a command by id if it exists and is available now; returns whether it ran. */
export function runCommand(id: string): boolean {
  const command = findCommand(id);
  const state = useAppStore.getState();
  if (!command || !command.isAvailable(state)) return false;
  void command.perform(state);
  return true;
}
