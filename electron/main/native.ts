/**
 * The real `NativeServices` behind the bridge handlers: Electron's Notification, shell and
 * dialogs, and the file system. Deliberately thin — every decision is made in ipc.ts.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, Notification, app, dialog, shell } from 'electron';
import { IMAGE_EXTENSIONS } from './files.ts';
import type { NativeServices } from './ipc.ts';

export function electronNativeServices(getWindow: () => BrowserWindow | undefined): NativeServices {
  // Held until closed: a notification that is garbage-collected loses its click handler.
  const shown = new Set<Notification>();

  const focusWindow = () => {
    const window = getWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  return {
    showNotification({ title, body }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      shown.add(notification);
      notification.on('click', focusWindow);
      notification.on('close', () => shown.delete(notification));
      notification.show();
    },

    openExternal: (url) => shell.openExternal(url),

    async chooseImagePaths() {
      const options: Electron.OpenDialogOptions = {
        title: 'Choose photos',
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'Images', extensions: [...IMAGE_EXTENSIONS] }],
      };
      const window = getWindow();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },

    async chooseSavePath(suggestedName) {
      const options: Electron.SaveDialogOptions = { defaultPath: path.join(app.getPath('downloads'), suggestedName) };
      const window = getWindow();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },

    fileSize: async (filePath) => (await stat(filePath)).size,
    readFile: (filePath) => readFile(filePath),
    writeFile: (filePath, bytes) => writeFile(filePath, bytes),
  };
}
