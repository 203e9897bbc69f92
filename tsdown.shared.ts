import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { UserConfig } from 'tsdown';

const CSS_IMPORT = /^@import\s+(?:"([^"]+)"|'([^']+)');[ \t]*$/gm;

/**
 * A stylesheet with every relative `@import` replaced by the file's text, recursively: the
 * shipped `styles.css` is one flat file, so a host's bundler (or a plain `<link>`) has nothing
 * left to resolve, and the shared theme from @aside/react travels inside it.
 */
export async function inlineCss(file: string, seen: readonly string[] = []): Promise<string> {
  if (seen.includes(file)) throw new Error(`CSS @import cycle: ${[...seen, file].join(' -> ')}`);
  const text = await readFile(file, 'utf8');
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(CSS_IMPORT)) {
    const target = match[1] ?? match[2] ?? '';
    if (!target.startsWith('.'))
      throw new Error(`${file}: only relative @import can be inlined: ${target}`);
    parts.push(text.slice(last, match.index));
    parts.push((await inlineCss(resolve(dirname(file), target), [...seen, file])).trimEnd());
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  const flat = parts.join('');
  if (/^\s*@import\b/m.test(flat))
    throw new Error(`${file}: an @import was left that cannot be inlined`);
  return flat;
}

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
  ...(options.css
    ? {
        hooks: {
          'build:done': async ({ options: resolved }) => {
            const css = await inlineCss(join(resolved.cwd, 'src/styles.css'));
            await writeFile(join(resolved.outDir, 'styles.css'), css);
          },
        },
      }
    : {}),
});
