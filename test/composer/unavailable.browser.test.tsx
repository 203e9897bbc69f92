import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup, demoAgents, renderComposer } from './render-composer';

afterEach(cleanup);

const cases = [
  {
    rule: 'live chat',
    setup: { props: { conversationId: 'conv-live' } },
    reason: 'Live chat conversations don’t support @mentions',
  },
  {
    rule: 'a light agent',
    setup: { agentId: demoAgents.lee.id },
    reason: 'Your role can’t add followers',
  },
  {
    rule: 'collaboration turned off',
    setup: { settings: { collaborationEnabled: false } },
    reason: 'Collaboration is turned off by an admin',
  },
  {
    rule: 'view-only access',
    setup: { props: { conversationId: 'conv-readonly' } },
    reason: 'You need edit permission to @mention',
  },
] as const;

it.each(cases)(
  'R4: @ in an internal note shows the reason instead of a menu ($rule)',
  async ({ setup, reason }) => {
    const { editor, container } = await renderComposer(setup);
    await page.getByRole('tab', { name: 'Internal note' }).click();
    await userEvent.click(editor);
    await userEvent.keyboard('@Jan');
    await expect.element(page.getByText(reason).first()).toBeVisible();
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(editor.getAttribute('aria-expanded')).toBeNull();
    // Also announced to screen readers.
    expect(container.querySelector('.aside-visually-hidden')?.textContent).toBe(reason);
    await userEvent.keyboard('{Enter}');
    expect(editor.querySelector('.aside-mention')).toBeNull();
  },
);
