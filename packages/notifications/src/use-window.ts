import { type RefObject, useEffect, useState } from 'react';

/** Pixels drawn beyond the visible ones, so a quick scroll never shows a gap. */
const OVERSCAN_PX = 320;
/** Before the viewport is measured (and on the server): a screenful of rows. */
const FALLBACK_HEIGHT = 480;

/**
 * Which part of a scrolled list is on screen, so 10,000 updates cost as much as 20.
 * Returns the top and bottom (in pixels from the top of the list) of what to render.
 */
export function useWindow(
  viewport: RefObject<HTMLElement | null>,
  hasRows: boolean,
): readonly [number, number] {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-measure when the list appears
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
  }, [viewport, hasRows]);
  return [Math.max(0, scrollTop - OVERSCAN_PX), scrollTop + height + OVERSCAN_PX];
}
