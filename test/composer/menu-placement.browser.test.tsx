import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

/** Where the typed `@query` is (Tiptap's suggestion decoration) and where the menu hangs. */
function placement() {
  const query = document.querySelector('.ProseMirror .suggestion')?.getBoundingClientRect();
  const menu = document.querySelector('.aside-mention-menu')?.getBoundingClientRect();
  if (!query || !menu) return null;
  return {
    queryTop: Math.round(query.top),
    below: menu.top >= query.bottom - 0.5,
    // Within a pixel: the menu's start edge is the query's.
    alignedLeft: Math.abs(menu.left - query.left) <= 1,
    alignedRight: Math.abs(menu.right - query.right) <= 1,
  };
}

const openNote = async (editor: HTMLElement) => {
  // Wide enough that the menu never has to shift away from the viewport's edge.
  await page.viewport(1200, 800);
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
};

it('R2: the menu hangs below the @ and stays at its start while the query grows', async () => {
  const { editor } = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  await openNote(editor);
  await userEvent.keyboard('Hello @J');
  await expect.element(page.getByRole('option').first()).toBeVisible();
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedLeft: true });
  await userEvent.keyboard('an');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedLeft: true });
});

it('R2: when the query wraps to the next line, the menu moves below it', async () => {
  const { editor, container } = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  container.style.inlineSize = '320px';
  await openNote(editor);
  await userEvent.keyboard('Please ask about the refund @j');
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedLeft: true });
  const firstLine = placement()!.queryTop;
  // One letter at a time until the word no longer fits on its line and moves to the next.
  for (let typed = 0; typed < 40 && placement()!.queryTop === firstLine; typed++)
    await userEvent.keyboard('x');
  expect(placement()!.queryTop).toBeGreaterThan(firstLine);
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedLeft: true });
});

it('R2: right to left, the menu hangs from the @’s right edge', async () => {
  const { editor, container } = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  container.dir = 'rtl';
  container.style.inlineSize = '480px';
  container.style.marginInlineStart = '320px';
  await openNote(editor);
  await userEvent.keyboard('שלום @J');
  await expect.element(page.getByRole('option').first()).toBeVisible();
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedRight: true });
  await userEvent.keyboard('an');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await expect.poll(() => placement()).toMatchObject({ below: true, alignedRight: true });
});
