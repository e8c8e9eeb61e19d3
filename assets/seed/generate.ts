/**
 * Writes the seed catalog: `retailers.json` and one native-format CSV per retailer.
 * Every retailer and product here is invented for this project (no scraped data); product and
 * image URLs point at `.example` hosts, which can never resolve.
 *
 * Deterministic: a seeded PRNG per retailer, so re-running rewrites byte-identical files and a
 * test can prove the committed files are what this script produces.
 *
 * Run: `node assets/seed/generate.ts`
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, type Category } from '../../core/catalog.ts';
import { seededRandom } from '../../core/random.ts';
import { LINE_NAMES, STYLE_TAGS, VOCABULARY, type PieceKind, type Range } from './words.ts';

export const NATIVE_CSV_HEADER = [
  'sku',
  'name',
  'category',
  'width_mm',
  'depth_mm',
  'height_mm',
  'price',
  'currency',
  'colours',
  'style_tags',
  'materials',
  'model_url',
  'product_url',
  'image_url',
  'final_sale',
] as const;

export interface SeedRetailer {
  readonly slug: string;
  readonly name: string;
  readonly currency: 'USD' | 'GBP' | 'EUR';
  readonly website: string;
  readonly policy: {
    readonly windowDays: number;
    readonly windowFrom: 'purchase' | 'delivery';
    readonly adjustments: 'one' | 'unlimited';
    readonly excludeFinalSale: boolean;
  };
  readonly catalogFile: string;
}

interface RetailerRecipe extends Omit<SeedRetailer, 'catalogFile' | 'website'> {
  readonly productCount: number;
  /** price multiplier against mid-market US dollars, currency conversion included */
  readonly priceFactor: number;
  /** how the retailer ends its prices: .00, .99 or .95 */
  readonly priceEnding: 0 | 99 | 95;
  /** style tags it leans to (drawn twice as often) */
  readonly styles: readonly string[];
  /** categories it stocks more (×2) or less (×0.5) of */
  readonly emphasis: Partial<Record<Category, number>>;
  readonly skuFormat: (categoryCode: string, serial: number) => string;
  readonly finalSaleShare: number;
}

const RETAILERS: readonly RetailerRecipe[] = [
  {
    slug: 'brindle-birch',
    name: 'Brindle & Birch',
    currency: 'USD',
    policy: { windowDays: 14, windowFrom: 'delivery', adjustments: 'unlimited', excludeFinalSale: true },
    productCount: 420,
    priceFactor: 1,
    priceEnding: 0,
    styles: ['mid-century', 'modern', 'scandinavian'],
    emphasis: { sofa: 1.5, armchair: 1.5 },
    skuFormat: (code, serial) => `BB-${code}-${String(serial).padStart(5, '0')}`,
    finalSaleShare: 0.04,
  },
  {
    slug: 'fernway-goods',
    name: 'Fernway Goods',
    currency: 'USD',
    policy: { windowDays: 30, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: true },
    productCount: 440,
    priceFactor: 0.55,
    priceEnding: 99,
    styles: ['boho', 'farmhouse', 'contemporary', 'coastal'],
    emphasis: { rug: 1.5, lamp: 1.5, 'wall art': 2, plant: 1.5 },
    skuFormat: (_code, serial) => `FW${String(700000 + serial * 7)}`,
    finalSaleShare: 0.1,
  },
  {
    slug: 'solvik-studio',
    name: 'Solvik Studio',
    currency: 'EUR',
    policy: { windowDays: 14, windowFrom: 'purchase', adjustments: 'unlimited', excludeFinalSale: false },
    productCount: 400,
    priceFactor: 0.85,
    priceEnding: 95,
    styles: ['scandinavian', 'minimalist', 'japandi'],
    emphasis: { shelf: 2, bookcase: 1.5, desk: 1.5, 'office chair': 1.5 },
    skuFormat: (code, serial) => `SLV-${code}-${String(serial).padStart(4, '0')}`,
    finalSaleShare: 0.03,
  },
  {
    slug: 'casa-orsolina',
    name: 'Casa Orsolina',
    currency: 'EUR',
    policy: { windowDays: 10, windowFrom: 'delivery', adjustments: 'one', excludeFinalSale: true },
    productCount: 360,
    priceFactor: 1.7,
    priceEnding: 0,
    styles: ['art deco', 'modern', 'contemporary', 'traditional'],
    emphasis: { 'dining table': 1.5, sideboard: 1.5, mirror: 1.5, 'office chair': 0.5, plant: 0.5 },
    skuFormat: (code, serial) => `CO${code}${String(serial).padStart(6, '0')}`,
    finalSaleShare: 0.06,
  },
  {
    slug: 'kettlewell-crane',
    name: 'Kettlewell & Crane',
    currency: 'GBP',
    policy: { windowDays: 28, windowFrom: 'delivery', adjustments: 'unlimited', excludeFinalSale: true },
    productCount: 400,
    priceFactor: 1.2,
    priceEnding: 0,
    styles: ['traditional', 'industrial', 'mid-century'],
    emphasis: { bed: 1.5, wardrobe: 1.5, sofa: 1.3 },
    skuFormat: (code, serial) => `KC/${code}/${String(serial).padStart(4, '0')}`,
    finalSaleShare: 0.05,
  },
  {
    slug: 'tidemark-home',
    name: 'Tidemark Home',
    currency: 'GBP',
    policy: { windowDays: 14, windowFrom: 'purchase', adjustments: 'one', excludeFinalSale: false },
    productCount: 380,
    priceFactor: 0.62,
    priceEnding: 99,
    styles: ['coastal', 'boho', 'farmhouse', 'minimalist'],
    emphasis: { rug: 1.5, armchair: 1.3, mirror: 1.3, 'wall art': 1.3 },
    skuFormat: (code, serial) => `TH-${serial}${code}`,
    finalSaleShare: 0.08,
  },
];

const CATEGORY_CODES: Record<Category, string> = {
  sofa: 'SOF',
  armchair: 'ARM',
  'dining chair': 'DCH',
  'office chair': 'OCH',
  'dining table': 'DTB',
  'coffee table': 'CTB',
  'side table': 'STB',
  desk: 'DSK',
  bed: 'BED',
  wardrobe: 'WRD',
  bookcase: 'BKC',
  shelf: 'SHF',
  sideboard: 'SDB',
  'tv unit': 'TVU',
  lamp: 'LMP',
  rug: 'RUG',
  plant: 'PLT',
  mirror: 'MIR',
  'wall art': 'ART',
};

function seedFor(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

class Draw {
  readonly #random: () => number;
  constructor(seed: number) {
    this.#random = seededRandom(seed);
  }
  chance(probability: number): boolean {
    return this.#random() < probability;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.#random() * (max - min + 1));
  }
  /** A size in a range, to a round step like a catalogue would print it. */
  size(range: Range, step: number): number {
    const value = range[0] + this.#random() * (range[1] - range[0]);
    return Math.max(step, Math.round(value / step) * step);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#random() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weightOf(item), 0);
    let roll = this.#random() * total;
    for (const item of items) {
      roll -= weightOf(item);
      if (roll < 0) return item;
    }
    return items[items.length - 1] as T;
  }
  distinct<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, new Set(items).size)) chosen.add(this.pick(items));
    return [...chosen];
  }
}

export interface SeedProduct {
  sku: string;
  name: string;
  category: Category;
  widthMm: number;
  depthMm: number;
  heightMm: number;
  price: string;
  currency: string;
  colours: string[];
  styleTags: string[];
  materials: string[];
  modelUrl: string;
  productUrl: string;
  imageUrl: string;
  finalSale: boolean;
}

const MATERIAL_PRICE_FACTOR: Record<string, number> = {
  walnut: 1.25,
  teak: 1.2,
  marble: 1.3,
  travertine: 1.35,
  leather: 1.4,
  velvet: 1.1,
  boucle: 1.15,
  wool: 1.1,
  brass: 1.15,
  pine: 0.8,
  'painted MDF': 0.7,
  'recycled polyester': 0.85,
  'moulded plastic': 0.6,
  'mango wood': 0.9,
};

/** Sizes a person would read on a label: big pieces to 10 mm, small ones to 5 mm, thin ones to 1 mm. */
function stepFor(range: Range): number {
  if (range[1] <= 60) return 1;
  if (range[1] <= 700) return 5;
  return 10;
}

function priceText(usd: number, recipe: RetailerRecipe): string {
  const amount = usd * recipe.priceFactor;
  // Cheap things move in small steps, dear things in tens, as real price lists do.
  const step = amount < 100 ? 1 : amount < 1000 ? 5 : 10;
  const whole = Math.max(5, Math.round(amount / step) * step);
  if (recipe.priceEnding === 0) return `${whole}.00`;
  return `${whole - 1}.${recipe.priceEnding}`;
}

function productName(draw: Draw, line: string, kind: PieceKind, category: Category, material: string): string {
  const vocabulary = VOCABULARY[category];
  const pattern = draw.pick(vocabulary.patterns);
  let name: string;
  if (pattern === 'noun-in-material') name = `${line} ${kind.noun} in ${material}`;
  else if (pattern === 'material-noun') name = `${line} ${material} ${kind.noun}`;
  else name = `${line} ${draw.pick(vocabulary.adjectives)} ${kind.noun}`;
  return name;
}

function generateProduct(draw: Draw, recipe: RetailerRecipe, category: Category, serial: number): SeedProduct {
  const vocabulary = VOCABULARY[category];
  const kind = draw.weighted(vocabulary.kinds, (k) => k.weight ?? 1);
  const line = draw.pick(LINE_NAMES);
  const material = draw.pick(vocabulary.primaryMaterials);
  const secondary = draw.chance(0.7) ? [draw.pick(vocabulary.secondaryMaterials)] : [];
  const materials = [...new Set([material, ...secondary])];
  let name = productName(draw, line, kind, category, material);
  let widthMm = draw.size(kind.widthMm, stepFor(kind.widthMm));
  let depthMm = draw.size(kind.depthMm, stepFor(kind.depthMm));
  const heightMm = draw.size(kind.heightMm, stepFor(kind.heightMm));
  if (/^round /.test(kind.noun)) depthMm = category === 'mirror' ? depthMm : widthMm;
  if (category === 'mirror' && kind.noun === 'round mirror') name = `${name}, ${Math.round(widthMm / 10)} cm`;
  // The US stores print inch sizes on small pieces, which puts quotes inside CSV fields.
  if (recipe.currency === 'USD' && (category === 'wall art' || category === 'mirror') && draw.chance(0.3)) {
    widthMm = Math.round(Math.round(widthMm / 25.4) * 25.4);
    name = `${line} ${Math.round(widthMm / 25.4)}" ${kind.noun}`;
  }
  const priceUsd = draw.size(kind.priceUsd, 1) * (MATERIAL_PRICE_FACTOR[material] ?? 1);
  const styleCount = draw.int(1, 3);
  const styleTags = draw.distinct([...STYLE_TAGS, ...recipe.styles, ...recipe.styles], styleCount);
  const colours = draw.distinct(vocabulary.colours, draw.int(1, 4));
  const sku = recipe.skuFormat(CATEGORY_CODES[category], serial);
  const skuSlug = sku.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const host = `https://www.${recipe.slug}.example`;
  return {
    sku,
    name,
    category,
    widthMm,
    depthMm,
    heightMm,
    price: priceText(priceUsd, recipe),
    currency: recipe.currency,
    colours,
    styleTags,
    materials,
    modelUrl: kind.model && draw.chance(0.45) ? `/assets/models/${kind.model}` : '',
    productUrl: `${host}/products/${skuSlug}`,
    imageUrl: draw.chance(0.9) ? `${host}/images/${skuSlug}.jpg` : '',
    finalSale: draw.chance(recipe.finalSaleShare),
  };
}

function generateRetailerProducts(recipe: RetailerRecipe, count = recipe.productCount, uniqueNames = true): SeedProduct[] {
  const draw = new Draw(seedFor(uniqueNames ? recipe.slug : `${recipe.slug}/${count}`));
  const weightOf = (category: Category) => VOCABULARY[category].share * (recipe.emphasis[category] ?? 1);
  // Every category first, so even a small retailer covers the whole taxonomy; then by weight.
  const categories: Category[] = [...CATEGORIES];
  while (categories.length < count) categories.push(draw.weighted(CATEGORIES, weightOf));
  const names = new Set<string>();
  const products: SeedProduct[] = [];
  let serial = 100;
  for (const category of categories) {
    let product = generateProduct(draw, recipe, category, serial);
    // A shop does not list two different products under one name (benchmark catalogs may).
    for (let attempt = 0; uniqueNames && names.has(product.name) && attempt < 20; attempt++) product = generateProduct(draw, recipe, category, serial);
    if (uniqueNames && names.has(product.name)) continue;
    names.add(product.name);
    products.push(product);
    serial += draw.int(1, 9);
  }
  return products;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function toCsv(products: readonly SeedProduct[]): string {
  const rows = products.map((p) =>
    [
      p.sku,
      p.name,
      p.category,
      String(p.widthMm),
      String(p.depthMm),
      String(p.heightMm),
      p.price,
      p.currency,
      p.colours.join('|'),
      p.styleTags.join('|'),
      p.materials.join('|'),
      p.modelUrl,
      p.productUrl,
      p.imageUrl,
      String(p.finalSale),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[NATIVE_CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}

export interface SeedCatalog {
  readonly retailers: readonly SeedRetailer[];
  /** file name → contents, including retailers.json */
  readonly files: ReadonlyMap<string, string>;
}

export function generateSeedCatalog(): SeedCatalog {
  const files = new Map<string, string>();
  const retailers: SeedRetailer[] = RETAILERS.map((recipe) => {
    const catalogFile = `catalog-${recipe.slug}.csv`;
    files.set(catalogFile, toCsv(generateRetailerProducts(recipe)));
    return {
      slug: recipe.slug,
      name: recipe.name,
      currency: recipe.currency,
      website: `https://www.${recipe.slug}.example`,
      policy: recipe.policy,
      catalogFile,
    };
  });
  files.set('retailers.json', `${JSON.stringify({ version: 1, retailers }, null, 2)}\n`);
  return { retailers, files };
}

/**
 * Benchmark-sized catalogs written the same way as the seed: `count` products spread over the
 * seed retailers (names may repeat). Deterministic for a given count.
 */
export function generateSyntheticCatalog(count: number): { retailer: Omit<SeedRetailer, 'catalogFile'>; products: SeedProduct[] }[] {
  return RETAILERS.map((recipe, index) => {
    const share = Math.floor(count / RETAILERS.length) + (index < count % RETAILERS.length ? 1 : 0);
    const { slug, name, currency, policy } = recipe;
    return { retailer: { slug, name, currency, policy, website: `https://www.${slug}.example` }, products: generateRetailerProducts(recipe, share, false) };
  });
}

/** One retailer's benchmark feed in the native CSV format, `count` rows (for import benchmarks). */
export function generateSyntheticCsv(count: number): { currency: string; csv: string } {
  const recipe = RETAILERS[0] as RetailerRecipe;
  return { currency: recipe.currency, csv: toCsv(generateRetailerProducts(recipe, count, false)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const [file, contents] of generateSeedCatalog().files) {
    writeFileSync(join(here, file), contents);
    const rows = file.endsWith('.csv') ? ` (${contents.trimEnd().split('\n').length - 1} products)` : '';
    console.log(`wrote assets/seed/${file}${rows}`);
  }
}
