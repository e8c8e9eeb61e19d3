/**
 * Splits a JSON feed into its items as text arrives, so a 100k-item feed never has to be in
 * memory at once: a top-level array (`[{…}, {…}]`, pretty-printed or not) or newline-delimited
 * JSON (one value per line). Only the current item is held; each comes out as its own text with
 * where it starts, for `JSON.parse` and for the import report.
 *
 * Which of the two a feed is shows in its first character: `[` starts an array, anything else
 * is read as one value per line.
 */

export type JsonFeedShape = 'array' | 'lines';

export interface JsonItem {
  readonly kind: 'item';
  /** 1-based position among the feed's items */
  readonly index: number;
  /** 1-based line the item starts on, and the line it ends on */
  readonly line: number;
  readonly endLine: number;
  readonly text: string;
}

/** An item too long to take (past `maxItemChars`); reading goes on with the next one. */
export interface JsonItemError {
  readonly kind: 'error';
  readonly index: number;
  readonly line: number;
  readonly endLine: number;
  readonly reason: string;
}

export type JsonItemEvent = JsonItem | JsonItemError;

/** The feed as a whole cannot be read on (an array that never closes, text after it, a runaway item). */
export class JsonFeedShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonFeedShapeError';
  }
}

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const LF = 10;

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13 || code === 0xfeff;

export class JsonItemSplitter {
  readonly #maxItemChars: number;
  #shape: JsonFeedShape | undefined;
  /** array: 'before' the `[`, 'between' items, 'inside' one, 'after' the `]` */
  #state: 'before' | 'between' | 'inside' | 'after' = 'before';
  #line = 1;
  #index = 0;
  // The item being read: its text so far (pieces), where it started, nesting and string state.
  #pieces: string[] = [];
  #chars = 0;
  #itemLine = 1;
  #depth = 0;
  #inString = false;
  #escaped = false;
  /** the item is a bare value (number, true, …): it ends at a comma, `]` or space */
  #bare = false;
  /** an NDJSON line past the size limit: skip to its end */
  #skipping = false;

  constructor(options: { readonly maxItemChars?: number } = {}) {
    this.#maxItemChars = options.maxItemChars ?? 1 << 20;
  }

  /** 'array' or 'lines' once the first character is seen. */
  get shape(): JsonFeedShape | undefined {
    return this.#shape;
  }

  push(text: string): JsonItemEvent[] {
    const events: JsonItemEvent[] = [];
    if (this.#shape === undefined) {
      const first = firstNonSpace(text);
      if (first === -1) {
        this.#line += countLineFeeds(text, 0, text.length);
        return events;
      }
      this.#shape = text.charCodeAt(first) === OPEN_BRACKET ? 'array' : 'lines';
    }
    if (this.#shape === 'lines') this.#pushLines(text, events);
    else this.#pushArray(text, events);
    return events;
  }

  end(): JsonItemEvent[] {
    const events: JsonItemEvent[] = [];
    if (this.#shape === 'lines') {
      if (this.#skipping) this.#skipping = false;
      else this.#emitLine(events);
    } else if (this.#shape === 'array') {
      if (this.#state === 'inside' && this.#bare) this.#finishItem(events);
      if (this.#state !== 'after') {
        throw new JsonFeedShapeError(`the JSON array that opens on line 1 never closes: the file ends on line ${this.#line} (was it cut short?)`);
      }
    }
    return events;
  }

  #pushLines(text: string, events: JsonItemEvent[]): void {
    let start = 0;
    while (start <= text.length) {
      const lineFeed = text.indexOf('\n', start);
      const end = lineFeed === -1 ? text.length : lineFeed;
      if (!this.#skipping) {
        this.#pieces.push(text.slice(start, end));
        this.#chars += end - start;
        if (this.#chars > this.#maxItemChars) {
          this.#index++;
          events.push({ kind: 'error', index: this.#index, line: this.#line, endLine: this.#line, reason: `item: line is longer than ${this.#maxItemChars} characters` });
          this.#reset();
          this.#skipping = true;
        }
      }
      if (lineFeed === -1) return;
      if (this.#skipping) this.#skipping = false;
      else this.#emitLine(events);
      this.#line++;
      start = lineFeed + 1;
    }
  }

  #emitLine(events: JsonItemEvent[]): void {
    const text = this.#pieces.join('').trim();
    this.#reset();
    if (text === '') return;
    this.#index++;
    events.push({ kind: 'item', index: this.#index, line: this.#line, endLine: this.#line, text });
  }

  #pushArray(text: string, events: JsonItemEvent[]): void {
    let itemStart = this.#state === 'inside' ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.#state === 'inside') {
        if (this.#inString) {
          if (this.#escaped) this.#escaped = false;
          else if (code === BACKSLASH) this.#escaped = true;
          else if (code === QUOTE) {
            this.#inString = false;
            if (this.#depth === 0) {
              this.#take(text, itemStart, i + 1);
              this.#finishItem(events);
              itemStart = -1;
            }
          } else if (code === LF) this.#line++;
          continue;
        }
        if (this.#bare) {
          if (code === COMMA || code === CLOSE_BRACKET || isSpace(code)) {
            this.#take(text, itemStart, i);
            this.#finishItem(events);
            itemStart = -1;
            i--; // the separator is read again between items
          }
          continue;
        }
        if (code === QUOTE) this.#inString = true;
        else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.#depth++;
        else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
          this.#depth--;
          if (this.#depth === 0) {
            this.#take(text, itemStart, i + 1);
            this.#finishItem(events);
            itemStart = -1;
          }
        } else if (code === LF) this.#line++;
        continue;
      }
      if (code === LF) this.#line++;
      if (isSpace(code)) continue;
      if (this.#state === 'before') {
        this.#state = 'between';
        continue; // the `[`
      }
      if (this.#state === 'after') throw new JsonFeedShapeError(`line ${this.#line}: text after the JSON array's closing ]`);
      if (code === COMMA) continue;
      if (code === CLOSE_BRACKET) {
        this.#state = 'after';
        continue;
      }
      // An item starts.
      this.#state = 'inside';
      this.#itemLine = this.#line;
      itemStart = i;
      if (code === OPEN_BRACE || code === OPEN_BRACKET) this.#depth = 1;
      else if (code === QUOTE) this.#inString = true;
      else this.#bare = true;
    }
    if (this.#state === 'inside' && itemStart !== -1) this.#take(text, itemStart, text.length);
    if (this.#chars > this.#maxItemChars) {
      throw new JsonFeedShapeError(`item ${this.#index + 1} (from line ${this.#itemLine}) is longer than ${this.#maxItemChars} characters: a brace or quote that never closes?`);
    }
  }

  #take(text: string, from: number, to: number): void {
    if (to > from) {
      this.#pieces.push(text.slice(from, to));
      this.#chars += to - from;
    }
  }

  #finishItem(events: JsonItemEvent[]): void {
    this.#index++;
    if (this.#chars > this.#maxItemChars) {
      events.push({ kind: 'error', index: this.#index, line: this.#itemLine, endLine: this.#line, reason: `item: is longer than ${this.#maxItemChars} characters` });
    } else {
      events.push({ kind: 'item', index: this.#index, line: this.#itemLine, endLine: this.#line, text: this.#pieces.join('') });
    }
    this.#reset();
    this.#state = 'between';
  }

  #reset(): void {
    this.#pieces = [];
    this.#chars = 0;
    this.#depth = 0;
    this.#inString = false;
    this.#escaped = false;
    this.#bare = false;
  }
}

function firstNonSpace(text: string): number {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

function countLineFeeds(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) count++;
  return count;
}
