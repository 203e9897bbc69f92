#!/usr/bin/env node
// Runs every test (unit in jsdom, then real-browser in Chromium). Refuses to skip the
// browser tests: without a Chromium it stops and says how to install one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const path of candidates) if (path && existsSync(path)) return path;
  try {
    const { chromium } = createRequire(import.meta.url)('playwright');
    const path = chromium.executablePath();
    if (path && existsSync(path)) return path;
  } catch {}
  return null;
}

const chromium = findChromium();
if (!chromium) {
  console.error(
    [
      'No Chromium found for the real-browser tests.',
      'Install one, then run the tests again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium',
      '  elsewhere:      pnpm exec playwright install chromium',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}

const args = ['vitest', 'run', ...process.argv.slice(2)];
const result = spawnSync('pnpm', ['exec', ...args], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
