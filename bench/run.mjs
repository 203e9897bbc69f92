#!/usr/bin/env node
// pnpm bench: builds the packages, measures them next to what a team would otherwise use, in
// the same run, prints medians with their spread and writes bench/results.json. Every ratio is a
// median of per-round ratios with its min–max; a failed self-check stops the run with no report.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { show } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsFile = new URL('./results.json', import.meta.url);
console.log('Building the packages (benchmarks measure the built code hosts ship)…');
execSync('pnpm build', { cwd: root, stdio: 'ignore' });

const { benchMentionSearch } = await import('./mention-search.mjs');
const { measureSizes } = await import('./sizes.mjs');
const { benchBrowser } = await import('./browser.mjs');

// `pnpm bench --only=composer`: typing and menu opening only, printed, results.json untouched.
if (process.argv.includes('--only=composer')) {
  console.log('browser benchmarks, composer only (Chromium)…');
  const { typing, menuOpen } = await benchBrowser({ only: 'composer' });
  console.log(JSON.stringify({ typing, menuOpen }, null, 2));
  console.log(`typing p95: Aside ${show(typing.asideP95Ms, ' ms')}`);
  console.log(`  Liveblocks ${show(typing.liveblocksP95Ms, ' ms')}`);
  console.log(`menu open p95: Aside ${show(menuOpen.p95Ms, ' ms')}`);
  console.log(`  Liveblocks ${show(menuOpen.liveblocksP95Ms, ' ms')}`);
  console.log(`  Aside's ratio to its typing p95: ${show(menuOpen.ratioToTyping)}`);
  process.exit(0);
}

const cpus = os.cpus();
const measured = {
  machine: `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  date: new Date().toISOString(),
};

console.log('mentionSearch…');
measured.mentionSearch = benchMentionSearch();
console.log('sizes…');
measured.sizes = await measureSizes();
console.log('browser benchmarks (Chromium)…');
Object.assign(measured, await benchBrowser());

// Keys this script does not measure (e.g. `consumers`, written by another script) are kept.
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ...measured }, null, 2)}\n`);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const { mentionSearch: search, typing, menuOpen, renders, notificationsBurst: burst } = measured;
console.log(`\nMachine: ${measured.machine}\nMedian (min–max over rounds):\n`);
console.log(
  `mention search p95: Aside ${show(search.p95Ms, ' ms')}, naive ${show(search.naiveP95Ms, ' ms')}`,
);
console.log(`  ratio Aside/naive: ${show(search.p95RatioVsNaive)}`);
console.log(`typing keystroke→paint p95: Aside ${show(typing.asideP95Ms, ' ms')}`);
console.log(
  `  bare Tiptap, Aside's schema ${show(typing.sameSchemaP95Ms, ' ms')}; ratio ${show(typing.p95RatioVsSameSchema)}`,
);
console.log(
  `  bare Tiptap, StarterKit + Mention ${show(typing.starterKitP95Ms, ' ms')}; ratio ${show(typing.p95RatioVsStarterKit)}`,
);
console.log(
  `  Liveblocks Composer ${show(typing.liveblocksP95Ms, ' ms')}; ratio ${show(typing.p95RatioVsLiveblocks)}`,
);
console.log(
  `typing main-thread ms per key (draft saves included): Aside ${show(typing.asideMainThreadMsPerKey, ' ms')}`,
);
console.log(
  `  Aside's schema ${show(typing.sameSchemaMainThreadMsPerKey, ' ms')}; ratio ${show(typing.mainThreadRatioVsSameSchema)}`,
);
console.log(
  `  StarterKit + Mention ${show(typing.starterKitMainThreadMsPerKey, ' ms')}; ratio ${show(typing.mainThreadRatioVsStarterKit)}`,
);
console.log(`menu open p95: ${show(menuOpen.p95Ms, ' ms')} (p50 ${show(menuOpen.p50Ms, ' ms')})`);
console.log(`  ratio to typing p95 of the same round: ${show(menuOpen.ratioToTyping)}`);
console.log(
  `  Liveblocks Composer ${show(menuOpen.liveblocksP95Ms, ' ms')}; ratio ${show(menuOpen.p95RatioVsLiveblocks)}`,
);
console.log(
  `React commits per keystroke outside the editor: ${show(renders.outsideCommitsPerKeystroke)}`,
);
console.log(
  `React commits per keystroke inside the composer: ${show(renders.composerCommitsPerKeystroke)}`,
);
console.log(`chips re-rendered on removing 1 of 50: ${show(renders.chipsRenderedOnRemoval)}`);
console.log(
  `1,000 notifications in one tick: longest task ${show(burst.longestTaskMs, ' ms')}, to paint ${show(burst.burstToPaintMs, ' ms')}`,
);
console.log(`Messaging updates render, 10,000 items: ${show(burst.updatesListRenderMs, ' ms')}`);
console.table(
  Object.fromEntries(Object.entries(measured.sizes).map(([name, bytes]) => [name, kb(bytes)])),
);
console.log('Written to bench/results.json; `node scripts/perf-tables.mjs` updates the README.');
