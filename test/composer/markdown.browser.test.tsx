import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

it.each([
  ['**bold**', 'strong', 'bold'],
  ['*italic*', 'em', 'italic'],
  ['`code`', 'code', 'code'],
])(
  'Markdown: typing %s formats it; Ctrl+Z gives back the typed characters',
  async (typed, tag, word) => {
    const { editor } = await renderComposer();
    await userEvent.click(editor);
    // userEvent.keyboard reads `*` literally, but `{`/`[` are its own syntax: none are used here.
    await userEvent.keyboard(`Say ${typed}`);
    await expect.poll(() => editor.querySelector(tag)?.textContent).toBe(word);
    expect(editor.textContent).toBe(`Say ${word}`);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => editor.querySelector(tag)).toBeNull();
    expect(editor.textContent).toBe(`Say ${typed}`);
  },
);

it.each([
  ['- ', 'ul'],
  ['1. ', 'ol'],
])(
  'Markdown: typing "%s" at the start of a line starts a list; Ctrl+Z gives the text back',
  async (typed, tag) => {
    const { editor } = await renderComposer();
    await userEvent.click(editor);
    await userEvent.keyboard(`${typed}first`);
    await expect.poll(() => editor.querySelector(`${tag} > li`)?.textContent).toBe('first');
    // Undo the typing after the list started, then the list itself.
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => editor.querySelector(tag)?.textContent ?? null).toBe('');
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => editor.querySelector(tag)).toBeNull();
    expect(editor.textContent).toBe(typed);
  },
);

it('Markdown: Backspace right after a shortcut also turns it back into what was typed', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('**done**');
  await expect.poll(() => editor.querySelector('strong')?.textContent).toBe('done');
  await userEvent.keyboard('{Backspace}');
  await expect.poll(() => editor.querySelector('strong')).toBeNull();
  expect(editor.textContent).toBe('**done**');
});
