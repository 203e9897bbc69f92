import { draftKey } from '@aside/core';
import { createMemoryBackend, type MemoryBackend } from '@aside/core/memory';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { MENTION_SEARCH_DEBOUNCE_MS } from '../../packages/composer/src/suggestions/controller';
import { DRAFT_SAVE_DELAY_MS } from '../../packages/composer/src/use-composer-editor';
import { gatedBackend } from './gated-backend';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const menu = () => document.querySelector<HTMLElement>('.aside-mention-menu');
const options = () => [...document.querySelectorAll<HTMLElement>('[role="option"]')];
const savedReply = (backend: MemoryBackend) =>
  backend
    .adaptersFor(demoAgents.sam.id)
    .drafts.load(draftKey(demoAgents.sam.id, 'conv-refund', 'public-reply'));
const names = () =>
  options().map((option) => option.querySelector('.aside-mention-menu__name')?.textContent);

it('R2: typing @Jan in an internal note lists Jane Doe; arrow + Enter inserts her', async () => {
  const { editor, store } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect.poll(() => store.getSnapshot().composers['conv-refund']?.mode).toBe('internal-note');
  await userEvent.click(editor);
  await userEvent.keyboard('@Jan');
  await expect.poll(names).toContain('Jane Doe');
  expect(editor.getAttribute('role')).toBe('combobox');
  expect(editor.getAttribute('aria-expanded')).toBe('true');
  const janeIndex = names().indexOf('Jane Doe');
  for (let i = 0; i < janeIndex; i++) await userEvent.keyboard('{ArrowDown}');
  expect(editor.getAttribute('aria-activedescendant')).toBe(options()[janeIndex]?.id);
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('.aside-mention')?.textContent).toBe('@Jane Doe');
  expect(menu()).toBeNull();
  expect(editor.getAttribute('role')).toBe('textbox');
  await expect.element(page.getByText('Jane Doe will be added as a follower')).toBeVisible();
});

it('R6: submitting a note that mentions Jane makes her a follower', async () => {
  const { editor, store, backend } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('Please look @Jane');
  await expect.poll(() => options()[0]?.textContent).toContain('Jane Doe');
  await userEvent.keyboard('{Enter}');
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  await expect
    .poll(() => backend.conversation('conv-refund')?.followerIds)
    .toContain(demoAgents.jane.id);
  await expect.poll(() => editor.textContent).toBe('');
  // The cleared note no longer announces anyone, and Submit is back to its empty state.
  expect(document.body.textContent).not.toContain('will be added as a follower');
  await expect
    .element(page.getByRole('button', { name: 'Add note' }))
    .toHaveAttribute('aria-disabled', 'true');
  expect(store.getSnapshot().conversations['conv-refund']?.conversation?.followerIds).toContain(
    demoAgents.jane.id,
  );
});

it('R3: the same keystrokes in a public reply are plain text, with no menu', async () => {
  const backend = gatedBackend(createMemoryBackend());
  const { editor } = await renderComposer({ backend });
  await userEvent.click(editor);
  await userEvent.keyboard('Thanks @Jan');
  // The draft is saved DRAFT_SAVE_DELAY_MS after the last key, later than the menu's search
  // debounce: once it is saved, a menu would have asked the directory and opened.
  expect(DRAFT_SAVE_DELAY_MS).toBeGreaterThan(MENTION_SEARCH_DEBOUNCE_MS);
  await expect.poll(async () => (await savedReply(backend))?.text).toBe('Thanks @Jan');
  expect(backend.searches).toBe(0);
  expect(menu()).toBeNull();
  expect(editor.getAttribute('role')).toBe('textbox');
  await userEvent.keyboard('{Enter}');
  expect(editor.querySelector('.aside-mention')).toBeNull();
  expect(editor.textContent).toContain('Thanks @Jan');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => backend.conversation('conv-refund')?.messages.length).toBe(1);
  expect(backend.conversation('conv-refund')?.messages[0]?.mentionIds).toEqual([]);
  expect(backend.conversation('conv-refund')?.followerIds).not.toContain(demoAgents.jane.id); // The search counter works: the same keystrokes in a note do ask the directory.
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('@Jan');
  await expect.poll(names).toContain('Jane Doe');
  expect(backend.searches).toBeGreaterThan(0);
});
