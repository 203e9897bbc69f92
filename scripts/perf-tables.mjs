#!/usr/bin/env node
// Rewrites the README's Performance tables from bench/results.json, between the markers
// <!-- perf-tables:start --> and <!-- perf-tables:end -->. Figures are never typed by hand:
// run `pnpm bench`, then this script. `--check` fails when the README is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { budgets } from '../bench/budgets.mjs';

const readme = new URL('../README.md', import.meta.url);
const results = JSON.parse(readFileSync(new URL('../bench/results.json', import.meta.url), 'utf8'));
const START = '<!-- perf-tables:start -->';
const END = '<!-- perf-tables:end -->';

/** "0.95 (0.90–1.02)": a median with the min–max of its rounds. */
const fig = (s, unit = '') =>
  s.min === s.max ? `${s.median}${unit}` : `${s.median}${unit} (${s.min}–${s.max})`;
const verdict = (ok) => (ok ? 'met' : 'missed');
/** A figure an older results.json may not hold yet. */
const maybe = (s, unit = '') => (s ? fig(s, unit) : 'not measured');
const atOrBelow = (ratio) => (ratio ? verdict(ratio.median <= 1) : 'not measured');
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const { mentionSearch: search, typing, menuOpen, renders, notificationsBurst: burst } = results;
const rounds = typing.asideP95Ms.rounds;

const timing = [
  '| what | Aside | baseline (same run) | ratio | goal |',
  '| --- | --- | --- | --- | --- |',
  `| mention search, ${search.directorySize.toLocaleString('en')} agents, ${search.queries.toLocaleString('en')} prefixes, p95 | ${fig(search.p95Ms, ' ms')} | naive \`filter(startsWith)\` ${fig(search.naiveP95Ms, ' ms')} | **${fig(search.p95RatioVsNaive)}** | ≤ 1 ms and faster than naive: ${verdict(search.p95Ms.median <= 1 && search.p95RatioVsNaive.max < 1)} |`,
  `| typing at the end of a ${typing.paragraphs.toLocaleString('en')}-paragraph note, keystroke→paint p95 | ${fig(typing.asideP95Ms, ' ms')} | bare Tiptap, Aside's schema and extensions ${fig(typing.sameSchemaP95Ms, ' ms')} | **${fig(typing.p95RatioVsSameSchema)}** | ratio ≤ 1.10: ${verdict(typing.p95RatioVsSameSchema.median <= 1.1)} |`,
  `| same, against bare Tiptap with StarterKit + Mention (a bigger schema) | | ${fig(typing.starterKitP95Ms, ' ms')} | ${fig(typing.p95RatioVsStarterKit)} | |`,
  `| same, against Liveblocks' Composer (Slate; the same note and keys, offline) | | ${maybe(typing.liveblocksP95Ms, ' ms')} | **${maybe(typing.p95RatioVsLiveblocks)}** | Aside at or below Liveblocks: ${atOrBelow(typing.p95RatioVsLiveblocks)} |`,
  `| typing, main-thread time per keystroke, draft saves included | ${fig(typing.asideMainThreadMsPerKey, ' ms')} | Aside's schema ${fig(typing.sameSchemaMainThreadMsPerKey, ' ms')}; StarterKit + Mention ${fig(typing.starterKitMainThreadMsPerKey, ' ms')} | **${fig(typing.mainThreadRatioVsSameSchema)}** (vs StarterKit ${fig(typing.mainThreadRatioVsStarterKit)}) | ratio ≤ 1.10: ${verdict(typing.mainThreadRatioVsSameSchema.median <= 1.1)} |`,
  `| \`@\` + letter → listbox painted with that letter's answer (50,000 agents, debounce 0), p95 | ${fig(menuOpen.p95Ms, ' ms')} (p50 ${fig(menuOpen.p50Ms, ' ms')}) | Aside's own keystroke→paint p95 in the same rounds (above) | **${maybe(menuOpen.ratioToTyping)}** | ratio ≤ 1.15: ${menuOpen.ratioToTyping ? verdict(menuOpen.ratioToTyping.median <= 1.15) : 'not measured'} |`,
  `| same, against Liveblocks' Composer (\`resolveMentionSuggestions\` answering from the same index at once) | | ${maybe(menuOpen.liveblocksP95Ms, ' ms')} (p50 ${maybe(menuOpen.liveblocksP50Ms, ' ms')}) | **${maybe(menuOpen.p95RatioVsLiveblocks)}** | Aside at or below Liveblocks: ${atOrBelow(menuOpen.p95RatioVsLiveblocks)} |`,
  `| React commits per keystroke outside the editor (followers, toaster, a host \`useConversation\`) | ${fig(renders.outsideCommitsPerKeystroke)} | | | 0: ${verdict(renders.outsideCommitsPerKeystroke.max === 0)} |`,
  `| React commits per keystroke inside the composer (a \`<Profiler>\` around it) | ${fig(renders.composerCommitsPerKeystroke)} | | | well under 1 (only idle draft saves commit): ${verdict(renders.composerCommitsPerKeystroke.max <= 0.1)} |`,
  `| chips re-rendered when 1 follower of 50 is removed | ${fig(renders.chipsRenderedOnRemoval)} | | | ≤ 2: ${verdict(renders.chipsRenderedOnRemoval.max <= 2)} |`,
  `| ${burst.events.toLocaleString('en')} notifications in one tick, ${burst.listedBefore.toLocaleString('en')} listed: longest task | ${fig(burst.longestTaskMs, ' ms')}; ${fig(burst.burstToPaintMs, ' ms')} to paint | | | no task over 50 ms: ${verdict(burst.tasksOver50Ms.max === 0)} |`,
  `| Messaging updates first render, ${burst.listedBefore.toLocaleString('en')} items (windowed) | ${fig(burst.updatesListRenderMs, ' ms')} | | | |`,
];

const s = results.sizes;
const budget = (name) =>
  budgets[name] ? `≤ ${kB(budgets[name].bytes)}: ${verdict(s[name] <= budgets[name].bytes)}` : '';
const sizes = [
  '| package | size | compared with | goal |',
  '| --- | --- | --- | --- |',
  `| \`@aside/core\` | ${kB(s['@aside/core'])} | | ${budget('@aside/core')} |`,
  `| \`@aside/react\` | ${kB(s['@aside/react'])} | | ${budget('@aside/react')} |`,
  `| \`@aside/followers\` | ${kB(s['@aside/followers'])} (${s['@aside/followers'].toLocaleString('en')} B) | \`@zendeskgarden/react-tags\` ${kB(s['@zendeskgarden/react-tags'])} | ${budget('@aside/followers')} |`,
  `| \`@aside/notifications\` | ${kB(s['@aside/notifications'])} | sonner ${kB(s.sonner)}, react-hot-toast ${kB(s['react-hot-toast'])}, Radix toast ${kB(s['@radix-ui/react-toast'])} | ≤ sonner: ${verdict(s['@aside/notifications'] <= s.sonner)}; ≤ react-hot-toast: ${verdict(s['@aside/notifications'] <= s['react-hot-toast'])} |`,
  `| \`@aside/composer\` own code | ${kB(s['@aside/composer'])} | | ${budget('@aside/composer')} |`,
  `| composer with every dependency (Tiptap, Floating UI, core, react) | ${kB(s.composerTotal)} | bare Tiptap trio ${kB(s.tiptapBare)}; Liveblocks Composer ${kB(s.liveblocksComposer)} (× 0.75 = ${kB(s.liveblocksComposer * 0.75)}) | ≤ both: ${verdict(s.composerTotal <= s.tiptapBare && s.composerTotal <= s.liveblocksComposer * 0.75)} |`,
];

const section = [
  START,
  '',
  `Generated by \`node scripts/perf-tables.mjs\` from \`bench/results.json\` (${results.date.slice(0, 10)}, ${results.machine}). Medians over ${rounds} rounds, with the min–max of the rounds in brackets; each ratio is the median of per-round ratios. Times are noisy on a shared machine; ratios are against baselines measured in the same rounds.`,
  '',
  ...timing,
  '',
  'Sizes, min+gzip, ESM as a host bundles it (esbuild, React external; measured by the same script in the same run):',
  '',
  ...sizes,
  '',
  END,
].join('\n');

const text = readFileSync(readme, 'utf8');
const start = text.indexOf(START);
const end = text.indexOf(END);
if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
const next = text.slice(0, start) + section + text.slice(end + END.length);
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error('README.md Performance tables are out of date: run node scripts/perf-tables.mjs');
    process.exit(1);
  }
} else {
  writeFileSync(readme, next);
  console.log('README.md Performance tables rewritten from bench/results.json');
}
