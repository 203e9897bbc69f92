#!/usr/bin/env node
// Release checks on the packed tarballs (run after `pnpm build`):
// - @arethetypeswrong/cli: types resolve for `node16` (from ESM), `bundler` and `node10`. The
//   "CJS resolves to ESM" rule is ignored: the packages are ESM only and Node >= 20.19 (the
//   engines floor) loads them through `require()`, which `scripts/consumers.mjs` proves.
// - every tarball carries LICENSE, README.md and package.json;
// - the client packages' JavaScript files all begin with "use client", the others' never do.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientPackages, packAll } from './pack.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'aside-attw-'));
const failures = [];
try {
  const tarballs = packAll(outDir);
  for (const [name, tarball] of Object.entries(tarballs)) {
    const attw = spawnSync(
      'pnpm',
      [
        'exec',
        'attw',
        tarball,
        '--profile',
        'node16',
        '--ignore-rules',
        'cjs-resolves-to-esm',
        '--exclude-entrypoints',
        'styles.css',
        '--format',
        'table-flipped',
      ],
      { stdio: 'inherit' },
    );
    if (attw.status !== 0) failures.push(`${name}: attw reported problems (above)`);

    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const required of ['package/LICENSE', 'package/README.md', 'package/package.json']) {
      if (!files.includes(required)) failures.push(`${name}: ${required} missing from the tarball`);
    }
    const unpacked = join(outDir, name.replace('/', '-'));
    execFileSync('mkdir', ['-p', unpacked]);
    execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
    const expectClient = clientPackages.has(name.replace('@aside/', ''));
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(unpacked, file), 'utf8');
      const isClient = text.startsWith('"use client";');
      if (isClient !== expectClient) {
        failures.push(`${name}: ${file} ${expectClient ? 'lacks' : 'must not carry'} "use client"`);
      }
    }
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\nPackage checks failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log(
  '\nPackage checks passed: types (attw), LICENSE/README in every tarball, "use client".',
);
