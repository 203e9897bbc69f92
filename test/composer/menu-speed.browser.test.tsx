import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

interface Frame {
  readonly key: string;
  readonly status: string | null;
  readonly names: readonly string[];
}

/** What the first frame after each letter's key event painted in the mention menu. */
function recordFirstFrames() {
  const frames: Frame[] = [];
  const onKey = (event: KeyboardEvent) => {
    if (!/^[a-z]$/i.test(event.key)) return;
    requestAnimationFrame(() => {
      const menu = document.querySelector('.aside-mention-menu');
      frames.push({
        key: event.key,
        status: menu?.getAttribute('data-status') ?? null,
        names: [...(menu?.querySelectorAll('[role="option"] .aside-mention-menu__name') ?? [])].map(
          (name) => name.textContent ?? '',
        ),
      });
    });
  };
  document.addEventListener('keydown', onKey, { capture: true });
  return { frames, stop: () => document.removeEventListener('keydown', onKey, { capture: true }) };
}

const openNote = async (editor: HTMLElement) => {
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
};

it('R2: a directory that answers at once paints each letter’s results in that key’s first frame', async () => {
  const { editor } = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  await openNote(editor);
  const record = recordFirstFrames();
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await expect.poll(() => record.frames.length).toBe(3);
  record.stop();
  for (const [index, prefix] of ['j', 'ja', 'jan'].entries()) {
    const frame = record.frames[index]!;
    // The answer for this prefix, not a loading state or the list for the previous one.
    expect(frame.status).toBe('ready');
    expect(frame.names.length).toBeGreaterThan(0);
    expect(frame.names.every((name) => ` ${name.toLowerCase()}`.includes(` ${prefix}`))).toBe(true);
  }
  expect(record.frames[2]!.names).toContain('Jane Doe');
});

it('R18: a directory that answers later shows the loading state in the key’s first frame', async () => {
  const { editor, backend } = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  backend.setLatency('search', 400);
  await openNote(editor);
  const record = recordFirstFrames();
  await userEvent.keyboard('@J');
  await expect.poll(() => record.frames.length).toBe(1);
  record.stop();
  expect(record.frames[0]!.status).toBe('loading');
  await expect
    .poll(() => document.querySelector('.aside-mention-menu')?.getAttribute('data-status'))
    .toBe('ready');
  await expect.element(page.getByRole('option').first()).toBeVisible();
});
