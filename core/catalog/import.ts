/**
 * A catalog feed, start to finish, as a pure streaming parser: bytes (or text) in, one result per
 * row out — a valid `ProductInput` or a rejection with its line and reason. It holds one record
 * and the file's SKUs in memory, never the file. Storing the products (one transaction per
 * import, upsert by retailer + SKU, a price observation per price change) is the server's job.
 *
 *   const feed = createCatalogFeedParser({ mapping: nativeMapping, retailerCurrency: 'GBP' });
 *   for await (const bytes of fileStream) handle(feed.pushBytes(bytes));
 *   handle(feed.end());
 */
import type { ProductInput } from '../catalog.ts';
import { CsvTokenizer, type CsvEvent } from './csv.ts';
import { Utf8LineDecoder } from './decode.ts';
import { resolveColumns, type CatalogMapping, type ColumnIndexes } from './mapping.ts';
import { createRowValidator, DuplicateSkuTracker, type RejectedRow, type RowResult } from './validate.ts';

/** The whole file cannot be read: no header, or the header lacks a required column. */
export class CatalogFeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogFeedError';
  }
}

export interface CatalogFeedOptions {
  readonly mapping: CatalogMapping;
  readonly retailerCurrency: string;
}

export interface CatalogFeedParser {
  /** Raw bytes of a UTF-8 feed; lines that are not valid UTF-8 come back as rejected rows. */
  pushBytes(bytes: Uint8Array): RowResult[];
  /** Already-decoded text (use either bytes or text for one feed, not both). */
  pushText(text: string): RowResult[];
  /** The end of the feed. Throws `CatalogFeedError` if the feed never had a usable header. */
  end(): RowResult[];
  /** The header row once read. */
  readonly header: readonly string[] | undefined;
  /** Optional mapped columns the header lacks (their fields import empty). */
  readonly missingOptionalColumns: readonly string[];
}

export function createCatalogFeedParser(options: CatalogFeedOptions): CatalogFeedParser {
  const { mapping } = options;
  const validator = createRowValidator(options);
  const tokenizer = new CsvTokenizer({ delimiter: mapping.delimiter, header: true });
  const decoder = new Utf8LineDecoder();
  const duplicates = new DuplicateSkuTracker();
  const skuColumn = mapping.columns.sku;
  /** Lines with bad bytes not yet passed by the tokenizer, ascending. */
  let invalidLines: number[] = [];
  let header: string[] | undefined;
  let indexes: ColumnIndexes | undefined;
  let missingOptionalColumns: readonly string[] = [];

  const encodingRejection = (line: number, endLine: number): RejectedRow | undefined => {
    while (invalidLines.length > 0 && (invalidLines[0] ?? 0) < line) invalidLines.shift();
    const bad = invalidLines[0];
    if (bad === undefined || bad > endLine) return undefined;
    return {
      ok: false,
      line,
      field: 'encoding',
      reason: `encoding: line ${bad} is not valid UTF-8 (Latin-1 or Windows-1252 bytes?); save the file as UTF-8`,
    };
  };

  const handle = (events: readonly CsvEvent[]): RowResult[] => {
    const results: RowResult[] = [];
    for (const event of events) {
      const badBytes = encodingRejection(event.line, event.endLine);
      if (header === undefined) {
        if (event.kind === 'error' || badBytes) throw new CatalogFeedError(`line ${event.line}: the header row cannot be read (${event.kind === 'error' ? event.reason : 'not valid UTF-8'})`);
        const resolution = resolveColumns(event.fields, mapping);
        if (!resolution.ok) throw new CatalogFeedError(`line ${event.line}: ${resolution.reason}`);
        header = [...event.fields];
        indexes = resolution.indexes;
        missingOptionalColumns = resolution.missingOptional;
        continue;
      }
      if (badBytes) {
        results.push(badBytes);
        continue;
      }
      if (event.kind === 'error') {
        results.push({ ok: false, line: event.line, field: 'row', reason: `row: ${event.reason}` });
        continue;
      }
      if (event.fields.length !== header.length) {
        results.push({ ok: false, line: event.line, field: 'row', reason: `row: has ${event.fields.length} fields, the header has ${header.length}` });
        continue;
      }
      const result = validator.fromFields(event.fields, indexes as ColumnIndexes, event.line);
      if (result.ok) {
        const firstLine = duplicates.seen(result.product.sku, event.line);
        if (firstLine !== undefined) {
          results.push(duplicates.rejection(result.product.sku, event.line, firstLine, skuColumn));
          continue;
        }
      }
      results.push(result);
    }
    return results;
  };

  return {
    pushBytes(bytes) {
      const decoded = decoder.push(bytes);
      if (decoded.invalidLines.length > 0) invalidLines = invalidLines.concat(decoded.invalidLines);
      return handle(tokenizer.push(decoded.text));
    },
    pushText(text) {
      return handle(tokenizer.push(text));
    },
    end() {
      const decoded = decoder.end();
      if (decoded.invalidLines.length > 0) invalidLines = invalidLines.concat(decoded.invalidLines);
      const results = handle([...tokenizer.push(decoded.text), ...tokenizer.end()]);
      if (header === undefined) throw new CatalogFeedError('the feed is empty: it has no header row');
      return results;
    },
    get header() {
      return header;
    },
    get missingOptionalColumns() {
      return missingOptionalColumns;
    },
  };
}

/**
 * Whether an import would change a stored product. Re-importing the same file must change
 * nothing, so the server upserts only when this says so, and records a price observation only
 * when the price itself moved.
 */
export function productChanges(stored: ProductInput, incoming: ProductInput): { changed: boolean; priceChanged: boolean } {
  const priceChanged = stored.price.amountMinor !== incoming.price.amountMinor || stored.price.currency !== incoming.price.currency;
  const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);
  const changed =
    priceChanged ||
    stored.name !== incoming.name ||
    stored.category !== incoming.category ||
    stored.widthMm !== incoming.widthMm ||
    stored.depthMm !== incoming.depthMm ||
    stored.heightMm !== incoming.heightMm ||
    !sameList(stored.colours, incoming.colours) ||
    !sameList(stored.styleTags, incoming.styleTags) ||
    !sameList(stored.materials, incoming.materials) ||
    stored.modelUrl !== incoming.modelUrl ||
    stored.productUrl !== incoming.productUrl ||
    stored.imageUrl !== incoming.imageUrl ||
    stored.finalSale !== incoming.finalSale;
  return { changed, priceChanged };
}
