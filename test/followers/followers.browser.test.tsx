import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoAgents, followerIdsOf, renderFollowers } from './render';

const { ada, jane, jamie, nora, sam } = demoAgents;
const three = [ada.id, jane.id, jamie.id];

const chip = (name: string) => page.getByRole('listitem').filter({ hasText: name });

describe('FollowersList in a browser', () => {
  it('R9: shows one chip per follower with initials and full name, the assignee marked', async () => {
    await renderFollowers({ followerIds: three });
    const list = page.getByRole('region', { name: 'Followers' });
    await expect.element(list).toBeVisible();
    await expect.element(chip('Jane Doe')).toHaveTextContent('JDJane Doe');
    await expect.element(chip('Sam Rivera')).toHaveTextContent('Assignee');
    expect(page.getByRole('listitem').elements()).toHaveLength(4);
  });

  it('R10: arrow keys move between chips, Delete removes the focused chip, focus lands on the next one', async () => {
    const { store } = await renderFollowers({ followerIds: three });
    await expect.element(chip('Jamie Okafor')).toBeVisible();
    await userEvent.tab();
    expect(document.activeElement).toBe(chip('Sam Rivera').element());
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    expect(document.activeElement).toBe(chip('Jane Doe').element());
    await userEvent.keyboard('{Delete}');
    await expect.element(chip('Jane Doe')).not.toBeInTheDocument();
    expect(followerIdsOf(store)).not.toContain(jane.id);
    expect(document.activeElement).toBe(chip('Jamie Okafor').element());
    await userEvent.keyboard('{Backspace}');
    await expect.element(chip('Jamie Okafor')).not.toBeInTheDocument();
    expect(document.activeElement).toBe(chip('Ada Lindqvist').element());
  });

  it('R10: Home and End jump, and arrow keys are mirrored in RTL', async () => {
    await renderFollowers({ followerIds: three, dir: 'rtl' });
    await expect.element(chip('Jamie Okafor')).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard('{ArrowLeft}');
    expect(document.activeElement).toBe(chip('Ada Lindqvist').element());
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(chip('Jamie Okafor').element());
    await userEvent.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(chip('Jane Doe').element());
    await userEvent.keyboard('{Home}');
    expect(document.activeElement).toBe(chip('Sam Rivera').element());
  });

  it('R10: the X removes by mouse, is named "Remove Jane Doe" and is not in the tab order', async () => {
    const { store } = await renderFollowers({ followerIds: three });
    const remove = page.getByRole('button', { name: 'Remove Jane Doe' });
    await expect.element(remove).toHaveAttribute('tabindex', '-1');
    expect(page.getByRole('button', { name: /Remove Sam Rivera/ }).elements()).toHaveLength(0);
    await remove.click();
    await expect.element(chip('Jane Doe')).not.toBeInTheDocument();
    await expect.poll(() => followerIdsOf(store)).toEqual([ada.id, jamie.id]);
  });

  it('R10: an agent without edit permission sees no X and Delete does nothing', async () => {
    const { store } = await renderFollowers({
      conversationId: 'conv-readonly',
      followerIds: [jane.id, nora.id],
    });
    await expect.element(chip('Jane Doe')).toBeVisible();
    expect(page.getByRole('button', { name: /^Remove/ }).elements()).toHaveLength(0);
    expect(page.getByRole('button', { name: 'Add follower' }).elements()).toHaveLength(0);
    (chip('Jane Doe').element() as HTMLElement).focus();
    await userEvent.keyboard('{Delete}');
    expect(followerIdsOf(store, 'conv-readonly')).toEqual([jane.id, nora.id]);
    await expect.element(chip('Jane Doe')).toBeVisible();
  });

  it('R11: a refused removal rolls back and shows a visible error', async () => {
    const { backend, store } = await renderFollowers({ followerIds: three });
    backend.fail('removeFollower', 1);
    await page.getByRole('button', { name: 'Remove Jane Doe' }).click();
    // The agent reads a friendly text by error code; the backend's own words stay in the title.
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('The change could not be saved. Try again.');
    expect(page.getByRole('alert').element().textContent).not.toContain('The backend refused');
    await expect.element(chip('Jane Doe')).toBeVisible();
    expect(followerIdsOf(store)).toContain(jane.id);
    expect(page.getByRole('button', { name: 'Undo' }).elements()).toHaveLength(0);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('R11: Undo puts a removed follower back', async () => {
    const { store, backend } = await renderFollowers({ followerIds: three });
    await page.getByRole('button', { name: 'Remove Jane Doe' }).click();
    await expect.element(page.getByRole('status')).toHaveTextContent('Jane Doe removed');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.element(chip('Jane Doe')).toBeVisible();
    await expect.poll(() => backend.conversation('conv-refund')?.followerIds).toContain(jane.id);
    expect(followerIdsOf(store)).toContain(jane.id);
    await expect.poll(() => document.activeElement).toBe(chip('Jane Doe').element());
  });

  it('R11: the Undo offer goes away after a few seconds', async () => {
    await renderFollowers({ followerIds: three });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await page.getByRole('button', { name: 'Remove Jane Doe' }).click();
      await expect.element(page.getByRole('button', { name: 'Undo' })).toBeVisible();
      await vi.advanceTimersByTimeAsync(5_100);
      for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
      expect(page.getByRole('button', { name: 'Undo' }).elements()).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('R6: an agent follows a conversation herself through Add follower, without a note', async () => {
    const { store } = await renderFollowers({ conversationId: 'conv-printer' });
    await expect.element(page.getByText('Ada Lindqvist')).toBeVisible();
    await page.getByRole('button', { name: 'Add follower' }).click();
    const search = page.getByRole('combobox', { name: 'Search agents' });
    await expect.element(search).toHaveFocus();
    await userEvent.keyboard('Sam');
    await expect.element(page.getByRole('option', { name: /Sam Rivera/ })).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await expect.element(chip('Sam Rivera')).toBeVisible();
    await expect.poll(() => followerIdsOf(store, 'conv-printer')).toEqual([sam.id]);
    await expect.element(page.getByRole('button', { name: 'Add follower' })).toHaveFocus();
  });

  it('R9: overflow shows "+N" and reveals every follower', async () => {
    await renderFollowers({ followerIds: three, maxVisible: 2 });
    const more = page.getByRole('button', { name: 'Show 2 more followers' });
    await expect.element(more).toHaveTextContent('+2');
    expect(page.getByRole('listitem').elements()).toHaveLength(3);
    await more.click();
    await expect.element(chip('Jamie Okafor')).toBeVisible();
    expect(document.activeElement).toBe(chip('Jane Doe').element());
  });

  it('has no axe violations, with the search open', async () => {
    const { view } = await renderFollowers({ followerIds: three, maxVisible: 2 });
    await expect.element(chip('Ada Lindqvist')).toBeVisible();
    await page.getByRole('button', { name: 'Add follower' }).click();
    await userEvent.keyboard('J');
    await expect.element(page.getByRole('option').first()).toBeVisible();
    const results = await axe.run(view.container);
    expect(results.violations).toEqual([]);
  });
});
