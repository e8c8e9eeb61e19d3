/**
 * The main-process side of the preload bridge: one `invoke` handler per channel in core's
 * BRIDGE_CHANNELS. Every call is checked twice before it does anything — the sender must be the
 * top frame of a page on the app's origin, and the arguments must match the channel's schema.
 * Native work is behind `NativeServices` (Electron's dialog, shell, Notification, the file
 * system; see native.ts), so the handlers are tested here with fakes.
 */
import { z } from 'zod';
import { BRIDGE_CHANNELS, type NotificationRequest, type PickedFile } from '../../core/bridge.ts';
import { MAX_IMAGE_BYTES, MAX_SAVE_BYTES, fileNameOf, formatMegabytes, imageMimeTypeOf, safeFileName } from './files.ts';
import { isSafeExternalUrl, isTrustedSender } from './security.ts';

export interface NativeServices {
  showNotification(request: NotificationRequest): void;
  openExternal(url: string): Promise<void>;
  /** Absolute paths the user chose in an open dialog for images; empty when cancelled. */
  chooseImagePaths(): Promise<readonly string[]>;
  /** The path the user chose in a save dialog; undefined when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | undefined>;
  fileSize(filePath: string): Promise<number>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, bytes: Uint8Array): Promise<void>;
}

/** Channels the renderer invokes; `menuCommand` is the one main pushes, so it has no handler. */
export type InvokeChannel = Exclude<keyof typeof BRIDGE_CHANNELS, 'menuCommand'>;

export type BridgeHandlers = { readonly [Name in InvokeChannel]: (args: readonly unknown[]) => Promise<unknown> };

const NotificationRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(2000),
});

const SaveFileRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(1000),
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, `the file is larger than ${formatMegabytes(MAX_SAVE_BYTES)}`),
});

const ARGUMENTS = {
  showNotification: z.tuple([NotificationRequestSchema]),
  openExternal: z.tuple([z.string().max(4096)]),
  pickImages: z.tuple([]),
  saveFile: z.tuple([SaveFileRequestSchema]),
} satisfies Record<InvokeChannel, z.ZodType>;

function parseArguments<Name extends InvokeChannel>(name: Name, args: readonly unknown[]): z.infer<(typeof ARGUMENTS)[Name]> {
  const result = ARGUMENTS[name].safeParse(args);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
    throw new Error(`Invalid ${name} request (${problems})`);
  }
  return result.data as z.infer<(typeof ARGUMENTS)[Name]>;
}

async function pickImages(services: NativeServices): Promise<PickedFile[]> {
  const paths = await services.chooseImagePaths();
  const sizes = await Promise.all(paths.map((filePath) => services.fileSize(filePath)));
  const tooLarge = paths.filter((_, i) => (sizes[i] ?? 0) > MAX_IMAGE_BYTES).map(fileNameOf);
  if (tooLarge.length > 0) {
    throw new Error(`${tooLarge.join(', ')} ${tooLarge.length === 1 ? 'is' : 'are'} larger than ${formatMegabytes(MAX_IMAGE_BYTES)}; please pick smaller photos`);
  }
  const picked: PickedFile[] = [];
  for (const filePath of paths) {
    const bytes = await services.readFile(filePath);
    const mimeType = imageMimeTypeOf(bytes);
    if (mimeType === undefined) throw new Error(`${fileNameOf(filePath)} is not a JPEG, PNG, WebP or GIF image`);
    // Checked again after reading: the file may have grown since the size check.
    if (bytes.byteLength > MAX_IMAGE_BYTES) throw new Error(`${fileNameOf(filePath)} is larger than ${formatMegabytes(MAX_IMAGE_BYTES)}`);
    picked.push({ name: fileNameOf(filePath), mimeType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return picked;
}

export function createBridgeHandlers(services: NativeServices): BridgeHandlers {
  return {
    showNotification: async (args) => {
      const [request] = parseArguments('showNotification', args);
      services.showNotification(request);
    },
    openExternal: async (args) => {
      const [url] = parseArguments('openExternal', args);
      if (!isSafeExternalUrl(url)) return false;
      // Open the normalised form of the URL that was checked, not the raw string.
      await services.openExternal(new URL(url).href);
      return true;
    },
    pickImages: async (args) => {
      parseArguments('pickImages', args);
      return pickImages(services);
    },
    saveFile: async (args) => {
      const [request] = parseArguments('saveFile', args);
      const filePath = await services.chooseSavePath(safeFileName(request.suggestedName));
      if (filePath === undefined) return false;
      await services.writeFile(filePath, request.bytes);
      return true;
    },
  };
}

/** The parts of IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Only the top frame of a page on the app's origin may call the bridge; not iframes. */
export function isTrustedInvoke(event: InvokeEventLike, appOrigin: string): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isTrustedSender(frame.url, appOrigin);
  } catch {
    // Electron throws when a frame was disposed while the call was in flight: not trusted.
    return false;
  }
}

function describeSender(event: InvokeEventLike): string {
  try {
    return event.senderFrame?.url ?? 'a destroyed frame';
  } catch {
    return 'a disposed frame';
  }
}

/** Registers every handler behind the sender check; returns a function that removes them. */
export function registerBridgeHandlers(ipcMain: IpcMainLike, appOrigin: string, handlers: BridgeHandlers): () => void {
  const names = Object.keys(handlers) as InvokeChannel[];
  for (const name of names) {
    const channel = BRIDGE_CHANNELS[name];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedInvoke(event, appOrigin)) {
        console.warn(`[atelier] refused ${channel} from an untrusted sender (${describeSender(event)})`);
        throw new Error(`${channel} refused: the request did not come from the Atelier window`);
      }
      return handlers[name](args);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(BRIDGE_CHANNELS[name]);
  };
}
