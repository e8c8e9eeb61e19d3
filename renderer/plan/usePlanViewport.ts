import { useCallback, useMemo, useRef, useState } from 'react';
import type { PlanPoint } from '../../core/room.ts';
import { fitTransform, toPlan, type PlanBox, type PlanTransform } from './transform.ts';

/**
 * Measures the element the plan is drawn in and fits `extent` into it. Returns a ref callback
 * for that element and the transform (null until it has been measured). The transform only
 * changes when the element's size or the extent does, so memoised layers keep their work.
 */
export function usePlanViewport(extent: PlanBox, marginPx = 16): { readonly ref: (element: HTMLElement | SVGSVGElement | null) => void; readonly transform: PlanTransform | null } {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLElement | SVGSVGElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!element) return;
    const measure = () => {
      const box = element.getBoundingClientRect();
      const width = Math.round(box.width);
      const height = Math.round(box.height);
      setSize((previous) => (previous && previous.width === width && previous.height === height ? previous : { width, height }));
    };
    measure();
    observer.current = new ResizeObserver(measure);
    observer.current.observe(element);
  }, []);
  const { minX, minY, maxX, maxY } = extent;
  const transform = useMemo(() => (size && size.width > 0 && size.height > 0 ? fitTransform({ minX, minY, maxX, maxY }, size.width, size.height, marginPx) : null), [size, minX, minY, maxX, maxY, marginPx]);
  return { ref, transform };
}

/** The plan point under a pointer, for an SVG drawn with `transform` filling `element`. */
export function pointerToPlan(event: { readonly clientX: number; readonly clientY: number }, element: Element, transform: PlanTransform): PlanPoint {
  const box = element.getBoundingClientRect();
  return toPlan(transform, { x: event.clientX - box.left, y: event.clientY - box.top });
}
