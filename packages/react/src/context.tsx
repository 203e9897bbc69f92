import { type AsideAdapters, type AsideStore, createAsideStore } from '@aside/core';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { CustomisationProvider } from './customisation';
import type { AsideLabels } from './labels';

const StoreContext = createContext<AsideStore | null>(null);

export type AsideProviderProps = {
  readonly children?: ReactNode;
  /** Label overrides for every component below, by package; a component's own `labels` win. */
  readonly labels?: AsideLabels;
  /** BCP 47 language tag for the components' `lang` and dates; the browser's by default. */
  readonly locale?: string;
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
  return (
    <StoreContext.Provider value={given ?? owned}>
      <CustomisationProvider labels={props.labels} locale={props.locale}>
        {props.children}
      </CustomisationProvider>
    </StoreContext.Provider>
  );
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
