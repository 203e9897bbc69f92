// Browser benchmarks: the bench page built for production, served on localhost, driven by
// Playwright in Debian's Chromium.
import { execSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'bench/dist');
const PARAGRAPHS = 2_000;
const KEYSTROKES = 300;
const ROUNDS = 2;

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

const round = (value, digits = 2) => Number(value.toFixed(digits));

async function typeAtEnd(page) {
  await page.click('.ProseMirror');
  await page.keyboard.press('Control+End');
  await page.evaluate(() => window.bench.startLatency());
  for (let i = 0; i < KEYSTROKES; i++)
    await page.keyboard.type(i % 20 === 19 ? ' ' : 'a', { delay: 25 });
  return page.evaluate(() => window.bench.stopLatency());
}

export async function benchBrowser() {
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
    await page.goto(url);
    return page;
  };
  try {
    // typing: alternate which editor goes first, one fresh page per run.
    const aside = [];
    const bare = [];
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['aside', 'bare'] : ['bare', 'aside'];
      for (const which of order) {
        const page = await fresh();
        await page.evaluate(
          ([kind, paragraphs]) =>
            kind === 'aside'
              ? window.bench.mountAsideComposer(paragraphs)
              : window.bench.bareTiptap(paragraphs),
          [which, PARAGRAPHS],
        );
        (which === 'aside' ? aside : bare).push(await typeAtEnd(page));
        await page.close();
      }
    }
    const worst = (runs) => Math.max(...runs.map((run) => run.p95Ms));
    const typing = {
      paragraphs: PARAGRAPHS,
      keystrokes: KEYSTROKES,
      asideP95Ms: round(worst(aside)),
      bareP95Ms: round(worst(bare)),
      ratio: round(worst(aside) / worst(bare), 3),
    };

    console.log('  typing done; menuOpen…');
    // menuOpen: 30 times "@" + a letter, Escape, clear.
    let page = await fresh();
    await page.evaluate(() => window.bench.mountMenu());
    await page.click('.ProseMirror');
    for (let i = 0; i < 30; i++) {
      await page.keyboard.type('@');
      await page.keyboard.type('abcdefghijklmnoprstvwz'[i % 22]);
      await page
        .waitForSelector('[role="listbox"] [role="option"]', { timeout: 5000 })
        .catch(() => {});
      await page.waitForTimeout(50);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Backspace');
    }
    const menu = await page.evaluate(() => window.bench.menuOpenResult());
    const menuOpen = { opens: menu.opens, p50Ms: round(menu.p50Ms), p95Ms: round(menu.p95Ms) };
    await page.close();

    console.log('  menuOpen done; renders…');
    // renders: commits outside the editor per keystroke, and chips re-rendered by one removal.
    page = await fresh();
    const before = await page.evaluate(() => window.bench.mountRenders());
    await page.click('.ProseMirror');
    const typed = 50;
    for (let i = 0; i < typed; i++) await page.keyboard.type('b', { delay: 20 });
    await page.waitForTimeout(600);
    const afterTyping = await page.evaluate(() => window.bench.renderCountsNow());
    await page.evaluate(() => window.bench.removeOneFollower());
    const afterRemoval = await page.evaluate(() => window.bench.renderCountsNow());
    const outside = ['FollowersList', 'Toaster', 'HostConversationHeader'];
    const renders = {
      keystrokes: typed,
      perKeystroke: round(
        outside.reduce((sum, name) => sum + afterTyping[name] - before[name], 0) / typed,
        3,
      ),
      ...Object.fromEntries(
        outside.map((name) => [
          `${name}PerKeystroke`,
          round((afterTyping[name] - before[name]) / typed, 3),
        ]),
      ),
      chipsRenderedOnRemoval: afterRemoval.FollowerChip - afterTyping.FollowerChip,
    };
    await page.close();

    console.log('  renders done; notificationsBurst…');
    page = await fresh();
    const notificationsBurst = await page.evaluate(() => window.bench.notificationsBurst());
    await page.close();
    return { typing, menuOpen, renders, notificationsBurst };
  } finally {
    await browser.close();
    server.close();
  }
}
