import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const openNote = async () => {
  const rendered = await renderComposer({ props: { mentionSearchDebounceMs: 0 } });
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(rendered.editor);
  return rendered;
};
const liveTexts = () =>
  [...document.querySelectorAll('[role="status"]')].map((region) => region.textContent ?? '');

it('R2: after ArrowUp wraps to the last option, that option is highlighted and scrolled into sight', async () => {
  const { editor } = await openNote();
  await userEvent.keyboard('@Ja');
  const listbox = page.getByRole('listbox');
  await expect.element(listbox).toBeVisible();
  const list = listbox.element() as HTMLElement;
  // The list is taller than its box, or this test proves nothing.
  expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
  await userEvent.keyboard('{ArrowUp}');
  const options = page.getByRole('option').elements();
  const last = options[options.length - 1]!;
  await expect.poll(() => editor.getAttribute('aria-activedescendant')).toBe(last.id);
  expect(last.getAttribute('aria-selected')).toBe('true');
  await expect
    .poll(() => {
      const box = list.getBoundingClientRect();
      const option = last.getBoundingClientRect();
      return option.top >= box.top - 1 && option.bottom <= box.bottom + 1;
    })
    .toBe(true);
});

it('R2: the number of agents found is announced in a live region', async () => {
  await openNote();
  await userEvent.keyboard('@Jane');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  const count = page.getByRole('option').elements().length;
  await expect
    .poll(liveTexts)
    .toContain(
      `${count} ${count === 1 ? 'agent' : 'agents'} found. Use the up and down arrows to choose.`,
    );
});

it('R6: "will be added as a follower" appears inside a live region that was there before it', async () => {
  const { container } = await openNote();
  const plan = container.querySelector('.aside-composer__plan');
  expect(plan?.getAttribute('role')).toBe('status');
  expect(plan?.textContent).toBe('');
  await userEvent.keyboard('@Jane');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByText('Jane Doe will be added as a follower')).toBeVisible();
  // The same element announces it: a region created with its words is often not read out.
  expect(container.querySelector('.aside-composer__plan')).toBe(plan);
  expect(plan?.textContent).toBe('Jane Doe will be added as a follower');
});

it('R2: after Escape closes the menu, typing more of the name opens it again', async () => {
  const { editor } = await openNote();
  await userEvent.keyboard('@Jan');
  await expect.element(page.getByRole('listbox')).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.element(page.getByRole('listbox')).not.toBeInTheDocument();
  expect(editor.getAttribute('aria-expanded')).toBeNull();
  await userEvent.keyboard('e');
  await expect.element(page.getByRole('option', { name: /Jane Doe/ })).toBeVisible();
  expect(editor.getAttribute('aria-expanded')).toBe('true');
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => editor.querySelector('.aside-mention')?.textContent).toBe('@Jane Doe');
});

it('R2: agents who share a name are told apart by a second line from the directory', async () => {
  const janek = (id: string, detail: string) =>
    ({
      kind: 'agent',
      id,
      name: 'Janek Hoffmann',
      role: 'agent',
      status: 'online',
      detail,
    }) as const;
  const { editor } = await renderComposer({
    agents: [
      ...Object.values(demoAgents),
      janek('janek-1', 'Billing · janek.hoffmann@example.com'),
      janek('janek-2', 'Shipping · j.hoffmann@example.com'),
    ],
    props: { mentionSearchDebounceMs: 0 },
  });
  await page.getByRole('tab', { name: 'Internal note' }).click();
  await userEvent.click(editor);
  await userEvent.keyboard('@Janek');
  const first = page.getByRole('option', { name: /Janek Hoffmann Billing/ });
  const second = page.getByRole('option', { name: /Janek Hoffmann Shipping/ });
  await expect.element(first).toHaveTextContent('Billing · janek.hoffmann@example.com');
  await expect.element(second).toHaveTextContent('Shipping · j.hoffmann@example.com');
  // Choosing the second inserts that agent, not the namesake.
  await userEvent.keyboard('{ArrowDown}{Enter}');
  await expect
    .poll(() => editor.querySelector('.aside-mention')?.getAttribute('data-id'))
    .toBe('janek-2');
});
