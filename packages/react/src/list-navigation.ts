import { type KeyboardEvent as ReactKeyboardEvent, useCallback, useRef } from 'react';

export interface ListNavigationOptions {
  /** Which arrows move: Left/Right (mirrored in right-to-left text) or Up/Down. */
  readonly orientation: 'horizontal' | 'vertical';
  /** Past either end, go round to the other (tabs, menus); otherwise stop at the ends (lists). */
  readonly wrap?: boolean;
  /** Home and End go to the first and last item; off where they belong to a text caret. */
  readonly homeEnd?: boolean;
  /** Items that PageUp and PageDown move by; those keys do nothing without it. */
  readonly pageSize?: number;
  /** Right-to-left text: the horizontal arrows point the other way. */
  readonly rtl?: boolean;
}

/**
 * The item a navigation key moves to from `index` in a list of `count` items, or null when the
 * key does not navigate (or the list is empty). One rule for every list in Aside.
 */
export function listNavigationTarget(
  key: string,
  index: number,
  count: number,
  { orientation, wrap = false, homeEnd = true, pageSize, rtl = false }: ListNavigationOptions,
): number | null {
  if (count <= 0) return null;
  const [back, forward] =
    orientation === 'vertical'
      ? ['ArrowUp', 'ArrowDown']
      : rtl
        ? ['ArrowRight', 'ArrowLeft']
        : ['ArrowLeft', 'ArrowRight'];
  let target: number;
  if (key === forward) target = index + 1;
  else if (key === back) target = index - 1;
  else if (homeEnd && key === 'Home') return 0;
  else if (homeEnd && key === 'End') return count - 1;
  else if (pageSize && key === 'PageDown') target = index + pageSize;
  else if (pageSize && key === 'PageUp') target = index - pageSize;
  else return null;
  return wrap ? ((target % count) + count) % count : Math.max(0, Math.min(count - 1, target));
}

export interface UseListNavigationOptions extends Omit<ListNavigationOptions, 'rtl' | 'pageSize'> {
  readonly count: number;
  /** Read when PageUp/PageDown is pressed, e.g. from the viewport's height. */
  readonly pageSize?: () => number;
  /** Called with the target; move focus or the highlight there. */
  readonly onMove: (index: number) => void;
}

/**
 * Arrow keys, Home/End (and PageUp/PageDown where given) for a list, tabs or a toolbar. Returns a
 * stable key handler: call it with the event and the current index; it prevents the default and
 * returns true when it moved. Direction comes from the element's computed `direction`.
 */
export function useListNavigation(options: UseListNavigationOptions) {
  const latest = useRef(options);
  latest.current = options;
  return useCallback((event: ReactKeyboardEvent<Element> | KeyboardEvent, index: number) => {
    const { count, pageSize, onMove, ...rest } = latest.current;
    const element = event.currentTarget;
    const rtl =
      rest.orientation === 'horizontal' &&
      element instanceof Element &&
      getComputedStyle(element).direction === 'rtl';
    const target = listNavigationTarget(event.key, index, count, {
      ...rest,
      rtl,
      ...(pageSize ? { pageSize: pageSize() } : {}),
    });
    if (target === null) return false;
    event.preventDefault();
    onMove(target);
    return true;
  }, []);
}
