/**
 * The native menu, built from core's MENU_COMMANDS so the menu, the renderer's shortcuts and its
 * command palette share one list. A command's id prefix picks its menu (`edit.undo` → Edit).
 * Clicking an entry sends the id to the renderer, which performs the command.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS } from '../../core/bridge.ts';

export interface MenuOptions {
  /** Reload and developer tools, for unpackaged development builds only. */
  readonly showDeveloperTools?: boolean;
}

type MenuSection = 'file' | 'edit' | 'view' | 'window' | 'help';

const separator: MenuItemConstructorOptions = { type: 'separator' };

function commandItems(section: MenuSection, platform: NodeJS.Platform, sendCommand: (commandId: string) => void): MenuItemConstructorOptions[] {
  return MENU_COMMANDS.filter((command) => command.id.startsWith(`${section}.`)).map((command) => ({
    id: command.id,
    label: command.label,
    accelerator: command.accelerator,
    // On Windows and Linux the menu only shows the shortcut: the renderer's own keyboard handling
    // performs it, exactly as in a browser, so a key press never runs a command twice and
    // Delete or Ctrl+Z inside a text field stays with the text field. (macOS ignores this flag;
    // there the menu sees a key only when the page did not preventDefault it.)
    registerAccelerator: platform === 'darwin',
    click: () => sendCommand(command.id),
  }));
}

/** Nothing but separators at the edges or side by side. */
function tidy(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const result: MenuItemConstructorOptions[] = [];
  for (const item of items) {
    const previous = result.at(-1);
    if (item.type === 'separator' && (previous === undefined || previous.type === 'separator')) continue;
    result.push(item);
  }
  while (result.at(-1)?.type === 'separator') result.pop();
  return result;
}

export function buildMenuTemplate(platform: NodeJS.Platform, sendCommand: (commandId: string) => void, options: MenuOptions = {}): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const commands = (section: MenuSection) => commandItems(section, platform, sendCommand);

  const appMenu: MenuItemConstructorOptions = {
    label: 'Atelier',
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, { role: 'quit' }],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: tidy([...commands('file'), separator, isMac ? { role: 'close' } : { role: 'quit' }]),
  };

  // The clipboard roles stay native: text fields need them, and on macOS copy and paste do not
  // work at all without them.
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: tidy([...commands('edit'), separator, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []), { role: 'selectAll' }]),
  };

  const developerItems: MenuItemConstructorOptions[] = options.showDeveloperTools ? [separator, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: tidy([...commands('view'), ...developerItems, separator, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }]),
  };

  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: tidy([...commands('window'), separator, { role: 'minimize' }, ...(isMac ? [{ role: 'zoom' } as const, separator, { role: 'front' } as const] : [{ role: 'close' } as const])]),
  };

  // On macOS "About" lives in the app menu, so Help holds only help commands, when there are any.
  const helpItems = tidy([...commands('help'), ...(isMac ? [] : [separator, { role: 'about' } as const])]);
  const helpMenu: MenuItemConstructorOptions[] = helpItems.length > 0 ? [{ role: 'help', submenu: helpItems }] : [];

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, ...helpMenu];
}
