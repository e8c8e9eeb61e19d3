/**
 * Rules for files crossing the bridge: which images may be picked and how big, what a picked
 * file really is (by its bytes, not its name), and a safe name to suggest when saving.
 */
import path from 'node:path';

/** Room photos larger than this are refused; a phone photo is a few megabytes. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Exports (PDF, shopping lists, project archives) larger than this are refused. */
export const MAX_SAVE_BYTES = 512 * 1024 * 1024;

/** Offered in the open dialog; the bytes are checked again, whatever the extension says. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'] as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** The image type the bytes actually hold, or undefined when they are not an image we accept. */
export function imageMimeTypeOf(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  return undefined;
}

const UNSAFE_FILE_NAME_CHARACTERS = /[<>:"/\\|?*]/g;
const isControlCharacter = (char: string) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f;

/**
 * The renderer suggests a name; only its last segment is kept and characters no file system
 * accepts are replaced, so a suggestion can never point the dialog at another folder.
 */
export function safeFileName(suggestedName: string): string {
  const lastSegment = suggestedName.split(/[/\\]/).at(-1) ?? '';
  const cleaned = [...lastSegment.replace(UNSAFE_FILE_NAME_CHARACTERS, '_')]
    .map((char) => (isControlCharacter(char) ? '_' : char))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned === '' ? 'Atelier export' : cleaned.slice(0, 200);
}

export function fileNameOf(filePath: string): string {
  return path.basename(filePath);
}

export function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
