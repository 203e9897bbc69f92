import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceAliases } from '../aliases.ts';

// The benchmark page, built for production (unminified so components keep their names for
// the render counter; minification does not change how much work React does).
export default defineConfig({
  root: 'bench/page',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: { outDir: '../dist', emptyOutDir: true, minify: false },
  logLevel: 'warn',
});
