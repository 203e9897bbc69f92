import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

const openNote = async (editor: HTMLElement) => {
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
};

it('R18: a slow directory shows a loading state, then the results', async () => {
  const { editor, backend } = await renderComposer();
  backend.setLatency('search', 600);
  await openNote(editor);
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByText('Searching agents…').first()).toBeVisible();
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
});

it('R18: a failing directory shows an error with Retry that recovers', async () => {
  const { editor, backend } = await renderComposer();
  backend.fail('search');
  await openNote(editor);
  await userEvent.keyboard('@Jan');
  await expect
    .element(page.getByText('Could not search the agent directory.').first())
    .toBeVisible();
  backend.recover('search');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  // The editor kept focus and the query: choosing still works.
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('.aside-mention')?.textContent).toBe('@Jane Doe');
});

it('R18: Retry by keyboard: Enter in the error state asks the directory again', async () => {
  const { editor, backend } = await renderComposer();
  // Every search fails until the directory is back: which keystroke's search runs first
  // (`@`, `@J`, … or only `@Jan` after the debounce) must not decide what the agent sees.
  backend.fail('search');
  await openNote(editor);
  await userEvent.keyboard('@Jan');
  await expect
    .element(page.getByText('Could not search the agent directory.').first())
    .toBeVisible();
  backend.recover('search');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
});

it('R2: no match shows an empty state', async () => {
  const { editor } = await renderComposer();
  await openNote(editor);
  await userEvent.keyboard('@Zzzq');
  await expect.element(page.getByText('No agent matches “Zzzq”').first()).toBeVisible();
});

it('R7: an agent who cannot view the conversation is flagged in the menu and before submit', async () => {
  const { editor } = await renderComposer();
  await openNote(editor);
  await userEvent.keyboard('@Nora');
  const nora = page.getByRole('option', { name: /Nora Blake/ });
  await expect.element(nora).toHaveTextContent('Can’t view this conversation');
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Nora Blake can’t view this conversation')).toBeVisible();
  await expect.element(page.getByText('Nora Blake will be added as a follower')).toBeVisible();
});

it('R2: hover highlights an option and a click inserts it', async () => {
  const { editor } = await renderComposer();
  await openNote(editor);
  await userEvent.keyboard('@a');
  const ada = page.getByRole('option', { name: /Ada Lindqvist/ });
  await expect.element(ada).toHaveTextContent('Follower');
  await userEvent.hover(ada);
  await expect.element(ada).toHaveAttribute('aria-selected', 'true');
  await ada.click();
  await expect
    .poll(() => editor.querySelector('.aside-mention')?.textContent)
    .toBe('@Ada Lindqvist');
  expect(document.activeElement).toBe(editor);
});

it('Escape closes the menu and leaves the typed text', async () => {
  const { editor } = await renderComposer();
  await openNote(editor);
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Escape}');
  expect(document.querySelector('[role="listbox"]')).toBeNull();
  expect(editor.getAttribute('role')).toBe('textbox');
  expect(editor.textContent).toBe('@Jan');
});

it('leaving the editor closes the menu', async () => {
  const { editor } = await renderComposer();
  await openNote(editor);
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect.poll(() => document.querySelector('[role="listbox"]')).toBeNull();
  expect(editor.getAttribute('aria-expanded')).toBeNull();
});
