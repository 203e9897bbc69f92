// The reference server's TypeScript, bundled once for this run next to the example's
// node_modules (so its database drivers resolve), as `pnpm start` bundles it.
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const workspace = fileURLToPath(new URL('../../examples/workspace/', import.meta.url));

export async function loadServer() {
  const dir = `${workspace}node_modules/.cache/aside-bench-${process.pid}`;
  await mkdir(dir, { recursive: true });
  const outfile = `${dir}/server.mjs`;
  await build({
    entryPoints: [`${workspace}server/index.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: `${workspace}tsconfig.json`,
    external: ['hono', '@hono/node-server', 'pg', '@electric-sql/pglite'],
    logLevel: 'warning',
  });
  const server = await import(outfile);
  return { server, remove: () => rm(dir, { recursive: true, force: true }) };
}
