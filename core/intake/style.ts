/**
 * The customer's style profile: what they answered (picture cards liked or passed, colour
 * preferences, materials, favourite retailers) becomes a style vector over the catalog's own
 * vocabulary — style tags, materials, colour names, retailer ids — and a product's affinity to
 * it (0…1) ranks search results and alternatives for that customer. Pure: no store, no clock.
 */
import { STYLE_CARDS, type StyleCard } from './cards.ts';
import { colourQualities } from './colours.ts';

export type Temperature = 'warm' | 'cool' | 'either';
export type Lightness = 'light' | 'dark' | 'either';
export type Intensity = 'muted' | 'bright' | 'either';
export type CardAnswer = 'like' | 'pass';

export interface ColourPreferences {
  readonly temperature: Temperature;
  readonly lightness: Lightness;
  readonly intensity: Intensity;
}

export interface StyleAnswers {
  /** card id → liked or passed; cards not shown or skipped are absent */
  readonly cards: Readonly<Record<string, CardAnswer>>;
  readonly colours: ColourPreferences;
  /** the catalog's material words ("oak", "velvet") */
  readonly materials: readonly string[];
  /** favourite retailers, by catalog retailer id */
  readonly retailerIds: readonly string[];
}

export type Weights = Readonly<Record<string, number>>;

/** Weights per dimension; positive means "likes", negative "rather not". Keys are lower case. */
export interface StyleVector {
  readonly styles: Weights;
  readonly materials: Weights;
  readonly colours: Weights;
  readonly retailers: Weights;
}

/** What a product offers the vector; catalog records fit as they are. */
export interface StyledProduct {
  readonly retailerId: string;
  readonly styleTags: readonly string[];
  readonly materials: readonly string[];
  readonly colours: readonly string[];
}

export const NO_COLOUR_PREFERENCES: ColourPreferences = { temperature: 'either', lightness: 'either', intensity: 'either' };

/** How much each dimension counts in a product's affinity (only dimensions the customer answered count). */
export const DIMENSION_WEIGHTS: Readonly<Record<keyof StyleVector, number>> = { styles: 0.5, materials: 0.2, colours: 0.2, retailers: 0.1 };

const LIKE = { primary: 1, secondary: 0.5, material: 0.5, colour: 0.4 } as const;
/** A pass counts against the card's own style only: passing on a loft says nothing against "modern". */
const PASS = { primary: -0.6 } as const;
const CHOSEN_MATERIAL = 1;
const COLOUR_MATCH = 0.6;
const COLOUR_CLASH = -0.4;

function add(into: Map<string, number>, key: string, weight: number): void {
  const k = key.trim().toLowerCase();
  if (k === '') return;
  into.set(k, (into.get(k) ?? 0) + weight);
}

function frozen(map: Map<string, number>): Weights {
  const out: Record<string, number> = {};
  for (const [key, value] of [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) if (value !== 0) out[key] = Math.round(value * 1000) / 1000;
  return out;
}

/**
 * The answers as a vector. `colourVocabulary` is the set of colour names the catalog uses; colour
 * preferences weigh each of them by its qualities (warm/cool, light/dark, muted/bright).
 */
export function styleVector(answers: StyleAnswers, colourVocabulary: readonly string[] = [], cards: readonly StyleCard[] = STYLE_CARDS): StyleVector {
  const styles = new Map<string, number>();
  const materials = new Map<string, number>();
  const colours = new Map<string, number>();
  const retailers = new Map<string, number>();
  const byId = new Map<string, StyleCard>(cards.map((card) => [card.id, card]));
  for (const [cardId, answer] of Object.entries(answers.cards)) {
    const card = byId.get(cardId);
    if (!card) continue;
    if (answer === 'like') {
      add(styles, card.style, LIKE.primary);
      for (const tag of card.alsoStyles) add(styles, tag, LIKE.secondary);
      for (const material of card.materials) add(materials, material, LIKE.material);
      for (const colour of card.colours) add(colours, colour, LIKE.colour);
    } else {
      add(styles, card.style, PASS.primary);
    }
  }
  for (const material of answers.materials) add(materials, material, CHOSEN_MATERIAL);
  for (const retailer of answers.retailerIds) retailers.set(retailer, 1);
  const prefs = answers.colours;
  const vocabulary = new Set([...colourVocabulary, ...colours.keys()].map((c) => c.toLowerCase()));
  for (const colour of vocabulary) {
    const qualities = colourQualities(colour);
    if (!qualities) continue;
    const fit = (wanted: string, has: string | null, opposite: string): number => (wanted === 'either' || has === null ? 0 : has === wanted ? COLOUR_MATCH : has === opposite ? COLOUR_CLASH : 0);
    const weight =
      fit(prefs.temperature, qualities.temperature, prefs.temperature === 'warm' ? 'cool' : 'warm') +
      fit(prefs.lightness, qualities.lightness, prefs.lightness === 'light' ? 'dark' : 'light') +
      fit(prefs.intensity, qualities.intensity, prefs.intensity === 'muted' ? 'bright' : 'muted');
    if (weight !== 0) add(colours, colour, weight);
  }
  return { styles: frozen(styles), materials: frozen(materials), colours: frozen(colours), retailers: frozen(retailers) };
}

export function isEmptyVector(vector: StyleVector): boolean {
  return (Object.keys(DIMENSION_WEIGHTS) as (keyof StyleVector)[]).every((dimension) => !Object.values(vector[dimension]).some((w) => w > 0));
}

/** One dimension ready for scoring: value → weight relative to the customer's favourite (0…1]. */
type CompiledDimension = { readonly weight: number; readonly relative: ReadonlyMap<string, number> } | null;

function compileDimension(weights: Weights, weight: number): CompiledDimension {
  let top = 0;
  for (const value of Object.values(weights)) if (value > top) top = value;
  if (top === 0) return null;
  const relative = new Map<string, number>();
  for (const [key, value] of Object.entries(weights)) if (value > 0) relative.set(key, value / top);
  return { weight, relative };
}

const UPPER_CASE = /[A-Z]/;

function bestOf(dimension: NonNullable<CompiledDimension>, values: readonly string[]): number {
  let best = 0;
  for (const value of values) {
    // Catalog colours and style tags are stored in lower case; a material may not be.
    const score = dimension.relative.get(value) ?? (UPPER_CASE.test(value) ? dimension.relative.get(value.toLowerCase()) : undefined) ?? 0;
    if (score > best) best = score;
  }
  return best;
}

/**
 * How well a product suits the customer, 0…1: per dimension the product's best-liked value
 * against the customer's favourite, weighted by DIMENSION_WEIGHTS over the dimensions the
 * customer expressed a liking in; 0 for an empty vector. Compiled once per vector: scoring a
 * product is a few map lookups (the search index scores its whole catalog once per scorer).
 */
export function styleScorer(vector: StyleVector): (product: StyledProduct) => number {
  const styles = compileDimension(vector.styles, DIMENSION_WEIGHTS.styles);
  const materials = compileDimension(vector.materials, DIMENSION_WEIGHTS.materials);
  const colours = compileDimension(vector.colours, DIMENSION_WEIGHTS.colours);
  const retailers = compileDimension(vector.retailers, DIMENSION_WEIGHTS.retailers);
  const total = (styles?.weight ?? 0) + (materials?.weight ?? 0) + (colours?.weight ?? 0) + (retailers?.weight ?? 0);
  if (total === 0) return () => 0;
  return (product) => {
    let sum = 0;
    if (styles) sum += styles.weight * bestOf(styles, product.styleTags);
    if (materials) sum += materials.weight * bestOf(materials, product.materials);
    if (colours) sum += colours.weight * bestOf(colours, product.colours);
    if (retailers) sum += retailers.weight * (retailers.relative.get(product.retailerId) ?? 0);
    return sum / total;
  };
}

/** `styleScorer(vector)(product)`, for one product. */
export function productAffinity(vector: StyleVector, product: StyledProduct): number {
  return styleScorer(vector)(product);
}

/** Style tag → weight (positive only): the profile the catalog's alternatives rank by. */
export function styleTagProfile(vector: StyleVector): Weights {
  return Object.fromEntries(Object.entries(vector.styles).filter(([, weight]) => weight > 0));
}

export interface StyleSummary {
  /** liked styles, strongest first */
  readonly styles: readonly string[];
  /** styles the customer passed on more than liked */
  readonly avoids: readonly string[];
  readonly materials: readonly string[];
  /** colour names the customer leans to, strongest first (at most 8) */
  readonly colours: readonly string[];
  readonly colourPreferences: ColourPreferences;
  readonly retailerIds: readonly string[];
  readonly liked: number;
  readonly passed: number;
}

function ranked(weights: Weights, sign: 1 | -1, limit = Number.POSITIVE_INFINITY): string[] {
  return Object.entries(weights)
    .filter(([, w]) => w * sign > 0)
    .sort(([a, wa], [b, wb]) => (wb - wa) * sign || (a < b ? -1 : 1))
    .slice(0, limit)
    .map(([key]) => key);
}

/** What a designer reads on one screen. */
export function styleSummary(answers: StyleAnswers, vector: StyleVector): StyleSummary {
  const values = Object.values(answers.cards);
  return {
    styles: ranked(vector.styles, 1),
    avoids: ranked(vector.styles, -1),
    materials: ranked(vector.materials, 1, 8),
    colours: ranked(vector.colours, 1, 8),
    colourPreferences: answers.colours,
    retailerIds: answers.retailerIds,
    liked: values.filter((v) => v === 'like').length,
    passed: values.filter((v) => v === 'pass').length,
  };
}
