import { memo, Profiler } from 'react';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import {
  type ComposerToolbarProps,
  FormattingToolbar,
  toggleFormat,
  useFormattingState,
} from '../../packages/composer/src';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

const HOUR = 3_600_000;
const toolbar = () => page.getByRole('toolbar', { name: 'Formatting' });
const button = (name: string) => toolbar().getByRole('button', { name, exact: true });

/** Focus the editor the way a keyboard user gets there: Tab from the control before the composer. */
async function tabIntoEditor(editor: HTMLElement) {
  const before = document.createElement('button');
  before.textContent = 'before';
  document.body.prepend(before);
  before.focus();
  await userEvent.keyboard('{Tab}{Tab}');
  expect(document.activeElement).toBe(editor);
  before.remove();
}

it('Formatting: bold, italic and inline code by mouse format the selection and show aria-pressed', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Refund approved');
  for (const [name, tag] of [
    ['Bold', 'strong'],
    ['Italic', 'em'],
    ['Inline code', 'code'],
  ] as const) {
    await userEvent.keyboard('{Control>}a{/Control}');
    await userEvent.click(button(name));
    await expect.poll(() => editor.querySelector(tag)?.textContent).toBe('Refund approved');
    await expect.element(button(name)).toHaveAttribute('aria-pressed', 'true');
    // The mouse never takes focus from the editor: the selection is still there to work on.
    expect(document.activeElement).toBe(editor);
    await userEvent.click(button(name));
    await expect.poll(() => editor.querySelector(tag)).toBeNull();
    await expect.element(button(name)).toHaveAttribute('aria-pressed', 'false');
  }
});

it('Formatting: bulleted and numbered lists by mouse, and back to a paragraph', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Steps');
  await userEvent.click(button('Bulleted list'));
  await expect.poll(() => editor.querySelector('ul > li')?.textContent).toBe('Steps');
  await expect.element(button('Bulleted list')).toHaveAttribute('aria-pressed', 'true');
  await userEvent.click(button('Numbered list'));
  await expect.poll(() => editor.querySelector('ol > li')?.textContent).toBe('Steps');
  expect(editor.querySelector('ul')).toBeNull();
  await expect.element(button('Numbered list')).toHaveAttribute('aria-pressed', 'true');
  await expect.element(button('Bulleted list')).toHaveAttribute('aria-pressed', 'false');
  await userEvent.click(button('Numbered list'));
  await expect.poll(() => editor.querySelector('ol')).toBeNull();
  expect(editor.querySelector('p')?.textContent).toBe('Steps');
});

it('Formatting: the keyboard alone reaches and uses every button (one tab stop, arrows, Home/End, Escape)', async () => {
  const { editor } = await renderComposer();
  await tabIntoEditor(editor);
  await userEvent.keyboard('Order shipped{Shift>}{Home}{/Shift}');
  // From the editor, Tab lands on the toolbar's single tab stop.
  await userEvent.keyboard('{Tab}');
  await expect.element(button('Bold')).toHaveFocus();
  expect(
    [...toolbar().element().querySelectorAll('button')].map((element) => element.tabIndex),
  ).toEqual([0, -1, -1, -1, -1, -1]);
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('strong')?.textContent).toBe('Order shipped');
  await expect.element(button('Bold')).toHaveAttribute('aria-pressed', 'true');
  await expect.element(button('Bold')).toHaveFocus();
  await userEvent.keyboard('{ArrowRight} ');
  await expect.poll(() => editor.querySelector('em')?.textContent).toBe('Order shipped');
  await userEvent.keyboard('{ArrowRight}{Enter}');
  await expect.poll(() => editor.querySelector('code')?.textContent).toBe('Order shipped');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('code')).toBeNull();
  await userEvent.keyboard('{ArrowRight}{Enter}');
  await expect.poll(() => editor.querySelector('ul > li')?.textContent).toBe('Order shipped');
  await userEvent.keyboard('{ArrowRight}{Enter}');
  await expect.poll(() => editor.querySelector('ol > li')?.textContent).toBe('Order shipped');
  await userEvent.keyboard('{End}');
  await expect.element(button('Link')).toHaveFocus();
  await userEvent.keyboard('{Home}');
  await expect.element(button('Bold')).toHaveFocus();
  await userEvent.keyboard('{ArrowLeft}');
  await expect.element(button('Link')).toHaveFocus();
  // The roving tab stop stays where the agent left it.
  expect(button('Link').element().tabIndex).toBe(0);
  await userEvent.keyboard('{Escape}');
  expect(document.activeElement).toBe(editor);
});

it('Formatting: in right-to-left text the arrow keys follow the visual order', async () => {
  const { editor, container } = await renderComposer();
  container.setAttribute('dir', 'rtl');
  await tabIntoEditor(editor);
  await userEvent.keyboard('{Tab}');
  await expect.element(button('Bold')).toHaveFocus();
  await userEvent.keyboard('{ArrowLeft}');
  await expect.element(button('Italic')).toHaveFocus();
  await userEvent.keyboard('{ArrowRight}{ArrowRight}');
  await expect.element(button('Link')).toHaveFocus();
  // Bold sits to the right of Italic on screen.
  const bold = button('Bold').element().getBoundingClientRect();
  const italic = button('Italic').element().getBoundingClientRect();
  expect(bold.left).toBeGreaterThan(italic.left);
});

it('Formatting: each button names its shortcut in its tooltip and to assistive technology', async () => {
  await renderComposer();
  const expected = {
    Bold: 'Control+B Meta+B',
    Italic: 'Control+I Meta+I',
    'Inline code': 'Control+E Meta+E',
    'Bulleted list': 'Control+Shift+8 Meta+Shift+8',
    'Numbered list': 'Control+Shift+7 Meta+Shift+7',
    Link: 'Control+K Meta+K',
  };
  for (const [name, keys] of Object.entries(expected)) {
    await expect.element(button(name)).toHaveAttribute('aria-keyshortcuts', keys);
    const key = keys.split(' ')[0]?.replace('Control+', '').replace('Shift+', '') ?? '';
    await expect.element(button(name)).toHaveAttribute('title', expect.stringContaining(key));
  }
  await expect.element(button('Link')).toHaveAttribute('aria-haspopup', 'dialog');
});

it('Formatting: the toolbar is there in both modes and its labels are translatable', async () => {
  await renderComposer({
    props: { labels: { toolbar: 'Mise en forme', formats: { bold: 'Gras' } } },
  });
  await expect.element(page.getByRole('toolbar', { name: 'Mise en forme' })).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Gras' })).toBeVisible();
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await expect.element(page.getByRole('button', { name: 'Gras' })).toBeVisible();
  await expect.element(page.getByRole('button', { name: 'Italic' })).toBeVisible();
});

it('Formatting: while a message is being sent the buttons are disabled and do nothing', async () => {
  const { editor, backend } = await renderComposer();
  backend.setLatency('submitMessage', HOUR);
  await userEvent.click(editor);
  await userEvent.keyboard('On its way{Control>}a{/Control}{Control>}{Enter}{/Control}');
  await expect.element(button('Bold')).toHaveAttribute('aria-disabled', 'true');
  // force: Playwright would otherwise wait for an aria-disabled button to become enabled.
  await userEvent.click(button('Bold'), { force: true });
  await userEvent.click(button('Link'), { force: true });
  // The click handlers have run by now; nothing changed and no popover opened.
  expect(editor.querySelector('strong')).toBeNull();
  expect(document.querySelector('[role="dialog"]')).toBeNull();
  for (const element of toolbar().element().querySelectorAll('button')) {
    expect(element.getAttribute('aria-disabled')).toBe('true');
  }
});

it('Formatting: toolbar={false} hides it; formatting shortcuts and Mod+K still work', async () => {
  const { editor } = await renderComposer({ props: { toolbar: false } });
  expect(document.querySelector('[role="toolbar"]')).toBeNull();
  await userEvent.click(editor);
  await userEvent.keyboard('{Control>}b{/Control}bold{Control>}k{/Control}');
  expect(editor.querySelector('strong')?.textContent).toBe('bold');
  await expect.element(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
});

function HostToolbar({ editor }: ComposerToolbarProps) {
  const active = useFormattingState(editor);
  return (
    <button
      type="button"
      aria-pressed={active.bold}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor && toggleFormat(editor, 'bold')}
    >
      Host bold
    </button>
  );
}

it('Formatting: a host replaces the toolbar with its own, built on useFormattingState', async () => {
  const { editor } = await renderComposer({
    props: { toolbar: (props) => <HostToolbar {...props} /> },
  });
  expect(document.querySelector('[role="toolbar"]')).toBeNull();
  await userEvent.click(editor);
  await userEvent.keyboard('Thanks{Control>}a{/Control}');
  const host = page.getByRole('button', { name: 'Host bold' });
  await userEvent.click(host);
  await expect.poll(() => editor.querySelector('strong')?.textContent).toBe('Thanks');
  await expect.element(host).toHaveAttribute('aria-pressed', 'true');
});

let toolbarCommits = 0;
// The Profiler sits inside a memo boundary, so it counts only the toolbar's own re-renders.
const ProfiledToolbar = memo((props: ComposerToolbarProps) => (
  <Profiler id="toolbar" onRender={() => toolbarCommits++}>
    <FormattingToolbar {...props} />
  </Profiler>
));

it('Formatting: typing plain text commits the toolbar 0 times (React Profiler); a format change does', async () => {
  toolbarCommits = 0;
  const { editor, store } = await renderComposer({
    props: { toolbar: (props) => <ProfiledToolbar {...props} /> },
  });
  await userEvent.click(editor);
  await userEvent.keyboard('a');
  await expect.poll(() => editor.textContent).toBe('a');
  const afterFirstKey = toolbarCommits;
  await userEvent.keyboard('nother twenty keys.');
  // Wait until the draft is saved: the composer has re-rendered for it by then.
  await expect
    .poll(() => store.getSnapshot().composers['conv-refund']?.drafts['public-reply'].text)
    .toBe('another twenty keys.');
  expect(toolbarCommits - afterFirstKey).toBe(0);
  // The counter works: a real state change commits the toolbar.
  await userEvent.keyboard('{Control>}b{/Control}');
  await expect.element(button('Bold')).toHaveAttribute('aria-pressed', 'true');
  expect(toolbarCommits - afterFirstKey).toBeGreaterThan(0);
});

it('Formatting: Alt+F10 reaches the toolbar from a list, where Tab indents', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('- first{Enter}second{Tab}');
  // Tab nested the second item instead of leaving the editor.
  await expect.poll(() => editor.querySelector('li li')?.textContent).toBe('second');
  expect(document.activeElement).toBe(editor);
  await userEvent.keyboard('{Alt>}{F10}{/Alt}');
  await expect.element(button('Bold')).toHaveFocus();
  await expect.element(toolbar()).toHaveAttribute('aria-keyshortcuts', 'Alt+F10');
  await userEvent.keyboard('{Escape}');
  expect(document.activeElement).toBe(editor);
});
