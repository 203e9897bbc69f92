import { type CSSProperties, useEffect, useLayoutEffect, useReducer, useState } from 'react';

/** The theme tokens every Aside stylesheet reads (README "Theming"). */
const themeTokens = [
  'font',
  'radius',
  'space',
  'surface',
  'text',
  'muted',
  'border',
  'subtle',
  'accent',
  'accent-text',
  'accent-soft',
  'accent-soft-text',
  'note-surface',
  'note-border',
  'note-text',
  'danger',
  'danger-surface',
  'focus-ring',
  'shadow',
] as const;

/** What the portalled toaster carries from where it is rendered. */
interface PortalTheme {
  readonly 'data-aside-theme'?: string;
  readonly dir?: string;
  readonly style?: CSSProperties;
}

/**
 * The theme around `anchor`: the nearest `data-aside-theme`, the text direction and the
 * `--aside-*` tokens as set there, so an element portalled to <body> looks like its neighbours.
 */
function portalThemeOf(anchor: Element): PortalTheme {
  const computed = getComputedStyle(anchor);
  const style: Record<string, string> = {};
  for (const token of themeTokens) {
    const value = computed.getPropertyValue(`--aside-${token}`);
    if (value) style[`--aside-${token}`] = value;
  }
  const theme = anchor.closest('[data-aside-theme]')?.getAttribute('data-aside-theme');
  return { ...(theme ? { 'data-aside-theme': theme } : {}), dir: computed.direction, style };
}

const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * `portalThemeOf(anchor())` kept current: read after every render of the caller and whenever a
 * `data-aside-theme` or `dir` attribute changes anywhere in the document.
 */
export function usePortalTheme(anchor: () => Element | null | undefined): PortalTheme {
  const [theme, setTheme] = useState<PortalTheme>({});
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    const observer = new MutationObserver(rerender);
    observer.observe(document.documentElement, {
      subtree: true,
      attributeFilter: ['data-aside-theme', 'dir'],
    });
    return () => observer.disconnect();
  }, []);
  useClientLayoutEffect(() => {
    const element = anchor();
    if (!element) return;
    const next = portalThemeOf(element);
    setTheme((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  });
  return theme;
}
