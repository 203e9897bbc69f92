import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type AsideLabels, type LabelOverrides, mergeLabels } from './labels';

interface Customisation {
  readonly labels?: AsideLabels;
  readonly locale?: string;
}

const CustomisationContext = createContext<Customisation>({});

export function CustomisationProvider({
  labels,
  locale,
  children,
}: Customisation & { readonly children?: ReactNode }) {
  const value = useMemo(() => ({ labels, locale }), [labels, locale]);
  return <CustomisationContext.Provider value={value}>{children}</CustomisationContext.Provider>;
}

/** A component's labels: its package's defaults, then the provider's, then its own `labels`. */
export function useLabels<Labels extends object>(
  namespace: keyof AsideLabels,
  defaults: Labels,
  overrides?: LabelOverrides<Labels>,
): Labels {
  const fromProvider = useContext(CustomisationContext).labels?.[namespace] as
    | LabelOverrides<Labels>
    | undefined;
  return useMemo(
    () => mergeLabels(defaults, fromProvider, overrides),
    [defaults, fromProvider, overrides],
  );
}

/** The provider's `locale` (a BCP 47 tag), or undefined for the browser's. */
export const useLocale = (): string | undefined => useContext(CustomisationContext).locale;
