/**
 * The command palette's filter: every word typed must start a word of the label (or appear in
 * it), ranked so labels starting with the query come first. Pure, for unit tests.
 */
export interface PaletteEntry {
  readonly id: string;
  readonly label: string;
}

export function filterCommands<E extends PaletteEntry>(entries: readonly E[], query: string): E[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  const scored = entries.flatMap((entry) => {
    const label = entry.label.toLowerCase();
    const labelWords = label.split(/[^\p{L}\p{N}]+/u);
    let score = 0;
    for (const word of words) {
      if (labelWords.some((w) => w.startsWith(word))) score += 2;
      else if (label.includes(word) || entry.id.toLowerCase().includes(word)) score += 1;
      else return [];
    }
    if (label.startsWith(words[0]!)) score += 3;
    return [{ entry, score }];
  });
  return scored.sort((a, b) => b.score - a.score).map(({ entry }) => entry);
}

/** The next highlighted row for an arrow key, wrapping round. */
export function moveHighlight(index: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End'): number {
  if (count === 0) return -1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return (index + (key === 'ArrowDown' ? 1 : -1) + count) % count;
}
