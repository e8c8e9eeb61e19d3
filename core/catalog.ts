import type { Money } from './money.ts';

/** The one normalised taxonomy every retailer's feed is mapped onto. */
export const CATEGORIES = [
  'sofa',
  'armchair',
  'dining chair',
  'office chair',
  'dining table',
  'coffee table',
  'side table',
  'desk',
  'bed',
  'wardrobe',
  'bookcase',
  'shelf',
  'sideboard',
  'tv unit',
  'lamp',
  'rug',
  'plant',
  'mirror',
  'wall art',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Categories that hang on a wall rather than stand on the floor. */
export const WALL_HUNG_CATEGORIES: readonly Category[] = ['mirror', 'wall art', 'shelf'];

export interface ProductDimensions {
  readonly widthMm: number;
  readonly depthMm: number;
  readonly heightMm: number;
}

/** A product as a retailer's feed describes it, validated, before it is stored with an id. */
export interface ProductInput extends ProductDimensions {
  /** the retailer's SKU, unique per retailer */
  readonly sku: string;
  readonly name: string;
  readonly category: Category;
  readonly price: Money;
  readonly colours: readonly string[];
  readonly styleTags: readonly string[];
  readonly materials: readonly string[];
  readonly modelUrl: string | null;
  readonly productUrl: string | null;
  readonly imageUrl: string | null;
  readonly finalSale: boolean;
}
