import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { cleanup, renderComposer } from './render-composer';

afterEach(cleanup);

it('bold, italic and inline code by keyboard; lists by typing "- " and "1. "', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('{Control>}b{/Control}Bold{Control>}b{/Control} ');
  await userEvent.keyboard('{Control>}i{/Control}italic{Control>}i{/Control} ');
  await userEvent.keyboard('{Control>}e{/Control}code{Control>}e{/Control}{Enter}');
  await userEvent.keyboard('- first{Enter}second{Enter}{Enter}1. one{Enter}two');
  expect(editor.querySelector('strong')?.textContent).toBe('Bold');
  expect(editor.querySelector('em')?.textContent).toBe('italic');
  expect(editor.querySelector('code')?.textContent).toBe('code');
  expect([...editor.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual([
    'first',
    'second',
  ]);
  expect([...editor.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
    'one',
    'two',
  ]);
});

it('a typed web address becomes a safe link; a javascript: address never does', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('See https://example.com/help. Or javascript:alert(1) ok');
  const links = [...editor.querySelectorAll('a')];
  expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://example.com/help']);
  expect(links[0]?.getAttribute('rel')).toContain('noopener');
});

it('undo and redo', async () => {
  const { editor } = await renderComposer();
  await userEvent.click(editor);
  await userEvent.keyboard('Hello');
  await userEvent.keyboard('{Control>}z{/Control}');
  expect(editor.textContent).toBe('');
  await userEvent.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
  expect(editor.textContent).toBe('Hello');
});

it('the placeholder follows the mode', async () => {
  const { editor } = await renderComposer();
  const placeholder = () => editor.querySelector('p')?.getAttribute('data-placeholder');
  expect(placeholder()).toBe('Write a reply the customer will see…');
  (document.querySelector('[role="tab"][data-mode="internal-note"]') as HTMLElement).click();
  await expect.poll(placeholder).toContain('Type @ to mention a colleague');
});
