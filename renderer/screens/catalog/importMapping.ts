/**
 * The import wizard's mapping as the admin edits it, and how it becomes the mapping the server
 * checks (README "Mapping a retailer's own feed"). Pure: guesses and conversions are tested
 * without a browser.
 */
import { CATEGORIES, type Category } from '../../../core/catalog.ts';
import { MAPPED_FIELDS, REQUIRED_FIELDS, type MappedField } from '../../../core/catalog/mapping.ts';

export type FeedUnit = 'mm' | 'cm' | 'm' | 'in';
export type Delimiter = ',' | ';' | '\t' | '|';
export type DecimalSeparator = '.' | ',';
export type ThousandsSeparator = '' | ',' | '.' | ' ' | "'";

export interface WizardMapping {
  readonly columns: Partial<Record<MappedField, string>>;
  readonly units: FeedUnit;
  readonly delimiter: Delimiter;
  readonly decimalSeparator: DecimalSeparator;
  readonly thousandsSeparator: ThousandsSeparator;
  readonly listSeparator: string;
  readonly categories: Readonly<Record<string, Category>>;
}

export const INITIAL_MAPPING: WizardMapping = { columns: {}, units: 'mm', delimiter: ',', decimalSeparator: '.', thousandsSeparator: ',', listSeparator: '|', categories: {} };

export { MAPPED_FIELDS, REQUIRED_FIELDS };

/** Names retailers commonly give each field (lower case, without spaces, dashes or underscores). */
const ALIASES: Record<MappedField, readonly string[]> = {
  sku: ['sku', 'articlenumber', 'article', 'artikel', 'artikelnummer', 'itemnumber', 'item', 'productid', 'id', 'ref', 'reference'],
  name: ['name', 'title', 'productname', 'bezeichnung', 'description', 'nom'],
  category: ['category', 'categorie', 'kategorie', 'type', 'group', 'gruppe', 'producttype'],
  width: ['width', 'widthmm', 'widthcm', 'widthin', 'breite', 'w', 'largeur'],
  depth: ['depth', 'depthmm', 'depthcm', 'depthin', 'tiefe', 'd', 'length', 'profondeur'],
  height: ['height', 'heightmm', 'heightcm', 'heightin', 'höhe', 'hohe', 'h', 'hauteur'],
  price: ['price', 'preis', 'prix', 'amount', 'retailprice', 'saleprice'],
  currency: ['currency', 'währung', 'wahrung', 'devise', 'curr'],
  colours: ['colours', 'colors', 'colour', 'color', 'farben', 'farbe', 'couleurs'],
  styleTags: ['styletags', 'style', 'styles', 'tags', 'stil'],
  materials: ['materials', 'material', 'materialien', 'matériaux'],
  modelUrl: ['modelurl', 'model', 'gltf', '3dmodel'],
  productUrl: ['producturl', 'url', 'link', 'productlink'],
  imageUrl: ['imageurl', 'image', 'img', 'bild', 'picture', 'photo'],
  finalSale: ['finalsale', 'clearance', 'nonreturnable', 'sale'],
};

const normalise = (name: string) => name.toLowerCase().replace(/[\s_\-().]/g, '');

/** Each of our fields matched to the first of their columns with a known name. */
export function guessColumns(header: readonly string[]): Partial<Record<MappedField, string>> {
  const columns: Partial<Record<MappedField, string>> = {};
  const taken = new Set<string>();
  for (const field of MAPPED_FIELDS) {
    const match = header.find((column) => {
      if (taken.has(column)) return false;
      const name = normalise(column);
      return ALIASES[field].includes(name) || ALIASES[field].includes(name.replace(/(mm|cm|in)$/, ''));
    });
    if (match) {
      columns[field] = match;
      taken.add(match);
    }
  }
  return columns;
}

/** A unit written in the dimension columns' names ("Breite (cm)", "width_in") wins the guess. */
export function guessUnits(header: readonly string[], columns: Partial<Record<MappedField, string>>): FeedUnit {
  const names = [columns.width, columns.depth, columns.height].filter((name): name is string => Boolean(name)).map(normalise);
  for (const unit of ['mm', 'cm', 'in'] as const) if (names.length && names.every((name) => name.endsWith(unit))) return unit;
  return header.some((name) => /\(cm\)|_cm$/i.test(name)) ? 'cm' : 'mm';
}

/** The delimiter that splits the first line into the most columns. */
export function guessDelimiter(text: string): Delimiter {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of [',', ';', '\t', '|'] as const) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export function missingRequired(mapping: WizardMapping): MappedField[] {
  return REQUIRED_FIELDS.filter((field) => !mapping.columns[field]);
}

/** The JSON mapping for the server, or null while a required column is still unmapped. */
export function toServerMapping(mapping: WizardMapping, currency: string | undefined): Record<string, unknown> | null {
  if (missingRequired(mapping).length) return null;
  const columns = Object.fromEntries(Object.entries(mapping.columns).filter(([, column]) => Boolean(column)));
  return {
    delimiter: mapping.delimiter,
    columns,
    units: mapping.units,
    decimalSeparator: mapping.decimalSeparator,
    thousandsSeparator: mapping.thousandsSeparator === mapping.decimalSeparator ? '' : mapping.thousandsSeparator,
    listSeparator: mapping.listSeparator,
    categories: mapping.categories,
    ...(currency ? { defaultCurrency: currency } : {}),
  };
}

/** Their category names the preview refused as not ours ("Kategorie: "Sessel" is not one of our categories"). */
export function unknownCategories(reasons: readonly string[]): string[] {
  const found = new Set<string>();
  for (const reason of reasons) {
    const match = /"([^"]+)" is not one of our categories/.exec(reason);
    if (match?.[1] && !(CATEGORIES as readonly string[]).includes(match[1].toLowerCase())) found.add(match[1]);
  }
  return [...found];
}

/** The start of a feed for the preview: whole lines only, about 64 KiB. */
export function previewSample(text: string, maxChars = 64 * 1024): { text: string; complete: boolean } {
  if (text.length <= maxChars) return { text, complete: true };
  const cut = text.lastIndexOf('\n', maxChars);
  return { text: text.slice(0, cut > 0 ? cut + 1 : maxChars), complete: false };
}

/** Whether the feed reads as CSV (the server reads `[` or `{` at the start as JSON). */
export function looksLikeCsv(text: string): boolean {
  return !/^\uFEFF?\s*[[{]/.test(text);
}

/** A CSV feed's header under the chosen delimiter, so the column choices follow a delimiter change at once. */
export function csvHeader(text: string, delimiter: Delimiter): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const columns: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === delimiter) {
      columns.push(cell.trim());
      cell = '';
    } else if (char === '\n' || char === '\r') break;
    else cell += char;
  }
  columns.push(cell.trim());
  return columns.filter((column) => column !== '');
}
