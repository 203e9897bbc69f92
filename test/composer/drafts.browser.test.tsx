import { draftKey } from '@aside/core';
import { createMemoryBackend, type MemoryBackend } from '@aside/core/memory';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { gate, gatedBackend } from './gated-backend';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const tab = (name: string) => page.getByRole('tab', { name });
const saved = (backend: MemoryBackend, mode: 'public-reply' | 'internal-note') =>
  backend
    .adaptersFor(demoAgents.sam.id)
    .drafts.load(draftKey(demoAgents.sam.id, 'conv-refund', mode));

it('R8: each mode keeps its own draft; switching never moves text', async () => {
  const { editor, store } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Hello customer');
  await tab('Internal note').click();
  await expect.poll(() => editor.textContent).toBe('');
  await userEvent.click(editor);
  await userEvent.keyboard('Secret note');
  await tab('Public reply').click();
  await expect.poll(() => editor.textContent).toBe('Hello customer');
  // Undo in the public reply never brings back the note's text.
  await userEvent.click(editor);
  await userEvent.keyboard('{Control>}z{/Control}');
  expect(editor.textContent).not.toContain('Secret');
  await tab('Internal note').click();
  await expect.poll(() => editor.textContent).toBe('Secret note');
  const drafts = store.getSnapshot().composers['conv-refund']?.drafts;
  expect(drafts?.['public-reply'].text).not.toContain('Secret');
  expect(drafts?.['internal-note'].text).toBe('Secret note');
});

it('R8: drafts reach the DraftStore after a short pause and survive a reload', async () => {
  const backend = createMemoryBackend();
  const first = await renderComposer({ backend });
  await userEvent.click(first.editor);
  await userEvent.keyboard('Half-written reply');
  // Saved after the idle delay, while the agent is still in the editor.
  await expect
    .poll(async () => (await saved(backend, 'public-reply'))?.text)
    .toBe('Half-written reply');
  first.unmount();
  // A new store over the same backend is a page reload: the draft comes from the DraftStore.
  const second = await renderComposer({ backend });
  await expect.poll(() => second.editor.textContent).toBe('Half-written reply');
});

it('R8: a draft survives a remount and is saved on blur without waiting', async () => {
  const rendered = await renderComposer();
  await userEvent.click(rendered.editor);
  await userEvent.keyboard('Typed then left');
  await tab('Public reply').click();
  expect(rendered.store.getSnapshot().composers['conv-refund']?.drafts['public-reply'].text).toBe(
    'Typed then left',
  );
  const editor = await rendered.remount();
  await expect.poll(() => editor.textContent).toBe('Typed then left');
});

it('R18: a draft loading slowly never overwrites what the agent already typed', async () => {
  const backend = createMemoryBackend();
  const first = await renderComposer({ backend });
  await userEvent.click(first.editor);
  await userEvent.keyboard('Old saved draft');
  await tab('Internal note').click();
  await userEvent.click(first.editor);
  await userEvent.keyboard('Saved note');
  await tab('Public reply').click();
  await expect.poll(async () => (await saved(backend, 'internal-note'))?.text).toBe('Saved note');
  expect((await saved(backend, 'public-reply'))?.text).toBe('Old saved draft');
  first.unmount();
  // The stored drafts are held back until the agent has typed.
  const loading = gate();
  const second = await renderComposer({
    backend: gatedBackend(backend, { draftsLoad: loading.opened }),
  });
  await userEvent.click(second.editor);
  await userEvent.keyboard('New words');
  loading.open();
  // Drafts load one mode after the other, the reply first: once the note's has arrived, the
  // reply's stored copy has come back too, and was set aside.
  await expect
    .poll(() => second.store.getSnapshot().composers['conv-refund']?.drafts['internal-note'].text)
    .toBe('Saved note');
  expect(second.editor.textContent).toBe('New words');
  // The typing reaches the store and the DraftStore; the stale copy never comes back.
  await expect
    .poll(() => second.store.getSnapshot().composers['conv-refund']?.drafts['public-reply'].text)
    .toBe('New words');
  await expect.poll(async () => (await saved(backend, 'public-reply'))?.text).toBe('New words');
  expect(second.editor.textContent).toBe('New words');
});
