/**
 * The import wizard's preview: the start of a feed read under a mapping, as the import would
 * read it — its header (so the wizard can offer the columns to map, even when the mapping does
 * not fit yet) and its first rows as products or as rejections with their reasons.
 */
import type { Kysely } from 'kysely';
import type { ProductInput } from '../../core/catalog.ts';
import { CsvTokenizer } from '../../core/catalog/csv.ts';
import { CatalogFeedError } from '../../core/catalog/import.ts';
import type { CatalogMapping } from '../../core/catalog/mapping.ts';
import type { RejectedField } from '../../core/catalog/validate.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { readFeed, type FeedFormat, type FeedKind } from './feed.ts';
import { findRetailer } from './retailers.ts';

export interface PreviewRequest {
  readonly text: string;
  /** the text is the whole feed (else a cut-off last row is left out) */
  readonly complete: boolean;
  readonly retailer: { readonly name: string; readonly currency?: string | undefined };
  readonly mapping: CatalogMapping;
  readonly format: FeedFormat;
  readonly rows: number;
}

export type PreviewRow = { readonly ok: true; readonly line: number; readonly product: ProductInput } | { readonly ok: false; readonly line: number; readonly field: RejectedField; readonly reason: string; readonly sku?: string };

export interface FeedPreview {
  readonly kind: FeedKind | null;
  readonly header: readonly string[];
  readonly missingOptionalColumns: readonly string[];
  readonly problem: string | null;
  readonly currency: string;
  readonly retailerExists: boolean;
  readonly rows: readonly PreviewRow[];
}

export async function previewFeed(db: Kysely<Database>, request: PreviewRequest): Promise<FeedPreview> {
  const existing = await findRetailer(db, request.retailer.name);
  const currency = existing?.currency ?? request.retailer.currency;
  if (!currency) throw new HttpError(400, 'currency_required', `Retailer "${request.retailer.name}" is new: give its currency`);

  const feed = readFeed([request.text], { currency, mapping: request.mapping, format: request.format, complete: request.complete });
  const rows: PreviewRow[] = [];
  let problem: string | null = null;
  try {
    for await (const row of feed.rows) {
      rows.push(row.ok ? { ok: true, line: row.line, product: row.product } : row);
      if (rows.length >= request.rows) break;
    }
  } catch (error) {
    if (!(error instanceof CatalogFeedError)) throw error;
    problem = error.message;
  }
  const kind = feed.kind ?? null;
  const header = feed.header ?? (kind === 'csv' || kind === null ? csvHeaderOf(request.text, request.mapping) : []);
  if (problem === null && rows.length === 0) {
    problem = header.length === 0 ? 'the text has no complete first line: send more of the file' : 'the text has a header but no complete row after it: send more of the file';
  }
  return { kind, header, missingOptionalColumns: feed.missingOptionalColumns, problem, currency, retailerExists: existing !== null, rows };
}

/** The first record of a CSV text, whether or not the mapping fits it. */
function csvHeaderOf(text: string, mapping: CatalogMapping): string[] {
  const tokenizer = new CsvTokenizer({ delimiter: mapping.delimiter });
  const lineEnd = text.search(/\r?\n/);
  const events = lineEnd === -1 ? [] : tokenizer.push(text.slice(0, lineEnd + 1));
  const first = events[0];
  return first?.kind === 'record' ? first.fields.map((field) => field.trim()) : [];
}
