/**
 * Native CSV files (purchases, prices) as named rows, streamed: bytes → strict UTF-8 per line
 * (core/catalog/decode.ts) → RFC 4180 records (core/catalog/csv.ts) → `{ column: value }`.
 * A row that cannot be read is a reject with its line number and reason, never the end of the
 * file; only a header that does not name the format's columns stops the import.
 */
import { CsvTokenizer, type CsvEvent } from '../../core/catalog/csv.ts';
import { parsePriceMinor, POINT_DECIMAL } from '../../core/catalog/numbers.ts';
import { isCurrencyCode } from '../../core/money.ts';
import { Utf8LineDecoder } from '../../core/catalog/decode.ts';
import { HttpError } from '../http/errors.ts';

export interface CsvShape {
  readonly name: string;
  readonly required: readonly string[];
  /** Columns a file may leave out. */
  readonly optional?: readonly string[];
}

export type CsvRowEvent =
  | { readonly kind: 'row'; readonly line: number; readonly values: Readonly<Record<string, string>>; readonly raw: string }
  | { readonly kind: 'reject'; readonly line: number; readonly raw: string; readonly reason: string };

/** The fields of a record written back as one CSV line (what a reviewer sees of a rejected row). */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field)).join(',');
}

export async function* readCsvRows(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, shape: CsvShape): AsyncGenerator<CsvRowEvent> {
  const decoder = new Utf8LineDecoder();
  const tokenizer = new CsvTokenizer({ header: true });
  const invalidLines = new Set<number>();
  let columns: string[] | null = null;
  const encoder = new TextEncoder();

  function* handle(events: readonly CsvEvent[]): Generator<CsvRowEvent> {
    for (const event of events) {
      if (event.kind === 'error') {
        yield { kind: 'reject', line: event.line, raw: '', reason: `malformed CSV: ${event.reason}` };
        continue;
      }
      if (!columns) {
        columns = checkHeader(event.fields, shape);
        continue;
      }
      const raw = csvLine(event.fields);
      if (hasInvalidLine(invalidLines, event.line, event.endLine)) {
        yield { kind: 'reject', line: event.line, raw, reason: 'the line is not valid UTF-8 (save the file as UTF-8)' };
        continue;
      }
      if (event.fields.length !== columns.length) {
        yield { kind: 'reject', line: event.line, raw, reason: `malformed line: expected ${columns.length} fields, found ${event.fields.length}` };
        continue;
      }
      const values: Record<string, string> = {};
      columns.forEach((column, i) => (values[column] = (event.fields[i] ?? '').trim()));
      yield { kind: 'row', line: event.line, values, raw };
    }
  }

  for await (const chunk of source) {
    const decoded = decoder.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
    for (const line of decoded.invalidLines) invalidLines.add(line);
    yield* handle(tokenizer.push(decoded.text));
  }
  const rest = decoder.end();
  for (const line of rest.invalidLines) invalidLines.add(line);
  yield* handle(tokenizer.push(rest.text));
  yield* handle(tokenizer.end());
  if (!columns) throw new HttpError(400, 'empty_file', `The ${shape.name} file is empty: it needs a header line (${shape.required.join(',')})`);
}

function hasInvalidLine(invalid: ReadonlySet<number>, from: number, to: number): boolean {
  if (invalid.size === 0) return false;
  for (let line = from; line <= to; line++) if (invalid.has(line)) return true;
  return false;
}

function checkHeader(fields: readonly string[], shape: CsvShape): string[] {
  const columns = fields.map((field) => field.trim().toLowerCase());
  const known = new Set([...shape.required, ...(shape.optional ?? [])]);
  const missing = shape.required.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !known.has(column));
  const repeated = columns.filter((column, i) => columns.indexOf(column) !== i);
  const problems = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    unknown.length ? `unknown ${unknown.map((c) => JSON.stringify(c)).join(', ')}` : '',
    repeated.length ? `repeated ${repeated.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) {
    throw new HttpError(400, 'bad_header', `Line 1 is not a ${shape.name} header (${problems.join('; ')}); expected: ${shape.required.join(',')}`);
  }
  return columns;
}

/**
 * A row's price in the retailer's currency (prices and purchases alike): the currency must be the
 * retailer's, the amount a positive decimal. Returns the amount in minor units, or why not.
 */
export function rowPrice(values: { readonly currency?: string; readonly amount?: string }, column: string, retailer: { readonly name: string; readonly currency: string }): { currency: string; minor: number } | string {
  const currency = (values.currency ?? '').toUpperCase();
  if (!isCurrencyCode(currency)) return `currency "${values.currency}" is not a three-letter ISO-4217 code`;
  if (currency !== retailer.currency) return `currency ${currency} differs from ${retailer.name}'s currency ${retailer.currency}`;
  let minor: number;
  try {
    minor = parsePriceMinor(values.amount ?? '', currency, POINT_DECIMAL);
  } catch (error) {
    return `${column} ${(error as Error).message}`;
  }
  if (minor <= 0) return `${column} must be greater than zero, got "${values.amount}"`;
  return { currency, minor };
}
