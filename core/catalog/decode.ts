/**
 * Bytes → text for feeds that must be UTF-8, without letting one badly encoded row (a Latin-1
 * "é" pasted from an old spreadsheet) sink the whole import: each line that is not valid UTF-8
 * is decoded with replacement characters and its line number reported, so the importer can
 * reject exactly the rows on those lines and keep the rest.
 *
 * Uses the web-standard TextDecoder with `fatal: true`; no I/O. Lines are counted at LF, CRLF and
 * lone CR, as the CSV tokenizer counts them, so line numbers agree between the two.
 */
import { countBreaks } from './csv.ts';

export interface DecodedText {
  readonly text: string;
  /** lines (1-based) of this piece that were not valid UTF-8 */
  readonly invalidLines: readonly number[];
}

const LF = 0x0a;
/** A line longer than this is decoded in pieces (at a character boundary) to bound memory. */
const MAX_CARRY_BYTES = 1 << 20;

export class Utf8LineDecoder {
  readonly #strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  readonly #lenient = new TextDecoder('utf-8', { ignoreBOM: true });
  #carry: Uint8Array = new Uint8Array(0);
  /** line number at the start of the carried bytes */
  #line = 1;
  /** a long line cut mid-way is reported once, even if several of its pieces are bad */
  #lineAlreadyInvalid = false;

  push(bytes: Uint8Array): DecodedText {
    const all = this.#carry.length === 0 ? bytes : concat(this.#carry, bytes);
    const lastBreak = all.lastIndexOf(LF);
    if (lastBreak === -1) {
      if (all.length <= MAX_CARRY_BYTES) {
        this.#carry = all === bytes ? bytes.slice() : all;
        return { text: '', invalidLines: [] };
      }
      const cut = characterBoundary(all, all.length);
      this.#carry = all.slice(cut);
      return this.#decodeWithinLine(all.subarray(0, cut));
    }
    this.#carry = all.slice(lastBreak + 1);
    return this.#decodeLines(all.subarray(0, lastBreak + 1));
  }

  end(): DecodedText {
    const rest = this.#carry;
    this.#carry = new Uint8Array(0);
    return rest.length === 0 ? { text: '', invalidLines: [] } : this.#decodeLines(rest);
  }

  /** Whole lines (ending in LF, or the file's last line): the common, fast case is one decode. */
  #decodeLines(bytes: Uint8Array): DecodedText {
    try {
      const text = this.#strict.decode(bytes);
      this.#line += countBreaks(text);
      this.#lineAlreadyInvalid = false;
      return { text, invalidLines: [] };
    } catch {
      return this.#decodeLineByLine(bytes);
    }
  }

  #decodeLineByLine(bytes: Uint8Array): DecodedText {
    const pieces: string[] = [];
    const invalidLines: number[] = [];
    let start = 0;
    while (start < bytes.length) {
      const lineFeed = bytes.indexOf(LF, start);
      const end = lineFeed === -1 ? bytes.length : lineFeed + 1;
      const lineBytes = bytes.subarray(start, end);
      let text: string;
      try {
        text = this.#strict.decode(lineBytes);
      } catch {
        text = this.#lenient.decode(lineBytes);
        // A lone CR inside the bad bytes makes them span several counted lines; report each.
        const spanned = Math.max(1, countBreaks(text));
        for (let line = this.#line; line < this.#line + spanned; line++) {
          if (!(line === this.#line && this.#lineAlreadyInvalid)) invalidLines.push(line);
        }
      }
      pieces.push(text);
      this.#line += countBreaks(text);
      this.#lineAlreadyInvalid = false;
      start = end;
    }
    return { text: pieces.join(''), invalidLines };
  }

  /** A piece of one very long line (no LF in it). */
  #decodeWithinLine(bytes: Uint8Array): DecodedText {
    try {
      const text = this.#strict.decode(bytes);
      this.#line += countBreaks(text);
      return { text, invalidLines: [] };
    } catch {
      const text = this.#lenient.decode(bytes);
      const invalidLines = this.#lineAlreadyInvalid ? [] : [this.#line];
      this.#lineAlreadyInvalid = true;
      this.#line += countBreaks(text);
      return { text, invalidLines };
    }
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/**
 * An index near `end` where a character starts, so that cutting there never splits a UTF-8
 * sequence (continuation bytes are 10xxxxxx; a sequence is at most 4 bytes).
 */
function characterBoundary(bytes: Uint8Array, end: number): number {
  let at = Math.max(0, end - 3);
  while (at < end && ((bytes[at] ?? 0) & 0xc0) === 0x80) at++;
  return at;
}

/**
 * Decodes a whole byte buffer as UTF-8, failing on the first invalid sequence. For small inputs
 * (a mapping file, a pasted preview) where one bad byte should refuse the whole thing.
 */
export function decodeUtf8Strict(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'the file is not valid UTF-8 (it may be Latin-1 or Windows-1252): save it as UTF-8 and import again' };
  }
}
