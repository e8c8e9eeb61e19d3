/**
 * Feed bytes or text → validated rows, whatever the feed's shape: CSV through the core parser,
 * JSON (an array or one object per line) through `json-feed.ts`. Streams: a file is read 64 KiB
 * at a time and only the current record is held.
 */
import { createReadStream } from 'node:fs';
import { createCatalogFeedParser, type CatalogFeedParser } from '../../core/catalog/import.ts';
import { nativeMapping, type CatalogMapping } from '../../core/catalog/mapping.ts';
import type { RowResult } from '../../core/catalog/validate.ts';
import { createJsonFeedParser, type JsonCatalogFeedParser } from './json-feed.ts';

/** What a feed is written in; 'auto' decides by its first character (`[` or `{` is JSON). */
export type FeedFormat = 'csv' | 'json' | 'auto';
export const FEED_FORMATS = ['csv', 'json', 'auto'] as const;

/** The shape a feed turned out to have; positions in a 'json-array' report are item numbers. */
export type FeedKind = 'csv' | 'json-array' | 'json-lines';

export interface FeedFileOptions {
  /** The retailer's currency: rows priced in another are rejected. */
  readonly currency: string;
  readonly mapping?: CatalogMapping;
  readonly format?: FeedFormat;
  /** false when the chunks are only the start of a feed (a preview): a cut-off last row is left out */
  readonly complete?: boolean;
}

export interface FeedReader {
  /** One result per row or item, in order; throws `CatalogFeedError` if the feed as a whole is unreadable. */
  readonly rows: AsyncGenerator<RowResult>;
  /** Known once the first rows are read. */
  readonly kind: FeedKind | undefined;
  /** CSV: the header row; JSON: the keys of the first items. */
  readonly header: readonly string[] | undefined;
  readonly missingOptionalColumns: readonly string[];
}

const CHUNK_CHARS = 64 * 1024;

/** Reads chunks of a feed (bytes from a file or a socket, or text already decoded). */
export function readFeed(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: FeedFileOptions): FeedReader {
  let parser: CatalogFeedParser | undefined;
  let json: JsonCatalogFeedParser | undefined;
  const feedOptions = { mapping: options.mapping ?? nativeMapping, retailerCurrency: options.currency };
  const choose = (start: string): CatalogFeedParser => {
    const format = options.format ?? 'auto';
    const isJson = format === 'json' || (format === 'auto' && /^[\s\ufeff]*[[{]/.test(start));
    if (isJson) return (json = createJsonFeedParser(feedOptions));
    return createCatalogFeedParser(feedOptions);
  };
  async function* rows(): AsyncGenerator<RowResult> {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        for (let at = 0; at < chunk.length; ) {
          const end = safeCut(chunk, Math.min(chunk.length, at + CHUNK_CHARS));
          const piece = chunk.slice(at, end);
          at = end;
          if (!parser) {
            if (piece.trim() === '') continue;
            parser = choose(piece);
          }
          yield* parser.pushBytes(bytesMarkingReplacements(piece));
        }
      } else {
        if (chunk.length === 0) continue;
        parser ??= choose(new TextDecoder().decode(chunk.subarray(0, 64)));
        yield* parser.pushBytes(chunk);
      }
    }
    parser ??= choose('');
    if (options.complete !== false) yield* parser.end();
  }
  return {
    rows: rows(),
    get kind() {
      if (!parser) return undefined;
      if (!json) return 'csv';
      return json.shape === 'array' ? 'json-array' : 'json-lines';
    },
    get header() {
      return parser?.header;
    },
    get missingOptionalColumns() {
      return parser?.missingOptionalColumns ?? [];
    },
  };
}

/** Never cut between the two halves of a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return at < text.length && code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

const REPLACEMENT = '\ufffd';

/**
 * Text → UTF-8 bytes for the parser, except that U+FFFD (what a client's decoder puts where a
 * file had bytes that were not UTF-8, e.g. Latin-1) becomes invalid bytes again: so an uploaded
 * feed's badly encoded rows are rejected with their line, as they are when the file is read here.
 */
function bytesMarkingReplacements(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  if (!text.includes(REPLACEMENT)) return bytes;
  for (let at = bytes.indexOf(0xef); at !== -1 && at + 2 < bytes.length; at = bytes.indexOf(0xef, at + 1)) {
    if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) bytes.fill(0xff, at, at + 3);
  }
  return bytes;
}

const encoder = new TextEncoder();

/** Streams a feed file (bytes, 64 KiB at a time): one result per row. */
export function readFeedFile(file: string, options: FeedFileOptions): FeedReader {
  return readFeed(createReadStream(file, { highWaterMark: 64 * 1024 }) as AsyncIterable<Buffer>, options);
}

/** Streams a feed file (bytes, 64 KiB at a time) through the core parser: one result per row. */
export function rowsFromFile(file: string, options: FeedFileOptions): AsyncGenerator<RowResult> {
  return readFeedFile(file, options).rows;
}
