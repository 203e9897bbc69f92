#!/usr/bin/env node
// pnpm bench: measures what matters next to what a team would otherwise use, in the same run,
// prints a table and writes bench/results.json. Times are reported as ratios plus absolute values.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log('Building the packages (benchmarks measure the built code hosts ship)…');
execSync('pnpm build', { cwd: root, stdio: 'ignore' });

const { benchMentionSearch } = await import('./mention-search.mjs');
const { measureSizes } = await import('./sizes.mjs');
const { benchBrowser } = await import('./browser.mjs');

const results = {
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString(),
};

console.log('mentionSearch…');
results.mentionSearch = benchMentionSearch();
console.log('sizes…');
results.sizes = await measureSizes();
console.log('browser benchmarks (Chromium)…');
Object.assign(results, await benchBrowser());

writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(`\nMachine: ${results.machine}\n`);
console.table(results.mentionSearch);
console.table(
  Object.fromEntries(Object.entries(results.sizes).map(([name, bytes]) => [name, kb(bytes)])),
);
for (const key of ['typing', 'menuOpen', 'renders', 'notificationsBurst']) {
  if (results[key]) {
    console.log(key);
    console.table(results[key]);
  }
}
console.log('Written to bench/results.json');
