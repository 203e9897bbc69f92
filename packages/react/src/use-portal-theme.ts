import { type CSSProperties, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { shallowEqualArrays } from './use-aside-selector';

/** The theme tokens every Aside stylesheet reads (README "Theming", `theme.css`). */
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
];

/** Props to spread on an element portalled to `<body>` so it looks like where it belongs. */
export interface PortalTheme {
  readonly 'data-aside-theme'?: string;
  readonly dir?: string;
  readonly style?: CSSProperties;
}

export interface PortalThemeOptions {
  /**
   * Read again only when one of these changes (compared with `Object.is`), e.g. `[open]` for a
   * menu: a read costs a style recalculation. Without `deps`: after every render.
   */
  readonly deps?: readonly unknown[];
}

/**
 * The theme at `anchor`: the nearest `data-aside-theme`, the text direction, and the `--aside-*`
 * tokens that differ from `<body>`'s (those set on a wrapper between the two, which a child of
 * `<body>` would not inherit; host rules on the portalled element itself keep working for the rest).
 */
function portalThemeOf(anchor: Element): PortalTheme {
  const computed = getComputedStyle(anchor);
  const body = getComputedStyle(anchor.ownerDocument.body);
  const style: Record<string, string> = {};
  for (const token of themeTokens) {
    const name = `--aside-${token}`;
    const value = computed.getPropertyValue(name);
    if (value !== body.getPropertyValue(name)) style[name] = value;
  }
  return {
    'data-aside-theme':
      anchor.closest('[data-aside-theme]')?.getAttribute('data-aside-theme') ?? undefined,
    dir: computed.direction,
    style,
  };
}

// useLayoutEffect warns on the server; the theme is read in the browser only.
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/**
 * The theme of the place `anchor()` stands in, for an element portalled to `<body>`. Read before
 * paint after every render (or when `options.deps` change), and whenever a `data-aside-theme` or
 * `dir` attribute changes in the document; nothing is read while `anchor()` returns no element.
 * The same answer keeps the same object, so an unchanged theme costs no render.
 */
export function usePortalTheme(
  anchor: () => Element | null | undefined,
  options: PortalThemeOptions = {},
): PortalTheme {
  const [theme, setTheme] = useState<PortalTheme>({});
  const read = useRef(() => {});
  read.current = () => {
    const element = anchor();
    if (!element) return;
    const next = portalThemeOf(element);
    // Built in one key order, so equal themes serialise alike.
    setTheme((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  };

  useEffect(() => {
    const observer = new MutationObserver(() => read.current());
    observer.observe(document.documentElement, {
      subtree: true,
      attributeFilter: ['data-aside-theme', 'dir'],
    });
    return () => observer.disconnect();
  }, []);

  const { deps } = options;
  const readWith = useRef<readonly unknown[] | null>(null);
  useClientLayoutEffect(() => {
    if (deps && readWith.current && shallowEqualArrays(readWith.current, deps)) return;
    readWith.current = deps ?? null;
    read.current();
  });
  return theme;
}
