import { demoAgents } from '@aside/core/memory';
import type { Browser, Page } from 'playwright';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium } from './chromium';
import { useTestServer } from './helpers';

const { sam, jane } = demoAgents;
const config = new URL('../../examples/workspace/vite.config.ts', import.meta.url).pathname;

/**
 * The reference workspace in real Chromium, two browser contexts as two agents, against the
 * real server and database (the end-to-end flow).
 */
describe('reference workspace end to end (two agents in Chromium)', () => {
  const t = useTestServer();
  let vite: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    vite = await createViteServer({
      configFile: config,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', proxy: { '/api': t.server.url } },
    });
    await vite.listen();
    url = vite.resolvedUrls!.local[0]!;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });

  const signInAs = async (name: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.getByRole('button', { name: new RegExp(name) }).click();
    await page.getByText(`Signed in as ${name}`).waitFor();
    return page;
  };

  it('R6, R12, R13, R10: mention → toast → Reply → public reply → update toast → remove → silence', async () => {
    const a = await signInAs(sam.name);
    const b = await signInAs(jane.name);

    // A mentions B in an internal note.
    await a.getByRole('button', { name: /Printer will not connect/ }).click();
    await a.getByText('Internal note', { exact: true }).click();
    await a.locator('[contenteditable="true"]').click();
    await a.keyboard.type('Can you help @Jane');
    await a.getByRole('option', { name: /Jane Doe/ }).waitFor();
    await a.keyboard.press('Enter');
    await a.keyboard.type(' thanks');
    await a.getByRole('button', { name: 'Add note' }).click();

    // B sees the mention toast: it comes through HTTP, the database, NOTIFY and SSE, so the
    // test waits for it to arrive rather than holding it to a time.
    await b.getByText(`${sam.name} mentioned you in Printer will not connect`).first().waitFor();

    // Reply opens the conversation with B's composer focused, in Internal note.
    await b.getByRole('button', { name: 'Reply', exact: true }).first().click();
    await b.getByRole('heading', { name: 'Printer will not connect', level: 1 }).waitFor();
    await b.waitForFunction(
      () => document.activeElement?.getAttribute('contenteditable') === 'true',
    );
    // R12: the answer to a colleague's note starts as an internal note, never to the customer.
    await b.getByRole('tab', { name: 'Internal note', selected: true }).waitFor();

    // A is not the assignee of this ticket: A follows it (R6 self-invite) to hear of replies.
    await a.getByRole('button', { name: 'Add follower' }).click();
    await a.getByRole('combobox', { name: /Search agents/ }).fill('Sam');
    await a.getByRole('option', { name: /Sam Rivera/ }).click();
    await a.getByRole('button', { name: `Remove ${sam.name}` }).waitFor();

    await b.getByText('Public reply', { exact: true }).click();
    await b.locator('[contenteditable="true"]').click();
    await b.keyboard.type('On it, printing a test page now');
    await b.getByRole('button', { name: 'Send reply' }).click();
    // B moves on to another conversation: from now on B could only hear of this one by updates.
    await b.getByRole('button', { name: /Where is my parcel/ }).click();

    // A gets an update toast with See conversation.
    await a.getByRole('button', { name: 'See conversation' }).first().waitFor({ timeout: 5_000 });

    // A removes B with X; B then stops getting updates of this conversation.
    await a.getByRole('button', { name: `Remove ${jane.name}` }).click();
    await a.getByRole('button', { name: `Remove ${jane.name}` }).waitFor({ state: 'detached' });
    await a.getByText('Internal note', { exact: true }).click();
    await a.locator('[contenteditable="true"]').click();
    await a.keyboard.type('Quiet note after the removal');
    await a.getByRole('button', { name: 'Add note' }).click();
    await a.getByText('Quiet note after the removal').first().waitFor();
    // Then a mention elsewhere: events arrive in order, so once it is in, the note would be too.
    await a.getByRole('button', { name: /Refund for order/ }).click();
    await a.getByText('Internal note', { exact: true }).click();
    await a.locator('[contenteditable="true"]').click();
    await a.keyboard.type('Jane, this one too @Jane');
    await a.getByRole('option', { name: /Jane Doe/ }).waitFor();
    await a.keyboard.press('Enter');
    await a.getByRole('button', { name: 'Add note' }).click();
    await b.getByText(`${sam.name} mentioned you in Refund for order #4821`).first().waitFor();
    if ((await b.getByText('Quiet note after the removal').count()) > 0) {
      throw new Error('B was told about a note after being removed');
    }
  }, 90_000);
});
