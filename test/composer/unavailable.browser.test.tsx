import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const cases = [
  {
    rule: 'live chat',
    setup: { props: { conversationId: 'conv-live' } },
    reason: 'Live chat conversations don’t support @mentions',
  },
  {
    rule: 'a light agent',
    setup: { agentId: demoAgents.lee.id },
    reason: 'Your role can’t add followers',
  },
  {
    rule: 'collaboration turned off',
    setup: { settings: { collaborationEnabled: false } },
    reason: 'Collaboration is turned off by an admin',
  },
] as const;

it.each(cases)(
  'R4: @ in an internal note shows the reason instead of a menu ($rule)',
  async ({ setup, reason }) => {
    const { editor, container } = await renderComposer(setup);
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await userEvent.click(editor);
    await userEvent.keyboard('@Jan');
    await expect.element(page.getByText(reason).first()).toBeVisible();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(editor.getAttribute('aria-expanded')).toBeNull();
    // Also announced to screen readers.
    expect(container.querySelector('.aside-visually-hidden')?.textContent).toBe(reason);
    await userEvent.keyboard('{Enter}');
    expect(editor.querySelector('.aside-mention')).toBeNull();
  },
);

it.each(cases)(
  'R4: the reason shows as soon as Internal note is chosen, and the placeholder does not invite @ ($rule)',
  async ({ setup, reason }) => {
    const { editor } = await renderComposer(setup);
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await expect.element(page.getByText(reason)).toBeVisible();
    await expect
      .poll(() => editor.querySelector('[data-placeholder]')?.getAttribute('data-placeholder'))
      .toBe('Write a note only agents can see…');
    // The editor's description carries the reason, so a screen reader hears it on focus.
    const described = (editor.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(described).toContain(reason);
  },
);

it('R4: with mentions available, the internal-note placeholder invites @ and no reason shows', async () => {
  const { editor, container } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect
    .poll(() => editor.querySelector('[data-placeholder]')?.getAttribute('data-placeholder'))
    .toContain('Type @ to mention a colleague');
  expect(container.querySelector('.aside-composer__notice')).toBeNull();
});

it('R4: a view-only agent is told why before typing; the composer takes no input and cannot submit', async () => {
  const { editor, backend, store } = await renderComposer({
    props: { conversationId: 'conv-readonly' },
  });
  const notice = 'You can view this conversation but not reply to it or add notes.';
  await expect.element(page.getByText(notice)).toBeVisible();
  await expect.poll(() => editor.getAttribute('contenteditable')).toBe('false');
  expect(editor.getAttribute('aria-readonly')).toBe('true');
  await userEvent.click(editor);
  await userEvent.keyboard('On it');
  expect(editor.textContent).toBe('');
  await expect
    .element(page.getByRole('button', { name: 'Send reply' }))
    .toHaveAttribute('aria-disabled', 'true');
  // Still true in Internal note, where the same reason is given rather than a mention reason.
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect.element(page.getByText(notice)).toBeVisible();
  expect(page.getByText('You need edit permission to @mention').elements()).toHaveLength(0);
  // aria-disabled keeps the button findable; a click on it must still send nothing.
  (page.getByRole('button', { name: 'Add note' }).element() as HTMLButtonElement).click();
  // A submit would have run synchronously up to its first check and left an error or a send.
  expect(store.getSnapshot().composers['conv-readonly']?.error ?? null).toBeNull();
  expect(store.getSnapshot().composers['conv-readonly']?.submitting).toBe(false);
  expect(backend.conversation('conv-readonly')?.messages).toHaveLength(0);
});
