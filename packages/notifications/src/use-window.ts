import { type RefObject, useEffect, useState } from 'react';

/** Rows drawn beyond the visible ones, so a quick scroll never shows a gap. */
const OVERSCAN = 4;
/** Before the viewport is measured (and on the server): a screenful of rows. */
const FALLBACK_HEIGHT = 480;

/**
 * Which rows of a fixed-height list are on screen, so 10,000 updates cost as much as 20.
 * Returns the first and last index (inclusive) to render.
 */
export function useWindow(
  viewport: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
): readonly [number, number] {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the list appears (count 0 → n)
  useEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => {
      setHeight(element.clientHeight || FALLBACK_HEIGHT);
      setScrollTop(element.scrollTop);
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [viewport, count > 0]);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  return [first, last];
}
