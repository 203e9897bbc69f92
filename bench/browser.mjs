// Browser benchmarks: the bench page built for production from the built packages, served on
// localhost, driven by Playwright in Debian's Chromium. Every figure is a median over rounds
// with its spread; every counter and observer proves itself before it is believed.
import { execSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { benchComposer, taskMs } from './composer.mjs';
import { refuse, spread } from './stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'bench/dist');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function serve() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = join(dist, request.url === '/' ? 'index.html' : request.url.split('?')[0]);
    if (!existsSync(path)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Every browser benchmark, or with `only: 'composer'` just typing and menu opening. */
export async function benchBrowser({ only } = {}) {
  execSync('pnpm exec vite build --config bench/vite.config.ts', { cwd: root, stdio: 'inherit' });
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  const fresh = async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    return { page, cdp };
  };
  try {
    // Self-check: CDP's task clock sees a deliberate 60 ms task.
    {
      const { page, cdp } = await fresh();
      const before = await taskMs(cdp);
      await page.evaluate(() => window.bench.busy(60));
      const seen = (await taskMs(cdp)) - before;
      if (seen < 50) refuse(`CDP TaskDuration saw ${seen.toFixed(1)} ms of a 60 ms task`);
      await page.close();
    }

    console.log('  typing and menuOpen…');
    const { typing, menuOpen } = await benchComposer(fresh, ROUNDS);
    if (only === 'composer') return { typing, menuOpen };

    console.log('  renders…');
    // renders: commits per keystroke outside the editor and inside the composer.
    const outside = ['FollowersList', 'Toaster', 'HostConversationHeader'];
    const outsidePerKey = [];
    const composerPerKey = [];
    const chipsOnRemoval = [];
    const typed = 50;
    for (let round = 0; round < ROUNDS; round++) {
      const { page } = await fresh();
      await page.evaluate(() => window.bench.mountRenders());
      const check = await page.evaluate(() => window.bench.renderCountersSelfCheck());
      if (check.headerCounted < 1) refuse('the render counter missed a deliberate re-render');
      if (check.composerCommitsCounted < 1)
        refuse('the composer Profiler missed a deliberate commit');
      const before = await page.evaluate(() => window.bench.renderCountsNow());
      await page.click('.ProseMirror');
      for (let i = 0; i < typed; i++) await page.keyboard.type('b', { delay: 20 });
      await page.evaluate((text) => window.bench.draftSettled(text), 'b'.repeat(typed));
      const afterTyping = await page.evaluate(() => window.bench.renderCountsNow());
      await page.evaluate(() => window.bench.removeOneFollower());
      const afterRemoval = await page.evaluate(() => window.bench.renderCountsNow());
      outsidePerKey.push(
        outside.reduce((sum, name) => sum + afterTyping[name] - before[name], 0) / typed,
      );
      composerPerKey.push((afterTyping.composerCommits - before.composerCommits) / typed);
      chipsOnRemoval.push(afterRemoval.FollowerChip - afterTyping.FollowerChip);
      await page.close();
    }
    const renders = {
      keystrokes: typed,
      outsideCommitsPerKeystroke: spread(outsidePerKey, 3),
      composerCommitsPerKeystroke: spread(composerPerKey, 3),
      chipsRenderedOnRemoval: spread(chipsOnRemoval, 0),
    };

    console.log('  notificationsBurst…');
    const bursts = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { page } = await fresh();
      const burst = await page.evaluate(() => window.bench.notificationsBurst());
      if (!burst.selfCheck)
        refuse(`the long-task observer saw ${burst.deliberateTaskSeenMs} ms of a 60 ms task`);
      bursts.push(burst);
      await page.close();
    }
    const notificationsBurst = {
      events: 1_000,
      listedBefore: 10_000,
      burstToPaintMs: spread(bursts.map((b) => b.burstToPaintMs)),
      longestTaskMs: spread(bursts.map((b) => b.longestTaskMs)),
      tasksOver50Ms: spread(
        bursts.map((b) => b.tasksOver50Ms),
        0,
      ),
      updatesListRenderMs: spread(bursts.map((b) => b.updatesListRenderMs)),
    };
    return { typing, menuOpen, renders, notificationsBurst };
  } finally {
    await browser.close();
    server.close();
  }
}
