import type { UserConfig } from 'tsdown';

/**
 * What every @aside package builds: ESM with declarations, `.js`/`.d.ts` names, sourcemaps.
 * `client: true` puts `"use client"` first in every JavaScript chunk (after minification, so
 * nothing can move it), which React server components need before they import a component.
 */
export const packageBuild = (
  entry: UserConfig['entry'],
  options: { css?: boolean; client?: boolean } = {},
): UserConfig => ({
  entry,
  format: 'esm',
  platform: 'neutral',
  dts: true,
  fixedExtension: false,
  sourcemap: true,
  ...(options.client ? { banner: { js: '"use client";' } } : {}),
  ...(options.css ? { copy: [{ from: 'src/styles.css', to: 'dist' }] } : {}),
});
