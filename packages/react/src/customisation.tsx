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

/**
 * What a UI component reads from the customisation layer, as `[labels, locale]`: its labels
 * (its package's defaults, then the provider's, then its own `labels` prop) and the provider's
 * locale (a BCP 47 tag, or undefined for the browser's).
 */
export function useCustomisation<Labels extends object>(
  namespace: keyof AsideLabels,
  defaults: Labels,
  overrides?: LabelOverrides<Labels>,
): readonly [labels: Labels, locale: string | undefined] {
  const context = useContext(CustomisationContext);
  const fromProvider = context.labels?.[namespace] as LabelOverrides<Labels> | undefined;
  const labels = useMemo(
    () => mergeLabels(defaults, fromProvider, overrides),
    [defaults, fromProvider, overrides],
  );
  return [labels, context.locale];
}
