/**
 * A JSON catalog feed (an array of objects, or one object per line) as a streaming parser with
 * the same shape as the core's CSV feed parser: bytes or text in, one `RowResult` per item out.
 * Items are validated by the core validator's `fromObject`, keyed by the mapping's column names
 * (the native keys are the CSV columns: `sku`, `width_mm`, …; list fields may be JSON arrays).
 *
 * Positions in results: the line for newline-delimited JSON, the item's number for an array
 * (a minified array is all on line 1).
 */
import { Utf8LineDecoder } from '../../core/catalog/decode.ts';
import { CatalogFeedError, type CatalogFeedOptions, type CatalogFeedParser } from '../../core/catalog/import.ts';
import { createRowValidator, DuplicateSkuTracker, type RowResult } from '../../core/catalog/validate.ts';
import { JsonFeedShapeError, JsonItemSplitter, type JsonFeedShape, type JsonItemEvent } from './json-items.ts';

export interface JsonCatalogFeedParser extends CatalogFeedParser {
  /** 'array' or 'lines' once the feed's first character is seen */
  readonly shape: JsonFeedShape | undefined;
}

/** How many keys of the first items `header` reports (a preview shows them as columns). */
const HEADER_SAMPLE_ITEMS = 10;

export function createJsonFeedParser(options: CatalogFeedOptions): JsonCatalogFeedParser {
  const validator = createRowValidator(options);
  const splitter = new JsonItemSplitter();
  const decoder = new Utf8LineDecoder();
  const duplicates = new DuplicateSkuTracker();
  const skuColumn = options.mapping.columns.sku;
  let invalidLines: number[] = [];
  const keys = new Set<string>();
  let sampled = 0;

  const badBytes = (line: number, endLine: number): number | undefined => {
    while (invalidLines.length > 0 && (invalidLines[0] ?? 0) < line) invalidLines.shift();
    const bad = invalidLines[0];
    return bad !== undefined && bad <= endLine ? bad : undefined;
  };

  const handle = (events: readonly JsonItemEvent[]): RowResult[] => {
    const results: RowResult[] = [];
    for (const event of events) {
      const position = splitter.shape === 'array' ? event.index : event.line;
      const bad = badBytes(event.line, event.endLine);
      if (bad !== undefined) {
        results.push({ ok: false, line: position, field: 'encoding', reason: `encoding: line ${bad} is not valid UTF-8 (Latin-1 or Windows-1252 bytes?); save the file as UTF-8` });
        continue;
      }
      if (event.kind === 'error') {
        results.push({ ok: false, line: position, field: 'row', reason: event.reason });
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(event.text);
      } catch (error) {
        results.push({ ok: false, line: position, field: 'row', reason: `item: not valid JSON (${(error as Error).message})` });
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        results.push({ ok: false, line: position, field: 'row', reason: `item: is ${Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`}, not an object` });
        continue;
      }
      const item = value as Record<string, unknown>;
      if (sampled < HEADER_SAMPLE_ITEMS) {
        sampled++;
        for (const key of Object.keys(item)) keys.add(key);
      }
      const result = validator.fromObject(item, position);
      if (result.ok) {
        const firstPosition = duplicates.seen(result.product.sku, position);
        if (firstPosition !== undefined) {
          const rejection = duplicates.rejection(result.product.sku, position, firstPosition, skuColumn);
          results.push(splitter.shape === 'array' ? { ...rejection, reason: rejection.reason.replace(/\(first on line (\d+)\)$/, '(first as item $1)') } : rejection);
          continue;
        }
      }
      results.push(result);
    }
    return results;
  };

  const guard = <T>(read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof JsonFeedShapeError) throw new CatalogFeedError(error.message);
      throw error;
    }
  };

  return {
    pushBytes(bytes) {
      const decoded = decoder.push(bytes);
      if (decoded.invalidLines.length > 0) invalidLines = invalidLines.concat(decoded.invalidLines);
      return handle(guard(() => splitter.push(decoded.text)));
    },
    pushText(text) {
      return handle(guard(() => splitter.push(text)));
    },
    end() {
      const decoded = decoder.end();
      if (decoded.invalidLines.length > 0) invalidLines = invalidLines.concat(decoded.invalidLines);
      const results = handle(guard(() => [...splitter.push(decoded.text), ...splitter.end()]));
      if (splitter.shape === undefined) throw new CatalogFeedError('the feed is empty: it has no items');
      return results;
    },
    get header() {
      return sampled > 0 ? [...keys] : undefined;
    },
    get missingOptionalColumns() {
      return [];
    },
    get shape() {
      return splitter.shape;
    },
  };
}
