import type { UserConfig } from 'tsdown';

/** What every @aside package builds: ESM with declarations, `.js`/`.d.ts` names, sourcemaps. */
export const packageBuild = (
  entry: UserConfig['entry'],
  options: { css?: boolean } = {},
): UserConfig => ({
  entry,
  format: 'esm',
  platform: 'neutral',
  dts: true,
  fixedExtension: false,
  sourcemap: true,
  ...(options.css ? { copy: [{ from: 'src/styles.css', to: 'dist' }] } : {}),
});
