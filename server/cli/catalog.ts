/**
 * `atelier catalog import` (a retailer's feed into the store, one transaction) and
 * `atelier catalog search` (the same ranked search the app uses).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CATEGORIES, isCategory } from '../../core/catalog.ts';
import { CatalogFeedError } from '../../core/catalog/import.ts';
import { nativeMapping } from '../../core/catalog/mapping.ts';
import { parseFootprint, type CatalogSearchQuery } from '../../core/catalog/search.ts';
import { formatMoney, parseMoneyAmount } from '../../core/money.ts';
import { FEED_FORMATS, readFeedFile, type FeedFormat } from '../catalog/feed.ts';
import { importCatalog, type CatalogImportReport } from '../catalog/import.ts';
import { MappingFileError, readMappingFile } from '../catalog/mapping-file.ts';
import { CatalogSearchService } from '../catalog/search-service.ts';
import { parse, STORE_OPTIONS, UsageError, withStore } from './args.ts';
import type { CliIo } from './io-types.ts';
import { printTable } from './io.ts';

const USAGE = `usage: atelier catalog import FILE --retailer NAME [--currency CODE] [--map MAPPING.json] [--format csv|json|auto] [--progress] [--json]
       atelier catalog search "QUERY" [--category C] [--retailer R] [--max-price AMOUNT] [--currency CODE]
                              [--fits WIDTHxDEPTH] [--sort relevance|price-asc|price-desc] [--limit N] [--json]`;

export async function catalogCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'import') return importVerb(rest, io);
  if (verb === 'search') return searchVerb(rest, io);
  throw new UsageError(USAGE);
}

async function importVerb(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    { ...STORE_OPTIONS, retailer: { type: 'string' }, currency: { type: 'string' }, map: { type: 'string' }, format: { type: 'string', default: 'auto' }, progress: { type: 'boolean', default: false } },
    true,
  );
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`catalog import needs exactly one FILE\n${USAGE}`);
  if (!values.retailer?.trim()) throw new UsageError(`catalog import needs --retailer NAME (created when new, with --currency CODE)\n${USAGE}`);
  if (!(FEED_FORMATS as readonly string[]).includes(values.format)) throw new UsageError(`--format must be one of ${FEED_FORMATS.join(', ')}; got "${values.format}"`);
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency must be a three-letter ISO-4217 code such as USD; got "${values.currency}"`);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`cannot read ${file}: ${info ? 'it is not a file' : 'there is no such file'}`);
  let mapping = nativeMapping;
  if (values.map) {
    try {
      mapping = await readMappingFile(values.map);
    } catch (error) {
      if (error instanceof MappingFileError) {
        io.stderr.write(`atelier catalog import: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }

  const retailerName = values.retailer.trim();
  return withStore(values, async (db) => {
    try {
      const started = performance.now();
      const report = await importCatalog(db, {
        retailer: { name: retailerName, ...(currency ? { currency } : {}) },
        feed: (retailerCurrency) => readFeedFile(file, { currency: retailerCurrency, mapping, format: values.format as FeedFormat }),
        source: `catalog:${path.basename(file)}`,
        onProgress: values.progress ? progressPrinter(io) : undefined,
      });
      const seconds = (performance.now() - started) / 1000;
      io.stdout.write(values.json ? `${JSON.stringify(reportJson(report, file, seconds))}\n` : reportText(report, file, seconds));
      return 0;
    } catch (error) {
      if (error instanceof CatalogFeedError) {
        io.stderr.write(`atelier catalog import: ${file} cannot be imported: ${error.message}\nNothing was imported.\n`);
        return 1;
      }
      throw error;
    }
  });
}

/** A line on standard error every 5,000 rows: the import is one transaction, this says it is moving. */
function progressPrinter(io: CliIo): (rows: number) => void {
  let printed = 0;
  return (rows) => {
    if (rows - printed < 5000) return;
    printed = rows;
    io.stderr.write(`… ${rows} rows read\n`);
  };
}

function reportJson(report: CatalogImportReport, file: string, seconds: number) {
  const { retailer, retailerCreated, kind, imported, updated, unchanged, rejected } = report;
  return { file, retailer: { id: retailer.id, name: retailer.name, currency: retailer.currency, created: retailerCreated }, kind, imported, updated, unchanged, rejected, seconds: Math.round(seconds * 1000) / 1000 };
}

function reportText(report: CatalogImportReport, file: string, seconds: number): string {
  const { retailer, retailerCreated, kind, imported, updated, unchanged, rejected } = report;
  const position = kind === 'json-array' ? 'item' : 'line';
  const lines = [
    `${path.basename(file)} → ${retailer.name} (${retailer.currency}${retailerCreated ? ', new retailer' : ''}) in ${seconds.toFixed(1)} s`,
    `  imported ${imported}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected.length}`,
  ];
  if (rejected.length > 0) {
    lines.push('Rejected:');
    for (const row of rejected) lines.push(`  ${position} ${row.line}: ${row.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

async function searchVerb(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      ...STORE_OPTIONS,
      category: { type: 'string', multiple: true },
      retailer: { type: 'string', multiple: true },
      'max-price': { type: 'string' },
      currency: { type: 'string' },
      fits: { type: 'string' },
      sort: { type: 'string', default: 'relevance' },
      limit: { type: 'string', default: '20' },
    },
    true,
  );
  const text = positionals.join(' ');
  const categories = values.category ?? [];
  const unknownCategory = categories.find((category) => !isCategory(category.toLowerCase()));
  if (unknownCategory) throw new UsageError(`--category "${unknownCategory}" is not one of ours: ${CATEGORIES.join(', ')}`);
  const fits = values.fits === undefined ? undefined : parseFootprint(values.fits);
  if (values.fits !== undefined && !fits) throw new UsageError(`--fits must be WIDTHxDEPTH in millimetres, e.g. 900x500 (or 90x50cm); got "${values.fits}"`);
  if (!['relevance', 'price-asc', 'price-desc'].includes(values.sort)) throw new UsageError(`--sort must be relevance, price-asc or price-desc; got "${values.sort}"`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000; got "${values.limit}"`);

  return withStore(values, async (db) => {
    const retailers = await db.selectFrom('retailers').select(['id', 'name', 'currency']).orderBy('name').execute();
    const chosen = (values.retailer ?? []).map((wanted) => {
      const match = retailers.find((retailer) => retailer.name.toLowerCase() === wanted.trim().toLowerCase() || retailer.id === wanted);
      if (!match) throw new UsageError(`--retailer "${wanted}" is not a retailer here; known: ${retailers.map((r) => r.name).join(', ') || '(none yet)'}`);
      return match;
    });
    const price = values['max-price'] === undefined ? undefined : maxPrice(values['max-price'], values.currency, chosen.length > 0 ? chosen : retailers);
    const query: CatalogSearchQuery = {
      text,
      ...(categories.length > 0 ? { categories: categories.map((c) => c.toLowerCase()) as CatalogSearchQuery['categories'] } : {}),
      ...(chosen.length > 0 ? { retailerIds: chosen.map((r) => r.id) } : {}),
      ...(price ? { price } : {}),
      ...(fits ? { fits } : {}),
      sort: values.sort as CatalogSearchQuery['sort'],
      limit,
      facets: false,
    };
    const result = await new CatalogSearchService(db).search(query);
    if (values.json) {
      io.stdout.write(`${JSON.stringify({ total: result.total, matchedAllTerms: result.matchedAllTerms, fits: result.fits, hits: result.hits })}\n`);
      return 0;
    }
    if (result.hits.length === 0) {
      io.stdout.write('No products match.\n');
      return 0;
    }
    const rows = result.hits.map(({ product }, index) => ({
      '#': index + 1,
      name: product.name,
      retailer: product.retailerName,
      category: product.category,
      'w×d×h mm': `${product.widthMm}×${product.depthMm}×${product.heightMm}`,
      price: formatMoney(product.price),
      sku: product.sku,
    }));
    const note = result.matchedAllTerms ? '' : ' (no product matches every word; these match some)';
    io.stdout.write(`${printTable(rows, ['#', 'name', 'retailer', 'category', 'w×d×h mm', 'price', 'sku'])}\n${result.hits.length} of ${result.total}${note}\n`);
    return 0;
  });
}

/** "800", "800 GBP", "GBP 800": a price ceiling in one currency (prices never compare across currencies). */
function maxPrice(text: string, currencyOption: string | undefined, retailers: readonly { currency: string }[]): NonNullable<CatalogSearchQuery['price']> {
  const match = /^\s*(?:([A-Za-z]{3})\s*)?([\d.,\s]+?)\s*(?:([A-Za-z]{3}))?\s*$/.exec(text);
  if (!match) throw new UsageError(`--max-price must be an amount such as 800 or 799.99 (optionally with a currency: 800 GBP); got "${text}"`);
  const currencies = [...new Set(retailers.map((r) => r.currency))];
  const currency = (match[1] ?? match[3] ?? currencyOption ?? (currencies.length === 1 ? currencies[0] : undefined))?.toUpperCase();
  if (!currency) {
    const known = currencies.length > 0 ? `this catalog has ${currencies.join(', ')}` : 'the catalog has no retailers yet';
    throw new UsageError(`--max-price needs a currency (${known}): add --currency CODE, or write "${text.trim()} ${currencies[0] ?? 'USD'}"`);
  }
  try {
    return { currency, maxMinor: parseMoneyAmount(match[2] ?? '', currency) };
  } catch (error) {
    throw new UsageError(`--max-price "${text}": ${(error as Error).message}`);
  }
}
