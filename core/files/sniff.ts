/**
 * What a file is, decided by its first bytes (never by its name or the type the sender claims).
 * Accepted: JPEG, PNG, WebP images; MP4 and WebM videos. Everything else is named so the
 * refusal can say what it is ("an HTML document is not an image").
 */

export type MediaCategory = 'image' | 'video';

export type Sniffed =
  | { readonly accepted: true; readonly mediaType: AcceptedMediaType; readonly category: MediaCategory; readonly label: string }
  | { readonly accepted: false; readonly label: string };

export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

const ascii = (bytes: Uint8Array, from: number, length: number): string => String.fromCharCode(...bytes.subarray(from, from + length));

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((value, i) => bytes[at + i] === value);
}

/** ISO-BMFF brands that are still images, not video. */
const IMAGE_BRANDS: Record<string, string> = { heic: 'a HEIC photo', heix: 'a HEIC photo', mif1: 'a HEIF image', msf1: 'a HEIF image', avif: 'an AVIF image', avis: 'an AVIF image' };

function textPrefix(bytes: Uint8Array): string {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3;
  const text = ascii(bytes, start, Math.min(512, bytes.length - start));
  return text.trimStart().toLowerCase();
}

/** Whether the first bytes look like text (no NUL, mostly printable), for naming what a refusal was. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(512, bytes.length));
  if (sample.length === 0) return false;
  let printable = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  }
  return printable / sample.length > 0.95;
}

export function sniffMedia(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { accepted: false, label: 'an empty file' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, mediaType: 'image/jpeg', category: 'image', label: 'a JPEG image' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, mediaType: 'image/png', category: 'image', label: 'a PNG image' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return { accepted: true, mediaType: 'image/webp', category: 'image', label: 'a WebP image' };
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp') {
    const brand = ascii(bytes, 8, 4);
    const image = IMAGE_BRANDS[brand];
    if (image) return { accepted: false, label: image };
    if (brand === 'qt  ') return { accepted: false, label: 'a QuickTime movie' };
    return { accepted: true, mediaType: 'video/mp4', category: 'video', label: 'an MP4 video' };
  }
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    const header = ascii(bytes, 0, Math.min(64, bytes.length));
    if (header.includes('webm')) return { accepted: true, mediaType: 'video/webm', category: 'video', label: 'a WebM video' };
    return { accepted: false, label: 'a Matroska video' };
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return { accepted: false, label: 'a GIF image' };
  if (startsWith(bytes, [0x42, 0x4d])) return { accepted: false, label: 'a BMP image' };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return { accepted: false, label: 'a TIFF image' };
  if (ascii(bytes, 0, 5) === '%PDF-') return { accepted: false, label: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return { accepted: false, label: 'a ZIP archive' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'AVI ') return { accepted: false, label: 'an AVI video' };
  if (looksLikeText(bytes)) {
    const text = textPrefix(bytes);
    if (text.startsWith('<!doctype html') || text.startsWith('<html') || /<(head|body|script)[\s>]/.test(text)) return { accepted: false, label: 'an HTML document' };
    if (text.includes('<svg')) return { accepted: false, label: 'an SVG drawing' };
    if (text.startsWith('<?xml')) return { accepted: false, label: 'an XML document' };
    if (text.startsWith('{') || text.startsWith('[')) return { accepted: false, label: 'a JSON document' };
    return { accepted: false, label: 'a text file' };
  }
  return { accepted: false, label: 'a file of an unknown kind' };
}

/** What an upload is for decides what it may be and how large. */
export const UPLOAD_PURPOSES = ['room-photo', 'inspiration', 'piece-photo', 'request-example', 'video-note'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

export interface UploadPolicy {
  readonly accepts: readonly MediaCategory[];
  readonly maxImageBytes: number;
  readonly maxVideoBytes: number;
  /** What the person is sending, in the refusal ("… is not an image"). */
  readonly noun: string;
}

export const MB = 1024 * 1024;
export const MAX_IMAGE_BYTES = 15 * MB;
export const MAX_VIDEO_BYTES = 60 * MB;
/** A browser-made thumbnail (~400 px WebP/JPEG) is far smaller; anything larger is not one. */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;

const IMAGES_ONLY: UploadPolicy = { accepts: ['image'], maxImageBytes: MAX_IMAGE_BYTES, maxVideoBytes: 0, noun: 'an image' };

export const UPLOAD_POLICIES: Record<UploadPurpose, UploadPolicy> = {
  'room-photo': IMAGES_ONLY,
  inspiration: IMAGES_ONLY,
  'piece-photo': IMAGES_ONLY,
  'request-example': IMAGES_ONLY,
  'video-note': { accepts: ['image', 'video'], maxImageBytes: MAX_IMAGE_BYTES, maxVideoBytes: MAX_VIDEO_BYTES, noun: 'an image or a video' },
};

/** The largest body a purpose can accept at all (the route's limit before sniffing). */
export function largestUpload(policy: UploadPolicy): number {
  return policy.accepts.includes('video') ? policy.maxVideoBytes : policy.maxImageBytes;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MB`;
}

export type UploadVerdict =
  | { readonly ok: true; readonly mediaType: AcceptedMediaType; readonly category: MediaCategory }
  | { readonly ok: false; readonly status: 413 | 415; readonly code: 'too_large' | 'unsupported_media_type'; readonly message: string };

const ACCEPTED_WORDS: Record<string, string> = { image: 'JPEG, PNG or WebP', 'image,video': 'JPEG, PNG or WebP images, or MP4 or WebM videos' };

/** Decides an upload by content and size: a clear sentence when it is refused. */
export function judgeUpload(bytes: Uint8Array, policy: UploadPolicy): UploadVerdict {
  const sniffed = sniffMedia(bytes);
  const allowed = ACCEPTED_WORDS[policy.accepts.join(',')] ?? policy.accepts.join(' or ');
  if (!sniffed.accepted || !policy.accepts.includes(sniffed.category)) {
    const label = sniffed.label.charAt(0).toUpperCase() + sniffed.label.slice(1);
    return { ok: false, status: 415, code: 'unsupported_media_type', message: `${label} is not ${policy.noun}: send ${allowed}` };
  }
  const limit = sniffed.category === 'video' ? policy.maxVideoBytes : policy.maxImageBytes;
  if (bytes.length > limit) {
    const what = sniffed.category === 'video' ? 'videos' : 'images';
    return { ok: false, status: 413, code: 'too_large', message: `This file is ${formatMegabytes(bytes.length)}; ${what} can be at most ${formatMegabytes(limit)}` };
  }
  return { ok: true, mediaType: sniffed.mediaType, category: sniffed.category };
}
