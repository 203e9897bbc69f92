#!/usr/bin/env node
// Host apps in CI (consumers/): packs every package, installs each app from the tarballs (its own
// lockfile, outside the workspace, one shared pnpm store), type-checks (skipLibCheck: false),
// builds for production, serves the build on a free port and plays the seed flow in Chromium.
// Writes each app's loaded JS (gzip) to bench/results.json under `consumers` and holds the
// budgets in consumers/budgets.mjs. Run after `pnpm build`. `node scripts/consumers.mjs nextjs`
// runs one app.
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { consumerBudgets } from '../consumers/budgets.mjs';
import { playSeedFlow } from '../consumers/seed-flow.mjs';
import { freePort, serveStatic, waitForHttp } from './consumers/serve.mjs';
import { checkSingleCopies } from './consumers/single-copies.mjs';
import { packAll, root } from './pack.mjs';

const consumersDir = join(root, 'consumers');
process.env.NEXT_TELEMETRY_DISABLED = '1';
const apps = ['vite-react19', 'vite-react18', 'nextjs', 'tiptap-latest'];
const only = process.argv.slice(2);
const selected = only.length ? apps.filter((app) => only.includes(app)) : apps;

const step = (text) => console.log(`\n--> ${text}`);
/** Runs a command in `cwd`, its output shown; `capture` returns stdout instead of showing it. */
const run = (cwd, command, args, { capture = false } = {}) => {
  console.log(`$ (${cwd.replace(`${root}/`, '')}) ${command} ${args.join(' ')}`);
  const stdio = ['ignore', capture ? 'pipe' : 'inherit', 'inherit'];
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio });
};

// 1. The tarballs, under stable names the apps' `pnpm.overrides` point at.
step('pack');
const packDir = mkdtempSync(join(tmpdir(), 'aside-pack-'));
mkdirSync(join(consumersDir, '.packs'), { recursive: true });
for (const [name, tarball] of Object.entries(packAll(packDir))) {
  copyFileSync(tarball, join(consumersDir, '.packs', `${name.replace('@aside/', 'aside-')}.tgz`));
}
rmSync(packDir, { recursive: true, force: true });

// 2. The root README's quick start, verbatim, as each app's workspace component.
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const quickStart = readme
  .split('## Quick start for a host app')[1]
  ?.match(/```tsx\n([\s\S]*?)```/)?.[1];
if (!quickStart) throw new Error('README.md: no tsx block under "Quick start for a host app"');
for (const app of ['vite-react19', 'vite-react18', 'tiptap-latest']) {
  writeFileSync(join(consumersDir, app, 'src/Workspace.tsx'), quickStart);
}
writeFileSync(
  join(consumersDir, 'nextjs/app/quick-start/workspace.tsx'),
  `'use client';\n\n${quickStart}`,
);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
});
const measured = {};
const failures = [];
try {
  for (const app of selected) {
    const cwd = join(consumersDir, app);
    step(app);
    try {
      const lockfile = join(cwd, 'pnpm-lock.yaml');
      const lockedBefore = existsSync(lockfile) ? readFileSync(lockfile, 'utf8') : null;
      const install = run(
        cwd,
        'pnpm',
        [
          'install',
          '--ignore-workspace',
          '--no-frozen-lockfile',
          '--prefer-offline',
          '--reporter',
          'append-only',
        ],
        { capture: true },
      );
      console.log(install);
      keepLockfileUnlessChanged(lockfile, lockedBefore);
      if (/unmet peer|missing peer/i.test(install))
        throw new Error('pnpm reported peer dependency problems');
      // A clean build each time, as on a fresh clone (Next's generated .next/types would
      // otherwise join the type-check).
      for (const output of ['dist', '.next', 'next-env.d.ts'])
        rmSync(join(cwd, output), { recursive: true, force: true });
      run(cwd, 'pnpm', ['run', 'typecheck']);
      run(cwd, 'pnpm', ['run', 'build']);
      if (app === 'tiptap-latest') checkSingleCopies(cwd, ['@tiptap/', 'prosemirror-model']);
      if (app === 'vite-react19') {
        // CommonJS hosts (Jest, older tooling): require() loads the ESM packages on Node >= 20.19.
        run(cwd, 'node', [
          '-e',
          "for (const m of ['@aside/core', '@aside/core/memory', '@aside/react', '@aside/followers', '@aside/notifications', '@aside/composer']) require(m)",
        ]);
      }
      measured[app] = app === 'nextjs' ? await testNext(cwd) : await testVite(cwd);
      console.log(`${app}: seed flow passed, ${measured[app]} B of JS (gzip)`);
    } catch (error) {
      failures.push(`${app}: ${error.message.split('\n')[0]}`);
      console.error(error.message);
    }
  }
} finally {
  await browser.close();
}

/**
 * The tarballs' integrity changes with every build; pnpm re-reads them on each install anyway,
 * so a lockfile that differs only there is put back as committed (no churn in git).
 */
function keepLockfileUnlessChanged(lockfile, before) {
  const ignoringTarballs = (text) =>
    text.replace(/integrity: [^,]+, tarball: file:/g, 'tarball: file:');
  if (before && ignoringTarballs(readFileSync(lockfile, 'utf8')) === ignoringTarballs(before)) {
    writeFileSync(lockfile, before);
  }
}

async function testVite(cwd) {
  const server = await serveStatic(join(cwd, 'dist'));
  try {
    return (await playSeedFlow(browser, server.url)).jsGzipBytes;
  } finally {
    server.close();
  }
}

async function testNext(cwd) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const next = spawn('pnpm', ['exec', 'next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    stdio: 'inherit',
    detached: true,
  });
  try {
    await waitForHttp(url);
    // Server-rendered: the HTML already holds the Followers list and the composer's mode switch.
    for (const path of ['/', '/quick-start']) {
      const html = await (await fetch(url + path)).text();
      for (const expected of ['Followers', 'Internal note']) {
        if (!html.includes(expected)) throw new Error(`${path}: server HTML lacks "${expected}"`);
      }
    }
    await playSeedFlow(browser, `${url}/`);
    return (await playSeedFlow(browser, `${url}/quick-start`)).jsGzipBytes;
  } finally {
    process.kill(-next.pid, 'SIGTERM');
  }
}

// 3. Results (merged: other keys of bench/results.json belong to `pnpm bench`) and budgets.
const resultsFile = join(root, 'bench/results.json');
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
results.consumers = { ...results.consumers };
for (const [app, gzipBytes] of Object.entries(measured)) {
  results.consumers[app] = { gzipBytes, budgetBytes: consumerBudgets[app] };
  if (gzipBytes > consumerBudgets[app]) {
    failures.push(
      `${app}: ${gzipBytes} B of JS (gzip) is over its budget of ${consumerBudgets[app]} B (consumers/budgets.mjs)`,
    );
  }
}
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.table(results.consumers);
if (failures.length) {
  console.error(`\nConsumer apps failed:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
