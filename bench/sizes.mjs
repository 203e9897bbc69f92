// Min+gzip sizes measured the way a host bundles a package: esbuild, minified ESM, React external.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
const ASIDE = ['@aside/core', '@aside/core/memory', '@aside/react'];

export const asidePackages = ['core', 'react', 'composer', 'followers', 'notifications'];

async function gzipBytes(contents, external, resolveDir = root) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

const distOf = (name) => `${root}packages/${name}/dist/index.js`;

/** Own code of one package: other @aside packages and third-party dependencies external. */
export async function asideSize(name) {
  if (!existsSync(distOf(name)))
    throw new Error(`packages/${name} is not built: run pnpm build first`);
  const deps =
    name === 'composer' ? [/* counted in composerTotal */ '@tiptap/*', '@floating-ui/*'] : [];
  return gzipBytes(`export * from ${JSON.stringify(distOf(name))};`, [...REACT, ...ASIDE, ...deps]);
}

/** The composer as a host really pays for it: every dependency but React. */
export async function composerTotal() {
  const aliases = `export * from ${JSON.stringify(distOf('composer'))};`;
  const result = await build({
    stdin: { contents: aliases, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: REACT,
    logLevel: 'silent',
    alias: { '@aside/core': distOf('core'), '@aside/react': distOf('react') },
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

/** What a team would pick instead, measured by the same code in the same run. */
export const peers = {
  sonner: () => gzipBytes(`export * from 'sonner';`, REACT),
  'react-hot-toast': () => gzipBytes(`export * from 'react-hot-toast';`, REACT),
  '@radix-ui/react-toast': () => gzipBytes(`export * from '@radix-ui/react-toast';`, REACT),
  // Garden's own peers (theming, styled-components) are external, as a Garden host already has them.
  '@zendeskgarden/react-tags': () =>
    gzipBytes(`export * from '@zendeskgarden/react-tags';`, [
      ...REACT,
      'styled-components',
      '@zendeskgarden/react-theming',
    ]),
  tiptapBare: () =>
    gzipBytes(
      `export { useEditor, EditorContent } from '@tiptap/react';
       export { default as StarterKit } from '@tiptap/starter-kit';
       export { default as Mention } from '@tiptap/extension-mention';`,
      REACT,
      `${root}packages/composer`,
    ),
  liveblocksComposer: () =>
    gzipBytes(
      `export { Composer } from '@liveblocks/react-ui';
       export { LiveblocksProvider, RoomProvider } from '@liveblocks/react';`,
      REACT,
    ),
};

export async function measureSizes() {
  const sizes = {};
  for (const name of asidePackages) sizes[`@aside/${name}`] = await asideSize(name);
  sizes.composerTotal = await composerTotal();
  for (const [name, measure] of Object.entries(peers)) sizes[name] = await measure();
  return sizes;
}
