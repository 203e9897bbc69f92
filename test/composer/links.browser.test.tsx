import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

const dialog = () => page.getByRole('dialog', { name: 'Link' });
const urlField = () => dialog().getByRole('textbox', { name: 'Web or e-mail address' });
const linkButton = () =>
  page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' });
const links = (editor: HTMLElement) =>
  [...editor.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);

/** A paste as the browser delivers it (what ProseMirror reads from the event). */
function paste(target: HTMLElement, data: Record<string, string>) {
  const clipboardData = new DataTransfer();
  for (const [type, value] of Object.entries(data)) clipboardData.setData(type, value);
  target.dispatchEvent(
    new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
  );
}

it('Links: Ctrl+K opens the popover on the selection, Enter links it, focus returns to the editor', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Track order{Shift>}{Home}{/Shift}{Control>}k{/Control}');
  await expect.element(urlField()).toHaveFocus();
  await userEvent.keyboard('https://example.com/track/4821{Enter}');
  await expect
    .poll(() => links(editor))
    .toEqual([['Track order', 'https://example.com/track/4821']]);
  await expect.element(dialog()).not.toBeInTheDocument();
  expect(document.activeElement).toBe(editor);
  await expect.element(linkButton()).toHaveAttribute('aria-pressed', 'true');
});

it('Links: an address that is not http, https or mailto shows an error and links nothing', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Write to us{Shift>}{Home}{/Shift}');
  await userEvent.click(linkButton());
  await userEvent.keyboard('javascript:alert(1){Enter}');
  await expect
    .element(dialog().getByRole('alert'))
    .toHaveTextContent('Enter a web address (https://…) or an e-mail address.');
  await expect.element(urlField()).toHaveAttribute('aria-invalid', 'true');
  await expect.element(urlField()).toHaveAccessibleDescription(/Enter a web address/);
  expect(editor.querySelector('a')).toBeNull();
  // An e-mail address is understood as mailto.
  await userEvent.fill(urlField(), 'help@example.com');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => links(editor)).toEqual([['Write to us', 'mailto:help@example.com']]);
});

it('Links: Escape closes the popover, changes nothing and returns focus to the editor', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Hello{Control>}k{/Control}');
  await expect.element(urlField()).toHaveFocus();
  await userEvent.keyboard('https://example.com{Escape}');
  await expect.element(dialog()).not.toBeInTheDocument();
  expect(document.activeElement).toBe(editor);
  expect(editor.querySelector('a')).toBeNull();
  // The caret is where it was: typing goes on at the end.
  await userEvent.keyboard('!');
  expect(editor.textContent).toBe('Hello!');
});

it('Links: with nothing selected, the address itself is inserted as a link', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('See {Control>}k{/Control}');
  await userEvent.keyboard('example.com/help{Enter}');
  await expect
    .poll(() => links(editor))
    .toEqual([['https://example.com/help', 'https://example.com/help']]);
  // Typing after it is not part of the link.
  await userEvent.keyboard(' thanks');
  expect(links(editor)).toEqual([['https://example.com/help', 'https://example.com/help']]);
});

it('Links: edit and remove a link by mouse from the toolbar', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard(
    'Policy page{Shift>}{Home}{/Shift}{Control>}k{/Control}https://example.com/old{Enter}',
  );
  await expect.poll(() => links(editor)).toEqual([['Policy page', 'https://example.com/old']]);
  // Caret inside the link, then the toolbar's Link button edits the whole link.
  await userEvent.keyboard('{End}{ArrowLeft}{ArrowLeft}');
  await expect.element(linkButton()).toHaveAttribute('aria-pressed', 'true');
  await userEvent.click(linkButton());
  await expect.element(urlField()).toHaveValue('https://example.com/old');
  await userEvent.fill(urlField(), 'https://example.com/new');
  await userEvent.click(dialog().getByRole('button', { name: 'Apply' }));
  await expect.poll(() => links(editor)).toEqual([['Policy page', 'https://example.com/new']]);
  await userEvent.click(linkButton());
  await userEvent.click(dialog().getByRole('button', { name: 'Remove link' }));
  await expect.poll(() => editor.querySelector('a')).toBeNull();
  expect(editor.textContent).toBe('Policy page');
  await expect.element(linkButton()).toHaveAttribute('aria-pressed', 'false');
});

it('Links: link and unlink with the keyboard alone (toolbar, popover, Remove link)', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Order status{Shift>}{Home}{/Shift}{Tab}{End}');
  await expect.element(linkButton()).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.element(urlField()).toHaveFocus();
  await userEvent.keyboard('https://example.com/orders{Enter}');
  await expect.poll(() => links(editor)).toEqual([['Order status', 'https://example.com/orders']]);
  expect(document.activeElement).toBe(editor);
  await userEvent.keyboard('{ArrowLeft}{Control>}k{/Control}');
  await expect.element(urlField()).toHaveValue('https://example.com/orders');
  await userEvent.keyboard('{Tab}{Tab}');
  await expect.element(dialog().getByRole('button', { name: 'Remove link' })).toHaveFocus();
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('a')).toBeNull();
  expect(document.activeElement).toBe(editor);
});

it('Links: a pasted bare URL becomes a link, like a typed one; one Ctrl+Z removes the paste', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  paste(editor, { 'text/plain': 'https://example.com/order/4821' });
  await expect
    .poll(() => links(editor))
    .toEqual([['https://example.com/order/4821', 'https://example.com/order/4821']]);
  await userEvent.keyboard('{Control>}z{/Control}');
  await expect.poll(() => editor.textContent).toBe('');
  expect(editor.querySelector('a')).toBeNull();
});

it('Links: pasted text links only http, https and mailto addresses, never inside code', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  paste(editor, {
    'text/plain':
      'Mail mailto:help@example.com, see (https://example.com/faq). Not javascript:alert(1) or ftp://x.example',
  });
  await expect
    .poll(() => links(editor))
    .toEqual([
      ['mailto:help@example.com', 'mailto:help@example.com'],
      ['https://example.com/faq', 'https://example.com/faq'],
    ]);
  expect(editor.textContent).toContain('Not javascript:alert(1) or ftp://x.example');
  await userEvent.keyboard('{Enter}');
  paste(editor, { 'text/html': '<p><code>https://example.com/in-code</code></p>' });
  await expect
    .poll(() => editor.querySelector('code')?.textContent)
    .toBe('https://example.com/in-code');
  expect(editor.querySelector('code a, a code')).toBeNull();
});

it('Links: a URL pasted over selected words links them', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('our refund policy{Shift>}{Home}{/Shift}');
  paste(editor, { 'text/plain': 'https://example.com/refunds' });
  await expect
    .poll(() => links(editor))
    .toEqual([['our refund policy', 'https://example.com/refunds']]);
  await userEvent.keyboard('{Control>}z{/Control}');
  await expect.poll(() => editor.querySelector('a')).toBeNull();
  expect(editor.textContent).toBe('our refund policy');
});

it('Links: clicking a link in the editor opens nothing, also while sending', async () => {
  const { editor, backend } = await renderComposer();
  await userEvent.click(editor);
  paste(editor, { 'text/plain': 'https://example.com/a' });
  await expect.poll(() => editor.querySelector('a')).not.toBeNull();
  const seen: boolean[] = [];
  const record = (event: Event) => seen.push(event.defaultPrevented);
  document.addEventListener('click', record);
  await userEvent.click(editor.querySelector('a') as HTMLElement);
  expect(seen).toEqual([true]);
  backend.setLatency('submitMessage', 3_600_000);
  await userEvent.keyboard('{Control>}{Enter}{/Control}');
  await expect.poll(() => editor.getAttribute('contenteditable'), { timeout: 5_000 }).toBe('false');
  await userEvent.click(editor.querySelector('a') as HTMLElement, { modifiers: ['Control'] });
  expect(seen).toEqual([true, true]);
  document.removeEventListener('click', record);
});

it('Links: a URL typed before Enter is linked and Enter still starts a new line; Ctrl+Enter still sends', async () => {
  const { editor, backend } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Docs: https://example.com/docs{Enter}next line');
  expect([...editor.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
    'Docs: https://example.com/docs',
    'next line',
  ]);
  expect(links(editor)).toEqual([['https://example.com/docs', 'https://example.com/docs']]);
  await userEvent.keyboard('{Enter}https://example.com/last{Control>}{Enter}{/Control}');
  await expect
    .poll(() => backend.conversation('conv-refund')?.messages[0]?.body)
    .toMatchObject({ type: 'doc' });
  const sent = JSON.stringify(backend.conversation('conv-refund')?.messages[0]?.body);
  expect(sent).toContain('"href":"https://example.com/last"');
});
