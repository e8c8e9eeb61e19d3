/**
 * The SKUs seen so far in one import, with the line each first appeared on — exact, and compact
 * enough that a 100k-row file does not make the import's memory grow with it: SKUs are packed
 * 1,024 to a string, and an open-addressing table of typed arrays points into them (about 40
 * bytes per SKU instead of a Map entry and a string object each).
 *
 * Packing also copies the characters out of the chunk of text a SKU was cut from; a string
 * sliced from a 64 KiB chunk would otherwise keep the whole chunk alive.
 */
const BLOCK = 1024;
const SEPARATOR = '\u0000';

export class SkuLineIndex {
  /** full blocks of BLOCK SKUs joined by SEPARATOR */
  readonly #blocks: string[] = [];
  /** the current, not yet packed block */
  #pending: string[] = [];
  /** per entry: where its SKU starts in its block, its hash, its line */
  #starts = new Int32Array(BLOCK);
  #hashes = new Uint32Array(BLOCK);
  #lines = new Int32Array(BLOCK);
  #count = 0;
  /** open addressing: entry index + 1, 0 for an empty slot */
  #slots = new Int32Array(2 * BLOCK);

  get size(): number {
    return this.#count;
  }

  /** The line `sku` first appeared on, if it did; otherwise records it and returns undefined. */
  firstLineOrAdd(sku: string, line: number): number | undefined {
    const hash = hashOf(sku);
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    for (;;) {
      const entry = (this.#slots[slot] as number) - 1;
      if (entry < 0) break;
      if (this.#hashes[entry] === hash && this.#equals(entry, sku)) return this.#lines[entry];
      slot = (slot + 1) & mask;
    }
    this.#add(sku, hash, line, slot);
    return undefined;
  }

  #equals(entry: number, sku: string): boolean {
    const blockIndex = Math.floor(entry / BLOCK);
    if (blockIndex === this.#blocks.length) return this.#pending[entry % BLOCK] === sku;
    const block = this.#blocks[blockIndex] as string;
    const start = this.#starts[entry] as number;
    return block.startsWith(sku, start) && (start + sku.length === block.length || block.charCodeAt(start + sku.length) === 0);
  }

  #add(sku: string, hash: number, line: number, slot: number): void {
    const entry = this.#count++;
    if (entry >= this.#hashes.length) {
      this.#starts = grow(this.#starts);
      this.#hashes = grow(this.#hashes);
      this.#lines = grow(this.#lines);
    }
    this.#hashes[entry] = hash;
    this.#lines[entry] = line;
    this.#slots[slot] = entry + 1;
    this.#pending.push(sku);
    if (this.#pending.length === BLOCK) this.#pack(entry - BLOCK + 1);
    if (this.#count * 2 > this.#slots.length) this.#rehash();
  }

  #pack(firstEntry: number): void {
    let offset = 0;
    this.#pending.forEach((pendingSku, index) => {
      this.#starts[firstEntry + index] = offset;
      offset += pendingSku.length + 1;
    });
    this.#blocks.push(this.#pending.join(SEPARATOR));
    this.#pending = [];
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.#count; entry++) {
      let slot = (this.#hashes[entry] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.#slots = slots;
  }
}

function grow<T extends Int32Array | Uint32Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

/** FNV-1a over UTF-16 code units, then a final mix so nearby SKUs spread over the table. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}
