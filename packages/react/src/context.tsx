import { type AsideAdapters, type AsideStore, createAsideStore } from '@aside/core';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

const StoreContext = createContext<AsideStore | null>(null);

export type AsideProviderProps = {
  readonly children?: ReactNode;
} & (
  | { readonly store: AsideStore; readonly adapters?: never; readonly currentAgentId?: never }
  | { readonly store?: never; readonly adapters: AsideAdapters; readonly currentAgentId: string }
);

/**
 * Makes an Aside store available to the components below. Pass a `store` you created with
 * `createAsideStore` (you own it), or `adapters` and `currentAgentId` (the provider owns it).
 */
export function AsideProvider(props: AsideProviderProps) {
  const { store: given, adapters, currentAgentId } = props;
  const [owned] = useState(() =>
    given ? null : createAsideStore({ adapters: adapters!, currentAgentId: currentAgentId! }),
  );
  useEffect(() => () => owned?.destroy(), [owned]);
  return <StoreContext.Provider value={given ?? owned}>{props.children}</StoreContext.Provider>;
}

export function useAsideStore(): AsideStore {
  const store = useContext(StoreContext);
  if (!store) {
    throw new Error(
      'Aside components and hooks must be used inside <AsideProvider>. Wrap your workspace in <AsideProvider adapters={…} currentAgentId={…}>.',
    );
  }
  return store;
}
