import { afterEach, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { demoAgents, renderFollowers } from './render';

const { ada, jane, jamie } = demoAgents;
const undoButton = () => page.getByRole('button', { name: 'Undo' });
const addButton = () => page.getByRole('button', { name: 'Add follower' });
/** Move the faked clock, then let React render on real frames. */
const advance = async (ms: number) => {
  await vi.advanceTimersByTimeAsync(ms);
  for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
};

afterEach(() => {
  vi.useRealTimers();
});

it('R11: the Undo offer stays while it has keyboard focus, and goes within 5 s once focus leaves it', async () => {
  await renderFollowers({ followerIds: [ada.id, jane.id, jamie.id] });
  await expect.element(page.getByText('Jamie Okafor')).toBeVisible();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  await page.getByRole('button', { name: 'Remove Jane Doe' }).click();
  await expect.element(undoButton()).toBeVisible();
  (undoButton().element() as HTMLElement).focus();
  await advance(12_000);
  await expect.element(undoButton()).toHaveFocus();
  // Back to Add follower by keyboard: the offer now has its 5 seconds, and focus stays put.
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  await expect.element(addButton()).toHaveFocus();
  await advance(5_100);
  expect(undoButton().elements()).toHaveLength(0);
  await expect.element(addButton()).toHaveFocus();
});

it('R11: when a refused removal takes the focused Undo away, focus moves to Add follower, not <body>', async () => {
  const { backend } = await renderFollowers({ followerIds: [ada.id, jane.id] });
  await expect.element(page.getByText('Jane Doe')).toBeVisible();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  backend.setLatency('removeFollower', 1_000);
  backend.fail('removeFollower');
  await page.getByRole('button', { name: 'Remove Jane Doe' }).click();
  await expect.element(undoButton()).toBeVisible();
  (undoButton().element() as HTMLElement).focus();
  await advance(1_100);
  // Rolled back (R11): Jane is back, the error shows, the offer is gone, focus has a place.
  await expect.element(page.getByRole('alert')).toBeVisible();
  expect(undoButton().elements()).toHaveLength(0);
  await expect.element(addButton()).toHaveFocus();
});
