/**
 * Keystroke → painted results, measured in the page: each input event leaves a mark; when the
 * results for the text in the box have been committed, the next animation frame (the paint)
 * closes every open mark with a `catalog:type-to-paint` measure. The UI benchmark reads them.
 */
export const TYPE_TO_PAINT = 'catalog:type-to-paint';

let sequence = 0;
const open: string[] = [];

export function markKeystroke(): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  const name = `catalog:keystroke:${++sequence}`;
  performance.mark(name);
  open.push(name);
}

/** Call once the results for the current input text are in the DOM. */
export function resultsCommitted(): void {
  if (open.length === 0 || typeof requestAnimationFrame !== 'function') return;
  const pending = open.splice(0);
  requestAnimationFrame(() => {
    for (const start of pending) {
      performance.measure(TYPE_TO_PAINT, start);
      performance.clearMarks(start);
    }
  });
}
