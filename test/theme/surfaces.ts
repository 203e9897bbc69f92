import { cdp } from 'vitest/browser';
import { roots } from './render-all';

const WHITE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(31, 34, 38)';

/** The background of each component's root in the light theme's default tokens. */
export const LIGHT = {
  composer: WHITE,
  chip: 'rgb(238, 241, 245)',
  updates: WHITE,
  toast: WHITE,
};

/** The same in the dark theme. */
export const DARK = {
  composer: DARK_SURFACE,
  chip: 'rgb(44, 48, 54)',
  updates: DARK_SURFACE,
  toast: DARK_SURFACE,
};

/** The background each component is drawn on now (the toast's is `missing` when none shows). */
export const surfaces = () => {
  const { composer, chip, updates, toast } = roots();
  const background = (element: HTMLElement | null) =>
    element ? getComputedStyle(element).backgroundColor : 'missing';
  return {
    composer: background(composer),
    chip: background(chip),
    updates: background(updates),
    toast: background(toast),
  };
};

/** The OS colour scheme as Chromium reports it to `prefers-color-scheme`; '' is the default. */
export async function emulateOsScheme(value: 'light' | 'dark' | ''): Promise<void> {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'prefers-color-scheme', value }],
  });
}
