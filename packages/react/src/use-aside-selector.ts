import type { AsideState } from '@aside/core';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { useAsideStore } from './context';

/**
 * Subscribe to one slice of the store. The component re-renders only when `isEqual` says the
 * slice changed (by default: when its reference changed), whatever else the store did.
 */
export function useAsideSelector<Slice>(
  selector: (state: AsideState) => Slice,
  isEqual: (a: Slice, b: Slice) => boolean = Object.is,
): Slice {
  const store = useAsideStore();
  const last = useRef<{ state: AsideState; selector: unknown; slice: Slice } | null>(null);
  const getSlice = useCallback(() => {
    const state = store.getSnapshot();
    const previous = last.current;
    if (previous && previous.state === state && previous.selector === selector)
      return previous.slice;
    const slice = selector(state);
    if (previous && isEqual(previous.slice, slice)) {
      last.current = { state, selector, slice: previous.slice };
      return previous.slice;
    }
    last.current = { state, selector, slice };
    return slice;
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, getSlice, getSlice);
}

export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
