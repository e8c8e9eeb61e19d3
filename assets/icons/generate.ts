/**
 * Draws the app icon — a cream armchair on a terracotta tile — into icon.png (1024×1024), the
 * one image electron-builder turns into the .icns, .ico and Linux icon sizes.
 * Run `node assets/icons/generate.ts` after changing a shape below.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const SIZE = 1024;

interface RoundedRect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly radius: number;
}

/** Signed distance from (x, y) to a rounded rectangle: negative inside. */
function distanceTo(rect: RoundedRect, x: number, y: number): number {
  const halfWidth = (rect.right - rect.left) / 2;
  const halfHeight = (rect.bottom - rect.top) / 2;
  const qx = Math.abs(x - (rect.left + halfWidth)) - (halfWidth - rect.radius);
  const qy = Math.abs(y - (rect.top + halfHeight)) - (halfHeight - rect.radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - rect.radius;
}

/** macOS-style tile: 824 px body with room for the shadow the OS adds. */
const TILE: RoundedRect = { left: 100, top: 100, right: 924, bottom: 924, radius: 185 };
const CHAIR: readonly RoundedRect[] = [
  { left: 340, top: 290, right: 684, bottom: 600, radius: 56 }, // back
  { left: 250, top: 450, right: 370, bottom: 730, radius: 52 }, // left arm
  { left: 654, top: 450, right: 774, bottom: 730, radius: 52 }, // right arm
  { left: 330, top: 560, right: 694, bottom: 690, radius: 36 }, // seat
  { left: 282, top: 700, right: 330, bottom: 790, radius: 14 }, // left leg
  { left: 694, top: 700, right: 742, bottom: 790, radius: 14 }, // right leg
];

const TERRACOTTA_TOP = [0xcf, 0x5c, 0x43];
const TERRACOTTA_BOTTOM = [0xa4, 0x40, 0x2d];
const CREAM = [0xf6, 0xf1, 0xe8];

const coverage = (distance: number) => Math.min(Math.max(0.5 - distance, 0), 1);
const mix = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);

function pixel(x: number, y: number): [number, number, number, number] {
  const cx = x + 0.5;
  const cy = y + 0.5;
  const tile = coverage(distanceTo(TILE, cx, cy));
  if (tile === 0) return [0, 0, 0, 0];
  const t = (cy - TILE.top) / (TILE.bottom - TILE.top);
  const chair = coverage(Math.min(...CHAIR.map((part) => distanceTo(part, cx, cy))));
  const [r, g, b] = [0, 1, 2].map((i) => mix(mix(TERRACOTTA_TOP[i]!, TERRACOTTA_BOTTOM[i]!, t), CREAM[i]!, chair));
  return [r!, g!, b!, Math.round(tile * 255)];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(): Buffer {
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const rowStart = y * (SIZE * 4 + 1); // each row starts with filter type 0
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x, y), rowStart + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

writeFileSync(path.join(import.meta.dirname, 'icon.png'), encodePng());
console.log('wrote assets/icons/icon.png');
