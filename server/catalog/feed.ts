import { createReadStream } from 'node:fs';
import type { CatalogMapping } from '../../core/catalog/mapping.ts';
import { nativeMapping } from '../../core/catalog/mapping.ts';
import { createCatalogFeedParser } from '../../core/catalog/import.ts';
import type { RowResult } from '../../core/catalog/validate.ts';

export interface FeedFileOptions {
  /** The retailer's currency: rows priced in another are rejected. */
  readonly currency: string;
  readonly mapping?: CatalogMapping;
}

/** Streams a feed file (bytes, 64 KiB at a time) through the core parser: one result per row. */
export async function* rowsFromFile(file: string, options: FeedFileOptions): AsyncGenerator<RowResult> {
  const parser = createCatalogFeedParser({ mapping: options.mapping ?? nativeMapping, retailerCurrency: options.currency });
  for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
    yield* parser.pushBytes(chunk as Buffer);
  }
  yield* parser.end();
}
