import { type Agent, foldName } from '@aside/core';
import axe from 'axe-core';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, type RenderedComposer, renderComposer } from './render-composer';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-aside-theme');
});

/** How many agents a query matches, by a plain scan of the directory. */
const matching = (agents: readonly Agent[], query: string) =>
  agents.filter((agent) => {
    const name = foldName(agent.name);
    return name.startsWith(query) || name.includes(` ${query}`);
  }).length;
const liveTexts = () =>
  [...document.querySelectorAll('[role="status"]')].map((region) => region.textContent ?? '');
const moreLine = () => document.querySelector('.aside-mention-menu__more');

/** Keyboard only: the editor has focus, Ctrl+Alt+2 switches to Internal note. */
const openNote = async (options: Parameters<typeof renderComposer>[0] = {}) => {
  const rendered = await renderComposer({
    ...options,
    props: { mentionSearchDebounceMs: 0, autoFocus: true },
  });
  await expect.poll(() => document.activeElement).toBe(rendered.editor);
  await userEvent.keyboard('{Control>}{Alt>}2{/Alt}{/Control}');
  await expect
    .poll(() => rendered.store.getSnapshot().composers['conv-refund']?.mode)
    .toBe('internal-note');
  return rendered;
};

const typeJam = async ({ backend }: RenderedComposer) => {
  const total = matching(backend.agents, 'jam');
  expect(total).toBeGreaterThan(8); // the default directory holds more "Jam…" than the menu shows
  await userEvent.keyboard('@Jam');
  await expect.poll(() => page.getByRole('option').elements().length).toBe(8);
  return total;
};

it('R2: more matches than the menu shows → "N more — keep typing", announced once with the count; typing more narrows it away', async () => {
  const rendered = await openNote();
  const total = await typeJam(rendered);
  const line = page.getByText(`${total - 8} more — keep typing`);
  await expect.element(line).toBeVisible();
  // The line sits below the options, not among them: the arrows never land on it.
  expect(moreLine()?.closest('[role="listbox"]')).toBeNull();
  expect(moreLine()?.closest('.aside-mention-menu')).not.toBeNull();
  await expect
    .poll(liveTexts)
    .toContain(
      `8 of ${total} agents shown; keep typing to narrow them down. Use the up and down arrows to choose.`,
    );
  // One announcement: no other live region repeats the line.
  expect(liveTexts().filter((text) => text.includes('more — keep typing'))).toEqual([]);

  const narrower = matching(rendered.backend.agents, 'jamie');
  expect(narrower).toBeGreaterThan(0);
  expect(narrower).toBeLessThanOrEqual(8);
  await userEvent.keyboard('ie');
  await expect.poll(() => page.getByRole('option').elements().length).toBe(narrower);
  await expect.poll(moreLine).toBeNull();
  await expect
    .poll(liveTexts)
    .toContain(
      `${narrower} ${narrower === 1 ? 'agent' : 'agents'} found. Use the up and down arrows to choose.`,
    );
  // Choosing still works by keyboard with the line gone.
  await expect.element(page.getByRole('option', { name: /Jamie Okafor/ })).toBeVisible();
});

it('R2: the line reads through the labels: a host can say it in its own words', async () => {
  const rendered = await renderComposer({
    props: {
      mentionSearchDebounceMs: 0,
      autoFocus: true,
      labels: { mentionsMore: (more) => `encore ${more} — continuez à taper` },
    },
  });
  await expect.poll(() => document.activeElement).toBe(rendered.editor);
  await userEvent.keyboard('{Control>}{Alt>}2{/Alt}{/Control}');
  const total = await typeJam(rendered);
  await expect.element(page.getByText(`encore ${total - 8} — continuez à taper`)).toBeVisible();
});

const violations = async () => {
  const result = await axe.run(document.body, {
    runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false } },
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((n) => n.html).join(' | ')}`,
  );
};

it.each([
  ['light', false, false],
  ['dark', true, false],
  ['right-to-left', false, true],
])('axe finds no violations with the "N more" line: %s', async (_name, dark, rtl) => {
  if (dark) document.documentElement.setAttribute('data-aside-theme', 'dark');
  const rendered = await openNote(
    rtl ? { wrap: (composer) => <div dir="rtl">{composer}</div> } : {},
  );
  const total = await typeJam(rendered);
  await expect.element(page.getByText(`${total - 8} more — keep typing`)).toBeVisible();
  if (rtl) expect(moreLine()?.closest('.aside-mention-menu')?.getAttribute('dir')).toBe('rtl');
  expect(await violations()).toEqual([]);
});
