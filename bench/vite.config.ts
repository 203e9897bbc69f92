import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The benchmark page, built for production against the BUILT packages (each package's own
// `exports`, i.e. dist/), so what is measured is what hosts install. Unminified so components
// keep their names for the render counter; minification does not change how much work React does.
const packages = ['core', 'react', 'composer', 'followers', 'notifications'];
type Exports = Record<string, string | { import?: string; default?: string }>;

const builtAliases = packages.flatMap((name) => {
  const dir = fileURLToPath(new URL(`../packages/${name}/`, import.meta.url));
  const exports = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')).exports as Exports;
  return Object.entries(exports).flatMap(([subpath, target]) => {
    const file = typeof target === 'string' ? target : (target.import ?? target.default);
    if (!file || subpath === './package.json') return [];
    const specifier = `@aside/${name}${subpath.slice(1)}`;
    return [
      { find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`), replacement: dir + file },
    ];
  });
});

export default defineConfig({
  root: 'bench/page',
  plugins: [react()],
  resolve: {
    // React's profiling build, for Aside and the baselines alike: <Profiler> reports commits
    // only there (the bench's self-check refuses to run without it).
    alias: [...builtAliases, { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
    dedupe: ['react', 'react-dom', '@tiptap/core', '@tiptap/pm', '@tiptap/react'],
  },
  build: { outDir: '../dist', emptyOutDir: true, minify: false },
  logLevel: 'warn',
});
