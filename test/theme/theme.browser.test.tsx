import { afterEach, describe, expect, it } from 'vitest';
import { renderAll, roots } from './render-all';
import { DARK, emulateOsScheme, LIGHT, surfaces } from './surfaces';

afterEach(async () => {
  await emulateOsScheme('');
  delete document.documentElement.dataset.asideTheme;
});

describe('one theme contract', () => {
  it('issue 13 theme: one --aside-* token change on a wrapper restyles the composer, chips, updates list and the portalled toast', async () => {
    await renderAll({
      wrapper: {
        style: {
          '--aside-surface': 'rgb(10, 20, 30)',
          '--aside-subtle': 'rgb(40, 50, 60)',
          '--aside-accent': 'rgb(200, 0, 100)',
          '--aside-radius': '3px',
          '--aside-font': 'monospace',
        } as React.CSSProperties,
      },
    });
    const { composer, chip, updates, toast } = roots();
    const submit = composer.querySelector<HTMLElement>('.aside-composer__submit')!;
    const action = toast!.querySelector<HTMLElement>('.aside-toast__action')!;
    await expect.poll(() => getComputedStyle(toast!).backgroundColor).toBe('rgb(10, 20, 30)');
    expect(surfaces()).toEqual({
      composer: 'rgb(10, 20, 30)',
      chip: 'rgb(40, 50, 60)',
      updates: 'rgb(10, 20, 30)',
      toast: 'rgb(10, 20, 30)',
    });
    expect(getComputedStyle(submit).backgroundColor).toBe('rgb(200, 0, 100)');
    expect(getComputedStyle(action).backgroundColor).toBe('rgb(200, 0, 100)');
    for (const element of [composer, updates, toast!]) {
      expect(getComputedStyle(element).borderTopRightRadius).toBe('3px');
      expect(getComputedStyle(element).fontFamily).toBe('monospace');
    }
    expect(getComputedStyle(chip).fontFamily).toBe('monospace');
  });

  it('issue 13 theme: without data-aside-theme every component follows the OS setting, light and dark', async () => {
    await emulateOsScheme('dark');
    await renderAll();
    await expect.poll(surfaces).toEqual(DARK);
    await emulateOsScheme('light');
    await expect.poll(surfaces).toEqual(LIGHT);
  });

  it('issue 13 theme: a light wrapper in a dark OS gives a light composer, chips, updates list and toast', async () => {
    await emulateOsScheme('dark');
    await renderAll({ wrapper: { theme: 'light' } });
    await expect.poll(surfaces).toEqual(LIGHT);
  });

  it('issue 13 theme: a light wrapper inside a dark page (data-aside-theme on <html>) is light, toast included', async () => {
    document.documentElement.dataset.asideTheme = 'dark';
    await renderAll({ wrapper: { theme: 'light' } });
    await expect.poll(surfaces).toEqual(LIGHT);
  });

  it('issue 13 theme: a dark wrapper inside a light page and a light OS is dark, toast included', async () => {
    await emulateOsScheme('light');
    document.documentElement.dataset.asideTheme = 'light';
    await renderAll({ wrapper: { theme: 'dark' } });
    await expect.poll(surfaces).toEqual(DARK);
  });

  it('issue 13 theme: the toaster follows its wrapper when the theme changes while a toast is shown', async () => {
    await renderAll({ wrapper: { theme: 'light' } });
    await expect.poll(() => surfaces().toast).toBe(LIGHT.toast);
    document.querySelector<HTMLElement>('[data-testid="wrapper"]')!.dataset.asideTheme = 'dark';
    await expect.poll(surfaces).toEqual(DARK);
  });
});
