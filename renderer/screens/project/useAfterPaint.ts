/**
 * [Options] A value that follows `value` only after the next paint: what a panel shows that is not
 * the point of an edit (the warnings list, the comment form's choices) re-renders after the frame
 * that shows the edit itself, instead of inside it. React's useDeferredValue is not enough: its
 * background render usually runs before the browser's next frame and lays out in it.
 */
import { useEffect, useState } from 'react';

export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame after this commit paints it; two animation frames on, that paint is done.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => setShown(() => value), 0);
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, shown]);
  return shown;
}
