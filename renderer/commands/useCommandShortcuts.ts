import { useEffect } from 'react';
import { onMenuCommand, isMacPlatform } from '../bridge/native.ts';
import { COMMANDS, runCommand } from './commands.ts';
import { matchesShortcut } from './shortcuts.ts';

/** Connects the command list to the keyboard and to the native menu, once, for the whole app. */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const command = COMMANDS.find((candidate) => candidate.shortcut && matchesShortcut(candidate.shortcut, event, isMac));
      if (command && runCommand(command.id)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    const unsubscribe = onMenuCommand((id) => {
      runCommand(id);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      unsubscribe();
    };
  }, []);
}
