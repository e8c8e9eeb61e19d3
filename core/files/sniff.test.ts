import { test } from 'node:test';
import assert from 'node:assert/strict';
import { judgeUpload, sniffMedia, UPLOAD_POLICIES, MB } from './sniff.ts';

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const webp = bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ');
const mp4 = bytes([0, 0, 0, 24], 'ftypisom', [0, 0, 2, 0]);
const webm = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 0x42, 0x82, 0x84], 'webm');

test('accepted images and videos are known by their first bytes', () => {
  assert.deepEqual([jpeg, png, webp, mp4, webm].map((b) => { const s = sniffMedia(b); return s.accepted ? s.mediaType : s.label; }), ['image/jpeg', 'image/png', 'image/webp', 'video/mp4', 'video/webm']);
});

test('refusals name what the file is', () => {
  const cases: [Uint8Array, string][] = [
    [bytes('<!DOCTYPE html><html><body>hi</body></html>'), 'an HTML document'],
    [bytes([0xef, 0xbb, 0xbf], '  <html>'), 'an HTML document'],
    [bytes('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'an SVG drawing'],
    [bytes('<svg width="10"></svg>'), 'an SVG drawing'],
    [bytes('GIF89a', [1, 0]), 'a GIF image'],
    [bytes('%PDF-1.7'), 'a PDF document'],
    [bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0]), 'a HEIC photo'],
    [bytes('just some words'), 'a text file'],
    [new Uint8Array(), 'an empty file'],
    [bytes([0, 1, 2, 3, 0, 0]), 'a file of an unknown kind'],
  ];
  for (const [input, label] of cases) assert.deepEqual(sniffMedia(input), { accepted: false, label });
});

test('a photo upload refuses HTML with a sentence, and a video where only images go', () => {
  const html = judgeUpload(bytes('<html><script>alert(1)</script></html>'), UPLOAD_POLICIES['room-photo']);
  assert.deepEqual(html, { ok: false, status: 415, code: 'unsupported_media_type', message: 'An HTML document is not an image: send JPEG, PNG or WebP' });
  const video = judgeUpload(mp4, UPLOAD_POLICIES.inspiration);
  assert.equal(video.ok, false);
  assert.equal(judgeUpload(mp4, UPLOAD_POLICIES['video-note']).ok, true);
});

test('size limits differ for images and videos and say the sizes', () => {
  const big = new Uint8Array(16 * MB);
  big.set(jpeg);
  assert.deepEqual(judgeUpload(big, UPLOAD_POLICIES['room-photo']), { ok: false, status: 413, code: 'too_large', message: 'This file is 16 MB; images can be at most 15 MB' });
  const bigVideo = new Uint8Array(16 * MB);
  bigVideo.set(mp4);
  assert.equal(judgeUpload(bigVideo, UPLOAD_POLICIES['video-note']).ok, true);
});
