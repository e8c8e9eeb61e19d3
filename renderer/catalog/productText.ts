/**
 * Result cards word the same products again on every keystroke, and core's dimension
 * formatter builds its Intl formatters per call: the words for a product's size are kept here,
 * keyed by size, units and locale, so a page of 48 results formats almost nothing twice.
 */
import { formatDimensions, type UnitSystem } from '../../core/units.ts';

const MAX_ENTRIES = 4096;
const dimensionWords = new Map<string, string>();

export function dimensionsText(dims: { readonly widthMm: number; readonly depthMm: number; readonly heightMm: number }, units: UnitSystem, locale: string): string {
  const key = `${dims.widthMm}x${dims.depthMm}x${dims.heightMm}|${units}|${locale}`;
  let words = dimensionWords.get(key);
  if (words === undefined) {
    if (dimensionWords.size >= MAX_ENTRIES) dimensionWords.clear();
    words = formatDimensions(dims, units, locale);
    dimensionWords.set(key, words);
  }
  return words;
}
