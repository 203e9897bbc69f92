// Packs every publishable package with `pnpm pack` (which rewrites `workspace:` ranges to real
// versions), so checks and consumer apps see exactly what a host would download.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..');
export const packageDirs = [
  'core',
  'react',
  'composer',
  'followers',
  'notifications',
  'adapter-http',
];
/** Packages whose built JavaScript must start with "use client" (React server components). */
export const clientPackages = new Set(['react', 'composer', 'followers', 'notifications']);

/** Packs each package into `outDir`; returns `{ '@aside/core': '/abs/aside-core-0.1.0.tgz', … }`. */
export function packAll(outDir) {
  mkdirSync(outDir, { recursive: true });
  const tarballs = {};
  for (const dir of packageDirs) {
    const before = new Set(readdirSync(outDir));
    execFileSync('pnpm', ['pack', '--pack-destination', outDir], {
      cwd: join(root, 'packages', dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const file = readdirSync(outDir).find((name) => !before.has(name) && name.endsWith('.tgz'));
    tarballs[`@aside/${dir}`] = join(outDir, file ?? `aside-${dir}-unknown.tgz`);
  }
  return tarballs;
}
