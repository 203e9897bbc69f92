import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceAliases } from '../../aliases.ts';

const adapterHttp = new URL('../../packages/adapter-http/src/index.ts', import.meta.url).pathname;

/** The app builds from the workspace sources; `vite` (dev) proxies the API to the server. */
export default defineConfig({
  root: fileURLToPath(new URL('./app', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [...workspaceAliases, { find: /^@aside\/adapter-http$/, replacement: adapterHttp }],
  },
  build: { outDir: '../dist/app', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
