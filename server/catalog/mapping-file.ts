/**
 * Reading a mapping (`--map MAPPING.json`, or the import wizard's mapping in an API body) with
 * errors an admin can act on: which file, which key, what is wrong. Beyond the core schema, keys
 * it does not know are refused — a mistyped `"unit": "cm"` would otherwise be dropped silently
 * and every width read in millimetres.
 */
import { readFile } from 'node:fs/promises';
import { decodeUtf8Strict } from '../../core/catalog/decode.ts';
import { CatalogMappingSchema, MAPPED_FIELDS, type CatalogMapping } from '../../core/catalog/mapping.ts';

export interface MappingIssue {
  /** "columns.sku", "units.width", "mapping" for the whole */
  readonly path: string;
  readonly message: string;
}

export type MappingCheck = { readonly ok: true; readonly mapping: CatalogMapping } | { readonly ok: false; readonly issues: readonly MappingIssue[] };

const TOP_LEVEL_KEYS = ['version', 'delimiter', 'columns', 'units', 'decimalSeparator', 'thousandsSeparator', 'listSeparator', 'categories', 'defaultCurrency'];
const UNIT_KEYS = ['width', 'depth', 'height'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function unknownKeys(value: unknown, known: readonly string[], at: string): MappingIssue[] {
  if (!isRecord(value)) return [];
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: at ? `${at}.${key}` : key, message: `is not a mapping key (known here: ${known.join(', ')})` }));
}

/** A mapping's JSON value → the mapping, or every problem with its path. */
export function checkMapping(json: unknown): MappingCheck {
  if (!isRecord(json)) return { ok: false, issues: [{ path: 'mapping', message: 'must be a JSON object with at least "columns"' }] };
  const issues = [...unknownKeys(json, TOP_LEVEL_KEYS, ''), ...unknownKeys(json.columns, MAPPED_FIELDS, 'columns'), ...unknownKeys(json.units, UNIT_KEYS, 'units')];
  const parsed = CatalogMappingSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
      issues.push({ path: issue.path.join('.') || 'mapping', message: missing ? 'is required' : issue.message });
    }
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, mapping: parsed.data };
}

export class MappingFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingFileError';
  }
}

/** Reads and checks a mapping file; throws `MappingFileError` naming the file and the problem. */
export async function readMappingFile(file: string): Promise<CatalogMapping> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new MappingFileError(`mapping file ${file} cannot be read${code === 'ENOENT' ? ': there is no such file' : code === 'EISDIR' ? ': it is a folder' : `: ${(error as Error).message}`}`);
  }
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) throw new MappingFileError(`mapping file ${file}: ${decoded.reason}`);
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (error) {
    throw new MappingFileError(`mapping file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const checked = checkMapping(json);
  if (!checked.ok) throw new MappingFileError(`mapping file ${file} is not a usable mapping:\n${checked.issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
  return checked.mapping;
}
