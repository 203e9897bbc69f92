import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { demoAgents } from '@aside/core/memory';
import { type Browser, chromium } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers';

const { sam, jane } = demoAgents;
const config = new URL('../../examples/workspace/vite.config.ts', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
};

/**
 * The built reference app (as `pnpm start` serves it) under the server's Content-Security-Policy
 * in real Chromium: it works, and the browser reports no violation.
 */
describe('the built app under the server CSP', () => {
  let t: TestServer;
  let browser: Browser;
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'aside-app-'));
    await build({ configFile: config, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    t = await startTestServer({
      extend: ({ app }) =>
        app.get('*', async (c) => {
          const path = c.req.path.startsWith('/assets/') ? c.req.path : '/index.html';
          const body = await readFile(join(outDir, normalize(path)));
          return c.body(body, 200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' });
        }),
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await rm(outDir, { recursive: true, force: true });
  });

  it('the built index.html has no inline script or style', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\//);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('R6: sign in, open a conversation and post a mention: no CSP violation', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
    const response = await page.goto(`${t.server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByRole('button', { name: new RegExp(sam.name) }).click();
    await page.getByText(`Signed in as ${sam.name}`).waitFor();
    await page.getByRole('button', { name: /Printer will not connect/ }).click();
    await page.getByText('Internal note', { exact: true }).click();
    await page.locator('[contenteditable="true"]').click();
    await page.keyboard.type('Under a strict CSP @Jane');
    await page.getByRole('option', { name: new RegExp(jane.name) }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Under a strict CSP').first().waitFor();
    // The editor's own stylesheet (e.g. zero-size cursor separators after mentions) applies.
    const ligatures = await page
      .locator('.ProseMirror')
      .evaluate((editor) => getComputedStyle(editor).fontVariantLigatures);
    expect(ligatures).toBe('none');
    expect(violations).toEqual([]);
  }, 90_000);
});
