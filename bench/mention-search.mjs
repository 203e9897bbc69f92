// mentionSearch: @aside/core's index over 50,000 agents vs a naive filter, same data, same run.
import { performance } from 'node:perf_hooks';
import { createMentionIndex } from '../packages/core/dist/index.js';
import { generateAgents, seededRandom } from './shared.mjs';
import { ratioSpread, round, spread } from './stats.mjs';

const DIRECTORY_SIZE = 50_000;
const QUERIES = 1_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function timeEach(queries, search) {
  const times = [];
  let found = 0;
  for (const query of queries) {
    const start = performance.now();
    found += search(query).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), found };
}

export function benchMentionSearch() {
  const agents = generateAgents(DIRECTORY_SIZE, 42);
  const random = seededRandom(7);
  // Realistic prefixes: the first 1–4 letters of a random agent's first or last name.
  const queries = Array.from({ length: QUERIES }, () => {
    const parts = agents[Math.floor(random() * agents.length)].name.split(' ');
    const part = parts[Math.floor(random() * parts.length)];
    return part.slice(0, 1 + Math.floor(random() * 4));
  });

  const buildStart = performance.now();
  const index = createMentionIndex(agents);
  const buildMs = performance.now() - buildStart;
  const naive = (query) => {
    const q = query.toLowerCase();
    return agents.filter((agent) => agent.name.toLowerCase().startsWith(q)).slice(0, 8);
  };
  // Warm both up, then alternate which goes first each round so neither always runs colder.
  timeEach(queries.slice(0, 100), (q) => index.search(q));
  timeEach(queries.slice(0, 100), naive);
  const aside = [];
  const baseline = [];
  for (let round = 0; round < ROUNDS; round++) {
    const runAside = () => aside.push(timeEach(queries, (q) => index.search(q)));
    const runNaive = () => baseline.push(timeEach(queries, naive));
    if (round % 2 === 0) {
      runAside();
      runNaive();
    } else {
      runNaive();
      runAside();
    }
  }
  const p95 = (runs) => runs.map((run) => run.p95);
  return {
    directorySize: DIRECTORY_SIZE,
    queries: QUERIES,
    indexBuildMs: round(buildMs),
    p50Ms: spread(
      aside.map((run) => run.p50),
      4,
    ),
    p95Ms: spread(p95(aside), 4),
    naiveP95Ms: spread(p95(baseline), 4),
    // Below 1: Aside is faster than the naive filter, although it folds accents and ranks.
    p95RatioVsNaive: ratioSpread(p95(aside), p95(baseline), 4),
  };
}
