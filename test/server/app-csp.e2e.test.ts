import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { demoAgents } from '@aside/core/memory';
import type { Browser, Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { useTestServer } from './helpers';

const { sam, jane } = demoAgents;
const axeSource = await readFile(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe over the whole page (DevTools evaluation: the page's CSP does not apply to it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe.run();
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
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
describe('the built reference app, under the server CSP', () => {
  let browser: Browser;
  let outDir: string;
  // Serves the build that beforeAll writes to outDir, as main.ts serves dist/app.
  const t = useTestServer({
    extend: ({ app }) =>
      app.get('*', async (c) => {
        const path = c.req.path.startsWith('/assets/') ? c.req.path : '/index.html';
        const body = await readFile(join(outDir, normalize(path)));
        return c.body(body, 200, { 'Content-Type': TYPES[extname(path)] ?? 'text/plain' });
      }),
  });

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'aside-app-'));
    await build({ configFile: config, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
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
  it.each([
    { scheme: 'light', width: 1280 },
    { scheme: 'dark', width: 1280 },
    { scheme: 'light', width: 400 },
    { scheme: 'dark', width: 400 },
  ] as const)(
    'R1, R9, R14: sign-in and workspace have no axe violations and fit the window ($scheme, $width px)',
    async ({ scheme, width }) => {
      const context = await browser.newContext({
        colorScheme: scheme,
        viewport: { width, height: 800 },
      });
      const page = await context.newPage();
      try {
        await page.goto(`${t.server.url}/`);
        await page.getByRole('button', { name: new RegExp(sam.name) }).waitFor();
        expect(await axeViolations(page)).toEqual([]);
        await page.getByRole('button', { name: new RegExp(sam.name) }).click();
        await page.getByText(`Signed in as ${sam.name}`).waitFor();
        await page.getByRole('button', { name: /Refund for order/ }).click();
        await page.getByRole('tab', { name: 'Internal note' }).click();
        await page.locator('.aside-composer__toolbar, [role="toolbar"]').first().waitFor();
        expect(await axeViolations(page)).toEqual([]);
        // Nothing is wider than the window: no sideways scrolling, nothing clipped.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        // Channels read as words, not ids.
        expect(await page.getByText('live-chat', { exact: true }).count()).toBe(0);
        await page.getByText('Live chat', { exact: true }).first().waitFor();
      } finally {
        await context.close();
      }
    },
    90_000,
  );
});
