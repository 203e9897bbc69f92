import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, demoAgents, type RenderedComposer, renderComposer } from './render-composer';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-aside-theme');
});

/** The composer and its portalled menu, checked with axe's WCAG rules. */
const violations = async () => {
  const result = await axe.run(document.body, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`,
  );
};

const note = async ({ editor }: RenderedComposer, keys: string) => {
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard(keys);
};

const states: [string, () => Promise<void>][] = [
  ['public reply', async () => void (await renderComposer())],
  ['internal note', async () => note(await renderComposer(), 'Hello')],
  [
    'menu open',
    async () => {
      await note(await renderComposer(), '@Jan');
      await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
    },
  ],
  [
    'menu loading',
    async () => {
      const rendered = await renderComposer();
      rendered.backend.setLatency('search', 5_000);
      await note(rendered, '@Jan');
      await expect.element(page.getByText('Searching agents…').first()).toBeVisible();
    },
  ],
  [
    'menu empty',
    async () => {
      await note(await renderComposer(), '@Zzzq');
      await expect.element(page.getByText('No agent matches “Zzzq”').first()).toBeVisible();
    },
  ],
  [
    'menu error',
    async () => {
      const rendered = await renderComposer();
      rendered.backend.fail('search');
      await note(rendered, '@Jan');
      await expect.element(page.getByRole('button', { name: 'Retry' })).toBeVisible();
    },
  ],
  [
    'mentions unavailable',
    async () => {
      await note(await renderComposer({ agentId: demoAgents.lee.id }), '@Jan');
      await expect.element(page.getByText('Your role can’t add followers').first()).toBeVisible();
    },
  ],
  [
    'mention plan',
    async () => {
      await note(await renderComposer(), '@Nora');
      await expect.element(page.getByRole('option', { name: /Nora Blake/ })).toBeVisible();
      await userEvent.keyboard('{Enter}');
      await expect.element(page.getByText('Nora Blake can’t view this conversation')).toBeVisible();
    },
  ],
  [
    'submitting',
    async () => {
      const rendered = await renderComposer();
      rendered.backend.setLatency('submitMessage', 5_000);
      await note(rendered, 'Sending this');
      await userEvent.keyboard('{Control>}{Enter}{/Control}');
      await expect.element(page.getByRole('button', { name: 'Sending…' })).toBeVisible();
    },
  ],
  [
    'failed',
    async () => {
      const rendered = await renderComposer();
      rendered.backend.fail('submitMessage');
      await note(rendered, 'Will fail');
      await userEvent.keyboard('{Control>}{Enter}{/Control}');
      await expect.element(page.getByRole('alert')).toBeVisible();
    },
  ],
  [
    'dark internal note with menu',
    async () => {
      document.documentElement.setAttribute('data-aside-theme', 'dark');
      await note(await renderComposer(), '@Jan');
      await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
    },
  ],
];

it.each(states)('axe finds no violations: %s', async (_name, arrange) => {
  await arrange();
  expect(await violations()).toEqual([]);
});
