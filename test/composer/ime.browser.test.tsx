import { afterEach, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

/** Drive Chromium's real IME pipeline over the DevTools protocol, as a Japanese IME would. */
const ime = () => {
  const session = cdp();
  return {
    compose: (text: string) =>
      session.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      }),
    commit: (text: string) => session.send('Input.insertText', { text }),
    /** Enter pressed while the composition is open (what confirms a candidate in an IME). */
    enter: async (modifiers = 0) => {
      const key = { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, modifiers };
      await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
      await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    },
  };
};

it('IME: Enter and Mod+Enter during a composition never submit', async () => {
  const { editor, backend } = await renderComposer();
  const keys: { key: string; isComposing: boolean }[] = [];
  editor.addEventListener('keydown', (event) =>
    keys.push({ key: event.key, isComposing: event.isComposing }),
  );
  await userEvent.click(editor);
  const input = ime();
  await input.compose('へんきん');
  await expect.poll(() => editor.textContent).toBe('へんきん');
  await input.enter(2 /* Ctrl */);
  await input.enter();
  await input.commit('返金');
  await expect.poll(() => editor.textContent).toContain('返金');
  expect(keys.some((key) => key.key === 'Enter' && key.isComposing)).toBe(true);
  // After the composition ends, Mod+Enter submits as usual.
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  await expect.poll(() => backend.conversation('conv-refund')?.messages.length).toBeGreaterThan(0);
  // Sends reach the backend in order, so had an Enter during the composition sent anything,
  // it would be here before this one: there is exactly one message, the committed text.
  const messages = backend.conversation('conv-refund')?.messages ?? [];
  expect(messages).toHaveLength(1);
  expect(messages[0]?.text).toContain('返金');
});

it('IME: Enter during a composition in an @query never picks a suggestion', async () => {
  const { editor } = await renderComposer();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  let composingEnter = false;
  editor.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.isComposing) composingEnter = true;
  });
  const input = ime();
  await input.compose('e');
  await input.enter();
  await input.commit('e');
  await expect.poll(() => editor.textContent).toBe('@Jane');
  expect(composingEnter).toBe(true);
  expect(editor.querySelector('.aside-mention')).toBeNull();
  // The menu is still there for the agent to choose from with a plain Enter.
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
});
