/**
 * Words for search: how text becomes terms, and a sorted term dictionary that answers the two
 * questions a search-as-you-type box asks of every word — which terms start with it, and which
 * are within a typo or two of it.
 *
 * The dictionary is a sorted array rather than a trie: terms sharing a prefix sit next to each
 * other, so a prefix is one binary-searched range, and a walk in sorted order that reuses the
 * edit-distance rows of the common prefix with the previous term is a trie walk without the
 * trie's nodes. A subtree whose best distance already exceeds the limit is skipped with one more
 * binary search.
 */

/** Words that say nothing about a product ("sofa in velvet", "table and chairs"). */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'in', 'of', 'with', 'for', 'by', 'to', 'or', 'on']);
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_A_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, accents folded ("Café" → "cafe"), split on anything that is not a letter or digit. */
export function termsOf(text: string): string[] {
  const folded = text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  return folded.split(NOT_A_WORD).filter((term) => term !== '' && !STOP_WORDS.has(term));
}

/** The largest edit distance a query word of this length tolerates: 1 from 4 letters, 2 from 8. */
export function typoBudget(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

export class TermDictionary {
  /** ascending, distinct */
  readonly terms: readonly string[];

  constructor(sortedDistinctTerms: readonly string[]) {
    this.terms = sortedDistinctTerms;
  }

  get size(): number {
    return this.terms.length;
  }

  /** Index of the first term ≥ `text`. */
  lowerBound(text: string, from = 0): number {
    let low = from;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.terms[middle] as string) < text) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The half-open range of term ids that start with `prefix`. */
  prefixRange(prefix: string): readonly [start: number, end: number] {
    const start = this.lowerBound(prefix);
    return [start, this.lowerBound(`${prefix}\uffff`, start)];
  }

  /** The id of exactly `term`, or -1. */
  idOf(term: string): number {
    const index = this.lowerBound(term);
    return this.terms[index] === term ? index : -1;
  }

  /**
   * Calls `found(termId, distance)` for every term within `maxDistance` edits (Levenshtein) of
   * `word`, in dictionary order.
   */
  forEachWithin(word: string, maxDistance: number, found: (termId: number, distance: number) => void): void {
    const terms = this.terms;
    const width = word.length + 1;
    const wordCodes = new Uint16Array(word.length);
    for (let i = 0; i < word.length; i++) wordCodes[i] = word.charCodeAt(i);
    // rows[depth] holds the distances between term.slice(0, depth) and every prefix of `word`.
    const rows: Int32Array[] = [Int32Array.from({ length: width }, (_, i) => i)];
    let previous = '';
    /** rows[0..validDepth] describe previous.slice(0, depth) */
    let validDepth = 0;
    let index = 0;
    while (index < terms.length) {
      const term = terms[index] as string;
      let depth = 0;
      const shared = Math.min(validDepth, term.length, previous.length);
      while (depth < shared && term.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      let skipTo = -1;
      for (let next = depth + 1; next <= term.length; next++) {
        const above = rows[next - 1] as Int32Array;
        let row = rows[next];
        if (row === undefined) {
          row = new Int32Array(width);
          rows[next] = row;
        }
        const code = term.charCodeAt(next - 1);
        row[0] = next;
        let best = next;
        for (let i = 1; i < width; i++) {
          const substitution = (above[i - 1] as number) + (wordCodes[i - 1] === code ? 0 : 1);
          const deletion = (above[i] as number) + 1;
          const insertion = (row[i - 1] as number) + 1;
          const distance = substitution < deletion ? (substitution < insertion ? substitution : insertion) : deletion < insertion ? deletion : insertion;
          row[i] = distance;
          if (distance < best) best = distance;
        }
        if (best > maxDistance) {
          // No term that starts with term.slice(0, next) can come within reach: skip them all.
          skipTo = this.lowerBound(`${term.slice(0, next)}\uffff`, index + 1);
          validDepth = next - 1;
          break;
        }
      }
      previous = term;
      if (skipTo >= 0) {
        index = skipTo;
        continue;
      }
      validDepth = term.length;
      const distance = (rows[term.length] as Int32Array)[word.length] as number;
      if (distance <= maxDistance) found(index, distance);
      index++;
    }
  }
}
