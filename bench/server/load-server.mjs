// The reference server's TypeScript, bundled as `pnpm start` bundles it, next to the example's
// node_modules (so its database drivers resolve). Plain Node, so the bench runs it as it is;
// the server tests reuse bundleServer for the CLI they spawn (test/server/server-process.ts).
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const workspace = fileURLToPath(new URL('../../examples/workspace/', import.meta.url));

/** Bundles `server/<entry>` into a folder of its own under the example's node_modules/.cache. */
export async function bundleServer(entry, label) {
  const dir = `${workspace}node_modules/.cache/aside-${label}-${process.pid}-${Date.now()}`;
  await mkdir(dir, { recursive: true });
  const file = `${dir}/server.mjs`;
  await build({
    entryPoints: [`${workspace}server/${entry}`],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    tsconfig: `${workspace}tsconfig.json`,
    external: ['hono', '@hono/node-server', 'pg', '@electric-sql/pglite'],
    logLevel: 'warning',
  });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The server's module (`server/index.ts`), bundled once for this run and imported. */
export async function loadServer() {
  const { file, remove } = await bundleServer('index.ts', 'bench');
  return { server: await import(file), remove };
}
