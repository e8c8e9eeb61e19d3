/**
 * Builds the object the preload exposes as `window.atelier`: core's AtelierBridge, one named
 * function per channel. The renderer never gets ipcRenderer, an IPC event or a way to pick a
 * channel; arguments are copied field by field so nothing else rides along.
 */
import { type AtelierBridge, BRIDGE_CHANNELS, type NotificationRequest, type PickedFile, type SaveFileRequest } from '../../core/bridge.ts';

/** The parts of Electron's ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function bridgePlatform(nodePlatform: string): AtelierBridge['platform'] {
  return nodePlatform === 'darwin' || nodePlatform === 'win32' || nodePlatform === 'linux' ? nodePlatform : 'other';
}

export function createAtelierBridge(ipc: BridgeIpc, nodePlatform: string): AtelierBridge {
  return {
    platform: bridgePlatform(nodePlatform),

    async showNotification(request: NotificationRequest): Promise<void> {
      await ipc.invoke(BRIDGE_CHANNELS.showNotification, { title: request.title, body: request.body });
    },

    async openExternal(url: string): Promise<boolean> {
      return (await ipc.invoke(BRIDGE_CHANNELS.openExternal, url)) === true;
    },

    async pickImages(): Promise<PickedFile[]> {
      return (await ipc.invoke(BRIDGE_CHANNELS.pickImages)) as PickedFile[];
    },

    async saveFile(request: SaveFileRequest): Promise<boolean> {
      return (await ipc.invoke(BRIDGE_CHANNELS.saveFile, { suggestedName: request.suggestedName, bytes: request.bytes })) === true;
    },

    onMenuCommand(listener: (commandId: string) => void): () => void {
      // The IPC event stays here: handing it to the page would hand over `event.sender`.
      const relay = (_event: unknown, commandId: unknown) => {
        if (typeof commandId === 'string') listener(commandId);
      };
      ipc.on(BRIDGE_CHANNELS.menuCommand, relay);
      return () => {
        ipc.removeListener(BRIDGE_CHANNELS.menuCommand, relay);
      };
    },
  };
}
