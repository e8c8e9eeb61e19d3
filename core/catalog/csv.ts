/**
 * A streaming CSV tokenizer (RFC 4180): feed it text in chunks of any size, get records with the
 * line they start on. Memory stays bounded by the longest record, whatever the file's size.
 *
 * Quoting: a field that starts with `"` runs to the next lone `"`; `""` inside it is a quote; it
 * may span lines. A `"` inside an unquoted field is kept as a character (feeds write `30" mirror`).
 *
 * Unbalanced quotes would otherwise swallow the rest of a file into one field. So a record is
 * reported as an error, and reading resumes on the line after the one it started on, when:
 * - a closing quote is followed by anything but a delimiter or a line end;
 * - the file ends inside a quoted field;
 * - a quoted field grows past `maxRecordChars`;
 * - a record whose quoted field spans lines has a field count other than the header's
 *   (after `expectFieldCount`) — the mark of a quote that opened and never closed.
 *
 * Lines are counted at LF, CRLF and a lone CR alike, the same way `Utf8LineDecoder` counts them.
 */

export interface CsvRecord {
  readonly kind: 'record';
  /** 1-based line the record starts on */
  readonly line: number;
  /** the line it ends on (later than `line` when a quoted field holds line breaks) */
  readonly endLine: number;
  readonly fields: readonly string[];
}

export interface CsvRowError {
  readonly kind: 'error';
  readonly line: number;
  readonly endLine: number;
  readonly reason: string;
}

export type CsvEvent = CsvRecord | CsvRowError;

export interface CsvTokenizerOptions {
  /** one character; default "," */
  readonly delimiter?: string;
  /** longest record accepted, in characters; default 1 MiB */
  readonly maxRecordChars?: number;
  /** the first record is a header: its field count is expected of every record (see above) */
  readonly header?: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Attempt =
  | { readonly status: 'record'; readonly fields: string[]; readonly next: number; readonly breaks: number; readonly spansLines: boolean }
  | { readonly status: 'incomplete' }
  | { readonly status: 'malformed'; readonly reason: string };

const INCOMPLETE: Attempt = { status: 'incomplete' };

export class CsvTokenizer {
  readonly #delimiter: number;
  readonly #maxRecordChars: number;
  #text = '';
  #line = 1;
  #started = false;
  #expectedFields: number | undefined;
  readonly #header: boolean;

  constructor(options: CsvTokenizerOptions = {}) {
    this.#header = options.header ?? false;
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`CSV delimiter must be one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
    }
    this.#delimiter = delimiter.charCodeAt(0);
    this.#maxRecordChars = options.maxRecordChars ?? 1 << 20;
  }

  /** Once the header is known: lets the tokenizer recognise a quote that never closed. */
  expectFieldCount(count: number): void {
    this.#expectedFields = count;
  }

  push(chunk: string): CsvEvent[] {
    if (!this.#started) {
      if (chunk === '') return [];
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.#text = this.#text === '' ? chunk : this.#text + chunk;
    return this.#drain(false);
  }

  /** The end of input: flushes the last record (which needs no final line break). */
  end(): CsvEvent[] {
    const events = this.#drain(true);
    this.#text = '';
    return events;
  }

  #drain(final: boolean): CsvEvent[] {
    const events: CsvEvent[] = [];
    const text = this.#text;
    let at = 0;
    while (at < text.length) {
      const attempt = this.#readRecord(text, at, final);
      if (attempt.status === 'incomplete') break;
      if (attempt.status === 'record') {
        const misquoted = attempt.spansLines && this.#expectedFields !== undefined && attempt.fields.length !== this.#expectedFields;
        if (!misquoted) {
          const endLine = this.#line + attempt.breaks - (endsWithBreak(text, attempt.next) ? 1 : 0);
          const blank = attempt.fields.length === 1 && attempt.fields[0] === '';
          if (!blank) {
            events.push({ kind: 'record', line: this.#line, endLine, fields: attempt.fields });
            if (this.#header && this.#expectedFields === undefined) this.#expectedFields = attempt.fields.length;
          }
          this.#line += attempt.breaks;
          at = attempt.next;
          continue;
        }
      }
      // Malformed: report the record at its first line, then resume on the next physical line.
      const lineEnd = nextLineStart(text, at);
      if (lineEnd === -1 && !final) break;
      const reason = attempt.status === 'malformed' ? attempt.reason : 'a quoted field never closes (unbalanced quote)';
      events.push({ kind: 'error', line: this.#line, endLine: this.#line, reason });
      this.#line += 1;
      at = lineEnd === -1 ? text.length : lineEnd;
    }
    this.#text = text.slice(at);
    return events;
  }

  #readRecord(text: string, start: number, final: boolean): Attempt {
    const fields: string[] = [];
    const delimiter = this.#delimiter;
    const length = text.length;
    let breaks = 0;
    let spansLines = false;
    let i = start;
    for (;;) {
      if (i - start > this.#maxRecordChars) return { status: 'malformed', reason: `a record is longer than ${this.#maxRecordChars} characters (unbalanced quote?)` };
      if (i < length && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const quoteAt = text.indexOf('"', from);
          if (quoteAt === -1) {
            if (!final && length - start <= this.#maxRecordChars) return INCOMPLETE;
            return { status: 'malformed', reason: final ? 'a quoted field never closes (unbalanced quote)' : `a record is longer than ${this.#maxRecordChars} characters (unbalanced quote?)` };
          }
          if (quoteAt + 1 >= length && !final) return INCOMPLETE;
          const segment = text.slice(from, quoteAt);
          const segmentBreaks = countBreaks(segment);
          if (segmentBreaks > 0) spansLines = true;
          breaks += segmentBreaks;
          if (text.charCodeAt(quoteAt + 1) === QUOTE) {
            value += `${segment}"`;
            from = quoteAt + 2;
            continue;
          }
          value += segment;
          i = quoteAt + 1;
          break;
        }
        fields.push(value);
        if (i < length) {
          const after = text.charCodeAt(i);
          if (after !== delimiter && after !== LF && after !== CR) {
            return { status: 'malformed', reason: `unexpected text after a closing quote in field ${fields.length} (unbalanced quote)` };
          }
        }
      } else {
        let j = i;
        while (j < length) {
          const code = text.charCodeAt(j);
          if (code === delimiter || code === LF || code === CR) break;
          j++;
        }
        if (j >= length && !final) return INCOMPLETE;
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= length) return { status: 'record', fields, next: i, breaks, spansLines };
      const code = text.charCodeAt(i);
      if (code === delimiter) {
        i++;
        if (i >= length && !final) return INCOMPLETE;
        if (i >= length) {
          fields.push('');
          return { status: 'record', fields, next: i, breaks, spansLines };
        }
        continue;
      }
      if (code === CR) {
        if (i + 1 >= length && !final) return INCOMPLETE;
        const next = text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
        return { status: 'record', fields, next, breaks: breaks + 1, spansLines };
      }
      return { status: 'record', fields, next: i + 1, breaks: breaks + 1, spansLines };
    }
  }
}

function endsWithBreak(text: string, next: number): boolean {
  const previous = text.charCodeAt(next - 1);
  return previous === LF || previous === CR;
}

/** Line breaks in a piece of text: LF, CRLF and lone CR each count once. */
export function countBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) count++;
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

/** Index just past the line break that ends the line containing `from`, or -1 if none yet. */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LF) return i + 1;
    if (code === CR) {
      if (i + 1 >= text.length) return -1;
      return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** Reads a whole stream of text chunks (a file read as UTF-8, a fetch body) into CSV events. */
export async function* readCsv(chunks: AsyncIterable<string> | Iterable<string>, options: CsvTokenizerOptions = {}): AsyncGenerator<CsvEvent> {
  const tokenizer = new CsvTokenizer(options);
  for await (const chunk of chunks) yield* tokenizer.push(chunk);
  yield* tokenizer.end();
}
