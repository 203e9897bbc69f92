import { createMemoryBackend } from '@aside/core/memory';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { gate, gatedBackend } from './gated-backend';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

/** A real paste event with HTML on the clipboard, as a browser delivers it. */
const pasteHtml = (target: HTMLElement, html: string) => {
  const data = new DataTransfer();
  data.setData('text/html', html);
  data.setData('text/plain', target.textContent ?? '');
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
  );
};

it('R6: while sending, the editor is read-only and says so; on success it clears', async () => {
  const sending = gate();
  const backend = gatedBackend(createMemoryBackend(), { submitMessage: sending.opened });
  const { editor, store } = await renderComposer({ backend });
  await userEvent.click(editor);
  await userEvent.keyboard('Your refund is on its way');
  await page.getByRole('button', { name: 'Send reply' }).click();
  // The backend holds the reply until the test lets it go: no race with a latency.
  await expect.element(page.getByRole('button', { name: 'Sending…' })).toBeVisible();
  expect(editor.getAttribute('contenteditable')).toBe('false');
  await userEvent.keyboard('more');
  expect(editor.textContent).toBe('Your refund is on its way');
  sending.open();
  await expect.poll(() => editor.textContent).toBe('');
  expect(editor.getAttribute('contenteditable')).toBe('true');
  expect(backend.conversation('conv-refund')?.messages[0]?.text).toBe('Your refund is on its way');
  expect(store.getSnapshot().composers['conv-refund']?.drafts['public-reply'].text).toBe('');
  await expect.element(page.getByRole('status').filter({ hasText: 'Sent' })).toBeVisible();
});

it('R8: a failed submit keeps the draft and shows the error', async () => {
  const { editor, backend } = await renderComposer();
  backend.fail('submitMessage', 1);
  await userEvent.click(editor);
  await userEvent.keyboard('Keep me');
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('The message could not be sent. Your draft is safe; try again.');
  expect(editor.textContent).toBe('Keep me');
  expect(editor.getAttribute('contenteditable')).toBe('true');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => editor.textContent).toBe('');
  expect(document.querySelector('[role="alert"]')).toBeNull();
});

it('an empty message is not sent and says why', async () => {
  const { backend, editor } = await renderComposer();
  const send = page.getByRole('button', { name: 'Send reply' });
  await expect.element(send).toHaveAttribute('aria-disabled', 'true');
  await userEvent.click(editor);
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  await expect.element(page.getByRole('alert')).toHaveTextContent('Write a message first.');
  expect(backend.conversation('conv-refund')?.messages).toHaveLength(0);
});

it('R5: a pasted mention of a customer is refused on submit, with a visible reason', async () => {
  const { editor, backend } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  pasteHtml(
    editor,
    '<p>Ask <span data-type="mention" data-id="user-janet">@Janet Customer</span></p>',
  );
  await expect
    .poll(() => editor.querySelector('.aside-mention')?.textContent)
    .toBe('@Janet Customer');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect.element(page.getByRole('alert')).toHaveTextContent('Only agents can be mentioned');
  expect(backend.conversation('conv-refund')?.followerIds).not.toContain('user-janet');
});

it('R3: a mention span pasted into a public reply is plain text and adds no follower', async () => {
  const { editor, backend } = await renderComposer();
  await userEvent.click(editor);
  pasteHtml(editor, '<p>cc <span data-type="mention" data-id="agent-jane">@Jane Doe</span></p>');
  await expect.poll(() => editor.textContent).toBe('cc @Jane Doe');
  expect(editor.querySelector('.aside-mention')).toBeNull();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect.poll(() => backend.conversation('conv-refund')?.messages.length).toBe(1);
  expect(backend.conversation('conv-refund')?.followerIds).not.toContain(demoAgents.jane.id);
});

it('R3: switching a note with a mention to a public reply never carries the mention', async () => {
  const { editor, backend, store } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('@Jane');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await page.getByRole('tab', { name: 'Public reply' }).click();
  await expect.poll(() => editor.textContent).toBe('');
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect.poll(() => editor.querySelector('.aside-mention')?.textContent).toBe('@Jane Doe');
  expect(store.getSnapshot().composers['conv-refund']?.drafts['public-reply'].text).toBe('');
  expect(backend.conversation('conv-refund')?.followerIds).not.toContain(demoAgents.jane.id);
});

it('Backspace after a mention removes the whole name', async () => {
  const { editor } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('Hi @Jane');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('.aside-mention')).not.toBeNull();
  await userEvent.keyboard('{Backspace}{Backspace}');
  await expect.poll(() => editor.textContent).toBe('Hi ');
});
