/**
 * Catalog colours and materials are words ("slate grey", "natural oak", "brass"); the scene needs
 * RGB. One table turns the words retailers use into calm, realistic swatches; anything unknown
 * falls back to a neutral chosen by the piece's category, never to a random colour.
 */
import type { Category } from '../../../core/catalog.ts';

const NAMED: Readonly<Record<string, string>> = {
  white: '#eeece7',
  ivory: '#ece4d2',
  opal: '#e6e6e0',
  oatmeal: '#d8ccb6',
  sand: '#d3c1a0',
  stone: '#b9b2a6',
  natural: '#d9c5a3',
  mushroom: '#a69b8d',
  tan: '#b98d5e',
  honey: '#c8914e',
  ochre: '#c69238',
  rust: '#a4532f',
  terracotta: '#b8654a',
  'blush pink': '#dcb1a6',
  sage: '#a5b39a',
  olive: '#6f7345',
  green: '#4f7a55',
  'forest green': '#2f4a38',
  teal: '#2f6b6c',
  blue: '#3f6593',
  'dusty blue': '#8ea3b5',
  navy: '#2b3a55',
  'ash grey': '#b5b5b0',
  'slate grey': '#6b7178',
  grey: '#9a9a96',
  charcoal: '#3d3f42',
  black: '#232323',
  'natural oak': '#c9a274',
  oak: '#c9a274',
  'smoked oak': '#7b5a3f',
  walnut: '#6b4a33',
  teak: '#9c6b43',
  ash: '#d6c3a3',
  beech: '#d4b08a',
  birch: '#dcc7a1',
  'birch plywood': '#dcc7a1',
  pine: '#d9b27c',
  acacia: '#a7764a',
  'mango wood': '#a98058',
  rattan: '#c9a36a',
  cane: '#cfae77',
  brass: '#b08d4a',
  gold: '#c2a25a',
  chrome: '#b9bcc0',
  silver: '#b3b6ba',
  steel: '#8c9096',
  aluminium: '#a9adb2',
  'white marble': '#e9e7e2',
  'black marble': '#2c2c2e',
  'green marble': '#3f5f52',
  marble: '#e4e1db',
  travertine: '#d9ccb4',
  concrete: '#a3a19c',
  multicolour: '#b7815e',
};

const WOODS = ['walnut', 'smoked oak', 'natural oak', 'oak', 'teak', 'ash', 'beech', 'birch plywood', 'birch', 'pine', 'acacia', 'mango wood', 'rattan', 'cane'] as const;
const METALS = ['brass', 'gold', 'chrome', 'steel', 'aluminium', 'silver'] as const;
const DEFAULT_FRAME = '#5a4636';
const DEFAULT_METAL = '#3a3c40';

/** A neutral per category for pieces whose colour we cannot read. */
export const CATEGORY_DEFAULT: Readonly<Record<Category, string>> = {
  sofa: '#b7b1a7',
  armchair: '#b39f86',
  'dining chair': '#a47a52',
  'office chair': '#4a4d52',
  'dining table': '#b48a5e',
  'coffee table': '#a98058',
  'side table': '#a98058',
  desk: '#c9a274',
  bed: '#c9c2b5',
  wardrobe: '#e3ded5',
  bookcase: '#c9a274',
  shelf: '#b48a5e',
  sideboard: '#8a6445',
  'tv unit': '#8a6445',
  lamp: '#e8e1d3',
  rug: '#cdbfa9',
  plant: '#4f7a55',
  mirror: '#b08d4a',
  'wall art': '#c7a27c',
};

const HEX = /^#[0-9a-f]{6}$/i;

function normalise(word: string): string {
  return word.trim().toLowerCase().replace(/gray/g, 'grey').replace(/\s+/g, ' ');
}

/** The RGB for a colour word, or null when the word is unknown. Accepts `#rrggbb` as is. */
export function colourForName(name: string | undefined | null): string | null {
  if (!name) return null;
  if (HEX.test(name.trim())) return name.trim().toLowerCase();
  const word = normalise(name);
  const exact = NAMED[word];
  if (exact) return exact;
  // "warm slate grey", "oak veneer": the longest known word inside the phrase wins.
  let best: string | null = null;
  let bestLength = 0;
  for (const [known, hex] of Object.entries(NAMED)) {
    if (known.length > bestLength && word.includes(known)) {
      best = hex;
      bestLength = known.length;
    }
  }
  return best;
}

export interface PiecePalette {
  /** The upholstery, body or surface colour the customer chose. */
  readonly main: string;
  /** Legs, frames and plinths: the first wood or metal the product names, else a soft dark wood. */
  readonly frame: string;
  readonly frameIsMetal: boolean;
  /** Handles, bases and poles: the piece's metal, else graphite. */
  readonly metal: string;
}

/**
 * The colours of one placed piece: its chosen colour (or the product's first), and the wood
 * and metal its materials name, for legs and hardware.
 */
export function paletteFor(category: Category, chosenColour: string | undefined, productColours: readonly string[], materials: readonly string[]): PiecePalette {
  const main = colourForName(chosenColour) ?? colourForName(productColours[0]) ?? CATEGORY_DEFAULT[category];
  let frame: { name: string; metal: boolean } | undefined;
  let metal: string | undefined;
  for (const material of materials.map(normalise)) {
    const wood = WOODS.find((name) => material.includes(name));
    const metalName = METALS.find((name) => material.includes(name));
    if (!frame && (wood || metalName)) frame = wood ? { name: wood, metal: false } : { name: metalName!, metal: true };
    if (!metal && metalName) metal = metalName;
  }
  return {
    main,
    frame: frame ? (NAMED[frame.name] ?? DEFAULT_FRAME) : DEFAULT_FRAME,
    frameIsMetal: frame?.metal ?? false,
    metal: metal ? (NAMED[metal] ?? DEFAULT_METAL) : DEFAULT_METAL,
  };
}

/** Whether a colour reads as green foliage (plants keep their leaves green whatever the pot). */
export function isGreenish(hex: string): boolean {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = (value >> 16) & 255;
  const g = (value >> 8) & 255;
  const b = value & 255;
  return g > r + 8 && g > b + 8;
}

/** Mixes a colour toward white (amount > 0) or black (amount < 0); used for cushions, borders, mats. */
export function shade(hex: string, amount: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const channels = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  const target = amount >= 0 ? 255 : 0;
  const mixed = channels.map((channel) => Math.round(channel + (target - channel) * Math.min(1, Math.abs(amount))));
  return `#${mixed.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}
