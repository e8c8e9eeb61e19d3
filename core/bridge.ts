/**
 * The contract of the preload bridge: the only things the renderer may ask of the Electron main
 * process. Named functions only — never a generic `send(channel, …)`. The renderer checks
 * `window.atelier` and falls back to browser APIs when it is absent (web mode).
 */
export interface NotificationRequest {
  readonly title: string;
  readonly body: string;
}

export interface PickedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export interface SaveFileRequest {
  readonly suggestedName: string;
  readonly bytes: Uint8Array;
}

export interface AtelierBridge {
  readonly platform: 'darwin' | 'win32' | 'linux' | 'other';
  showNotification(request: NotificationRequest): Promise<void>;
  /** Opens an https link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<boolean>;
  pickImages(): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<boolean>;
  /** Subscribes to native-menu commands (ids of the renderer's command list); returns an unsubscribe. */
  onMenuCommand(listener: (commandId: string) => void): () => void;
}

/** IPC channel names, one per bridge function. Main validates the sender of each. */
export const BRIDGE_CHANNELS = {
  showNotification: 'atelier:show-notification',
  openExternal: 'atelier:open-external',
  pickImages: 'atelier:pick-images',
  saveFile: 'atelier:save-file',
  menuCommand: 'atelier:menu-command',
} as const;

export type BridgeChannel = (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS];

/** Menu entries the native menu shows; ids match renderer command ids. */
export const MENU_COMMANDS = [
  { id: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  { id: 'edit.redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  { id: 'edit.duplicate', label: 'Duplicate', accelerator: 'CmdOrCtrl+D' },
  { id: 'edit.delete', label: 'Delete', accelerator: 'Delete' },
  { id: 'view.plan', label: 'Plan view', accelerator: 'CmdOrCtrl+1' },
  { id: 'view.perspective', label: '3D view', accelerator: 'CmdOrCtrl+2' },
  { id: 'view.palette', label: 'Command palette…', accelerator: 'CmdOrCtrl+K' },
] as const;

declare global {
  interface Window {
    atelier?: AtelierBridge;
  }
}
