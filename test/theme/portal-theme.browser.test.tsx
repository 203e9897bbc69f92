import { type PortalTheme, usePortalTheme } from '@aside/react';
import { render } from '@testing-library/react';
import { type CSSProperties, useReducer, useRef } from 'react';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { renderAll } from './render-all';

const WHITE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(31, 34, 38)';
const LIGHT_HIGHLIGHT = 'rgb(227, 238, 250)';
const DARK_HIGHLIGHT = 'rgb(29, 58, 87)';

const wrapper = () => document.querySelector<HTMLElement>('[data-testid="wrapper"]')!;
const menu = () => document.querySelector<HTMLElement>('.aside-mention-menu');
/** The menu's surface and its highlighted option's fill, or null while it is closed. */
const menuColours = () => {
  const root = menu();
  const active = root?.querySelector('[role="option"][aria-selected="true"]');
  if (!root || !active) return null;
  return {
    surface: getComputedStyle(root).backgroundColor,
    highlight: getComputedStyle(active).backgroundColor,
  };
};

const openMenu = async (typed = '@Jan') => {
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(page.getByRole('textbox'));
  await userEvent.keyboard(typed);
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
};

/** A host's own popover anchor: records what `usePortalTheme` returns at each render. */
function Popover({ seen }: { seen: PortalTheme[] }) {
  const anchor = useRef<HTMLSpanElement>(null);
  const theme = usePortalTheme(() => anchor.current);
  const [renders, renderAgain] = useReducer((count: number) => count + 1, 1);
  seen.push(theme);
  return (
    <>
      <span ref={anchor} hidden />
      <button type="button" onClick={renderAgain}>
        Rendered {renders}
      </button>
    </>
  );
}

describe('the theme across a portal', () => {
  it('R2, issue 13 theme: --aside-* tokens set on a host wrapper reach the @mention menu portalled to <body>', async () => {
    await renderAll({
      notify: false,
      wrapper: {
        style: {
          '--aside-surface': 'rgb(10, 20, 30)',
          '--aside-accent-soft': 'rgb(200, 0, 100)',
          '--aside-radius': '3px',
          '--aside-font': 'monospace',
        } as CSSProperties,
      },
    });
    await openMenu();
    const root = menu()!;
    expect(wrapper().contains(root)).toBe(false);
    await expect.poll(menuColours).toEqual({
      surface: 'rgb(10, 20, 30)',
      highlight: 'rgb(200, 0, 100)',
    });
    expect(getComputedStyle(root).borderTopLeftRadius).toBe('3px');
    expect(getComputedStyle(root).fontFamily).toBe('monospace');
  });

  it('R2, issue 13 theme (the nearest data-aside-theme decides): the open @mention menu follows its wrapper switching from light to dark', async () => {
    await renderAll({ notify: false, wrapper: { theme: 'light' } });
    await openMenu();
    await expect.poll(menuColours).toEqual({ surface: WHITE, highlight: LIGHT_HIGHLIGHT });
    wrapper().dataset.asideTheme = 'dark';
    await expect.poll(menuColours).toEqual({ surface: DARK_SURFACE, highlight: DARK_HIGHLIGHT });
    expect(menu()!.dataset.asideTheme).toBe('dark');
  });

  it('R2, issue 13 theme (the nearest data-aside-theme decides): a theme switched while the menu is closed shows at its next opening', async () => {
    await renderAll({ notify: false, wrapper: { theme: 'dark' } });
    await openMenu();
    await expect.poll(menuColours).toEqual({ surface: DARK_SURFACE, highlight: DARK_HIGHLIGHT });
    await userEvent.keyboard('{Escape}');
    await expect.poll(menu).toBeNull();
    wrapper().dataset.asideTheme = 'light';
    await userEvent.keyboard('e');
    await expect.poll(menuColours).toEqual({ surface: WHITE, highlight: LIGHT_HIGHLIGHT });
  });

  it('issue 13 theme: usePortalTheme carries the wrapper’s theme, direction and own tokens, and an unchanged theme keeps its object across renders', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const seen: PortalTheme[] = [];
    render(
      <div data-aside-theme="dark" dir="rtl" style={{ '--aside-accent': 'red' } as CSSProperties}>
        <Popover seen={seen} />
      </div>,
    );
    await expect
      .poll(() => seen.at(-1))
      .toEqual({ 'data-aside-theme': 'dark', dir: 'rtl', style: { '--aside-accent': 'red' } });
    const theme = seen.at(-1);
    await page.getByRole('button').click();
    await expect.element(page.getByRole('button', { name: 'Rendered 2' })).toBeVisible();
    await page.getByRole('button').click();
    await expect.element(page.getByRole('button', { name: 'Rendered 3' })).toBeVisible();
    // Read again after each render, the same answer is the same object: no render of its own.
    const since = seen.slice(seen.indexOf(theme!));
    expect(since.length).toBeGreaterThanOrEqual(3);
    expect(since.every((later) => later === theme)).toBe(true);
  });
});
