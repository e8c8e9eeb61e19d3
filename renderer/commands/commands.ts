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
import { EDITOR_COMMANDS } from '../editor/commands.ts';

/** How a command was started: the modifier keys held (a shortcut, a click). */
export interface CommandTrigger {
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export interface Command {
  readonly id: string;
  readonly label: ParseKeys;
  /** In menu notation, e.g. "Mod+Shift+L"; see shortcuts.ts. */
  readonly shortcut?: string;
  /** Further keys that run it (Backspace for Delete, Ctrl+Y for redo). */
  readonly keys?: readonly string[];
  /** An editing command: its keys do nothing while typing in a field. */
  readonly editing?: boolean;
  /** Runs again while its key is held down (nudges). */
  readonly repeat?: boolean;
  /** Listed in the command palette (default true). */
  readonly palette?: boolean;
  isAvailable(state: AppState): boolean;
  perform(state: AppState, trigger?: CommandTrigger): void | Promise<void>;
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
  ...EDITOR_COMMANDS,
];

export function findCommand(id: string): Command | undefined {
  return COMMANDS.find((command) => command.id === id);
}

/** Runs a command by id if it exists and is available now; returns whether it ran. */
export function runCommand(id: string, trigger?: CommandTrigger): boolean {
  const command = findCommand(id);
  const state = useAppStore.getState();
  if (!command || !command.isAvailable(state)) return false;
  void command.perform(state, trigger);
  return true;
}
