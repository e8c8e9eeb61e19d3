/**
 * Colour names as the catalog writes them, with the three qualities a customer states a
 * preference on: warm or cool, light or dark, muted or bright. `null` where a colour is neither
 * (black is neither warm nor cool). Names outside the table have no qualities and are left out
 * of colour preferences.
 */
export interface ColourQualities {
  readonly temperature: 'warm' | 'cool' | null;
  readonly lightness: 'light' | 'dark' | null;
  readonly intensity: 'muted' | 'bright' | null;
}

const q = (temperature: ColourQualities['temperature'], lightness: ColourQualities['lightness'], intensity: ColourQualities['intensity']): ColourQualities => ({ temperature, lightness, intensity });

const QUALITIES: Readonly<Record<string, ColourQualities>> = {
  oatmeal: q('warm', 'light', 'muted'),
  ivory: q('warm', 'light', 'muted'),
  cream: q('warm', 'light', 'muted'),
  sand: q('warm', 'light', 'muted'),
  mushroom: q('warm', 'light', 'muted'),
  'blush pink': q('warm', 'light', 'muted'),
  honey: q('warm', 'light', 'bright'),
  'natural oak': q('warm', 'light', 'muted'),
  ochre: q('warm', null, 'bright'),
  mustard: q('warm', null, 'bright'),
  rust: q('warm', 'dark', 'bright'),
  terracotta: q('warm', null, 'bright'),
  brass: q('warm', null, 'bright'),
  tan: q('warm', null, 'muted'),
  walnut: q('warm', 'dark', 'muted'),
  'smoked oak': q('warm', 'dark', 'muted'),
  olive: q('warm', 'dark', 'muted'),
  white: q(null, 'light', 'muted'),
  'white marble': q('cool', 'light', 'muted'),
  'ash grey': q('cool', 'light', 'muted'),
  'dusty blue': q('cool', 'light', 'muted'),
  sage: q('cool', 'light', 'muted'),
  'slate grey': q('cool', 'dark', 'muted'),
  charcoal: q('cool', 'dark', 'muted'),
  black: q(null, 'dark', 'muted'),
  'black marble': q('cool', 'dark', 'muted'),
  navy: q('cool', 'dark', 'bright'),
  teal: q('cool', 'dark', 'bright'),
  'forest green': q('cool', 'dark', 'bright'),
  'green marble': q('cool', 'dark', 'bright'),
};

export function colourQualities(name: string): ColourQualities | null {
  return QUALITIES[name.trim().toLowerCase()] ?? null;
}

export const KNOWN_COLOURS: readonly string[] = Object.keys(QUALITIES);
