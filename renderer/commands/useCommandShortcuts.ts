import { useEffect } from 'react';
import { onMenuCommand, isMacPlatform } from '../bridge/native.ts';
import { COMMANDS, runCommand } from './commands.ts';
import { matchesShortcut } from './shortcuts.ts';

/** Text fields, selects and editable content keep their own keys (Backspace, arrows, Ctrl+Z). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset', 'color'].includes(target.type);
}

/** Connects the command list to the keyboard and to the native menu, once, for the whole app. */
export function useCommandShortcuts(): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const typing = isTypingTarget(event.target);
      const command = COMMANDS.find((candidate) => [candidate.shortcut, ...(candidate.keys ?? [])].some((keys) => keys && matchesShortcut(keys, event, isMac)));
      if (!command || (event.repeat && !command.repeat) || (typing && command.editing)) return;
      if (runCommand(command.id, { shiftKey: event.shiftKey, altKey: event.altKey })) event.preventDefault();
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
