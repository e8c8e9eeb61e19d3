/**
 * Time-ordered ids (UUID version 7, RFC 9562) for rows written in bulk and read by time:
 * notifications, timeline events, claims. Text like any UUID, but successive ids sort after one
 * another, so a b-tree keyed by them grows at its end instead of touching a random page per row
 * (a sweep that closes 60,000 watches writes 60,000 timeline events).
 */
import { randomFillSync } from 'node:crypto';

const pool = new Uint8Array(4096);
let poolAt = pool.length;
let lastMs = -1;
let counter = 0;

function randomBytes(count: number): Uint8Array {
  if (poolAt + count > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const bytes = pool.subarray(poolAt, poolAt + count);
  poolAt += count;
  return bytes;
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/** A UUIDv7: 48 bits of Unix milliseconds, a 12-bit counter (monotonic within a millisecond), 62 random bits. */
export function timeOrderedId(nowMs = Date.now()): string {
  let ms = Math.max(nowMs, lastMs);
  if (ms === lastMs) {
    counter++;
    if (counter > 0xfff) {
      ms++;
      counter = 0;
    }
  } else counter = 0;
  lastMs = ms;
  const r = randomBytes(8);
  const variant = 0x8000 | ((r[0]! & 0x3f) << 8) | r[1]!;
  const tail = Array.from(r.subarray(2, 8), (b) => hex(b, 2)).join('');
  const time = hex(ms, 12);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(counter, 3)}-${hex(variant, 4)}-${tail}`;
}
