// The seed flow in a consumer app's production build, in Chromium: switch to Internal note,
// type "@Jan", choose Jane Doe, submit, and Jane's chip appears in the Followers list. Fails on
// any console error, page error or hydration warning; measures the JavaScript the page loads.
import { gzipSync } from 'node:zlib';

const isProblem = (type, text) => type === 'error' || /hydrat/i.test(text);

/** Plays the flow at `url` in a fresh page of `browser`; returns the loaded JS, gzipped. */
export async function playSeedFlow(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const scripts = new Map();
  page.on('console', (message) => {
    if (isProblem(message.type(), message.text())) {
      problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.ok() && type.includes('javascript')) {
      scripts.set(
        response.url(),
        response.body().then((body) => gzipSync(body).length),
      );
    }
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    const followers = page.getByRole('region', { name: 'Followers' });
    await followers.getByText('Ada Lindqvist').waitFor();
    if ((await followers.getByText('Jane Doe').count()) !== 0) {
      throw new Error('Jane Doe already follows the conversation before the flow');
    }
    await page.getByRole('tab', { name: 'Internal note' }).click();
    const editor = page.getByRole('tabpanel').getByRole('textbox');
    await editor.click();
    await page.keyboard.type('Can you check this refund? @Jan');
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    await page.getByText('Jane Doe will be added as a follower').waitFor();
    await page.keyboard.press('Control+Enter');
    await followers.getByText('Jane Doe').waitFor();
    if (problems.length) throw new Error(`${url}:\n  ${problems.join('\n  ')}`);
    const sizes = await Promise.all(scripts.values());
    return { jsGzipBytes: sizes.reduce((sum, bytes) => sum + bytes, 0), scripts: sizes.length };
  } finally {
    await page.close();
  }
}
