import { createMemoryBackend } from '@aside/core/memory';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { gate, gatedBackend } from './gated-backend';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const mode = (store: Awaited<ReturnType<typeof renderComposer>>['store']) =>
  store.getSnapshot().composers['conv-refund']?.mode;

it('R1, R2, R6: the whole flow works with the keyboard only', async () => {
  const sending = gate();
  const backend = gatedBackend(createMemoryBackend(), { submitMessage: sending.opened });
  const { editor, store } = await renderComposer({ backend });
  const before = document.createElement('button');
  before.textContent = 'before';
  document.body.prepend(before);
  before.focus();
  await userEvent.keyboard('{Tab}');
  const publicTab = page.getByRole('tab', { name: 'Public reply' });
  await expect.element(publicTab).toHaveFocus();
  await userEvent.keyboard('{ArrowRight}');
  await expect.element(page.getByRole('tab', { name: 'Internal note' })).toHaveFocus();
  expect(mode(store)).toBe('internal-note');
  await expect.element(page.getByText('Internal note — only agents can see this')).toBeVisible();
  await userEvent.keyboard('{Tab}');
  expect(document.activeElement).toBe(editor);
  await userEvent.keyboard('Loop in @Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Tab}');
  await expect.poll(() => editor.querySelector('.aside-mention')?.textContent).toBe('@Jane Doe');
  // Mode shortcuts from inside the editor.
  await userEvent.keyboard('{Control>}{Alt>}1{/Alt}{/Control}');
  await expect.poll(() => mode(store)).toBe('public-reply');
  await userEvent.keyboard('{Control>}{Alt>}2{/Alt}{/Control}');
  await expect.poll(() => mode(store)).toBe('internal-note');
  expect(document.activeElement).toBe(editor);
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  // The backend holds the note until the test has seen the editor locked.
  await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false');
  sending.open();
  await expect
    .poll(() => backend.conversation('conv-refund')?.followerIds)
    .toContain(demoAgents.jane.id);
  // Focus comes back to the emptied editor, ready for the next message.
  await expect.poll(() => editor.textContent).toBe('');
  await expect.poll(() => document.activeElement).toBe(editor);
  before.remove();
});

it('R1: the mode switch shows its shortcut and exposes it to assistive technology', async () => {
  await renderComposer();
  const note = page.getByRole('tab', { name: 'Internal note' });
  await expect.element(note).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+2 Meta+Alt+2');
  await expect.element(note).toHaveAttribute('title', expect.stringMatching(/Alt\+2|⌥2/));
  await expect
    .element(page.getByRole('tab', { name: 'Public reply' }))
    .toHaveAttribute('aria-selected', 'true');
});

it('R1: an internal note is marked by a label and an icon, not colour alone', async () => {
  const { container } = await renderComposer();
  const root = container.querySelector<HTMLElement>('.aside-composer')!;
  const publicBackground = getComputedStyle(root).backgroundColor;
  expect(container.querySelector('.aside-composer__banner')).toBeNull();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  const banner = page.getByText('Internal note — only agents can see this');
  await expect.element(banner).toBeVisible();
  expect(container.querySelector('.aside-composer__banner svg')).not.toBeNull();
  expect(getComputedStyle(root).backgroundColor).not.toBe(publicBackground);
  await expect.element(page.getByRole('textbox', { name: 'Internal note' })).toBeVisible();
});

it('RTL: the internal-note marker sits on the inline start (the right in RTL)', async () => {
  const { container } = await renderComposer();
  container.setAttribute('dir', 'rtl');
  await page.getByRole('tab', { name: 'Internal note' }).click();
  const root = container.querySelector<HTMLElement>('.aside-composer')!;
  await expect.poll(() => getComputedStyle(root).borderRightWidth).toBe('4px');
  expect(getComputedStyle(root).borderLeftWidth).toBe('1px');
});
