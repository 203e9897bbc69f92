// Bundles the server (and the @aside/* sources it imports, through tsconfig paths) into one
// ES module; the database drivers and Hono stay in node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: 'tsconfig.json',
  external: ['hono', '@hono/node-server', 'pg', '@electric-sql/pglite'],
  logLevel: 'warning',
});
