import { expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { eventFor, renderNotifications } from './render';

const input = () => page.getByRole('textbox', { name: 'Reply draft' });
const region = () => page.getByRole('region', { name: 'Notifications' });

/** Sam is typing; a mention toast arrives; F8 takes him to it. */
async function toastsFocused() {
  const { backend } = await renderNotifications();
  await input().click();
  backend.emit(eventFor());
  await expect.element(region().getByRole('listitem')).toBeVisible();
  await userEvent.keyboard('{F8}');
  await expect.element(region()).toHaveFocus();
}

it('R15: Tab past the last toast control goes back to where the agent was, never to <body>', async () => {
  await toastsFocused();
  await userEvent.keyboard('{Tab}');
  await expect.element(page.getByRole('button', { name: 'Reply' })).toHaveFocus();
  await userEvent.keyboard('{Tab}');
  await expect.element(page.getByRole('button', { name: 'Dismiss' })).toHaveFocus();
  await userEvent.keyboard('{Tab}');
  await expect.element(input()).toHaveFocus();
  // The toast is still there: leaving is not dismissing.
  await expect.element(region().getByRole('listitem')).toBeVisible();
});

it('R15: Shift+Tab before the first toast control, or Escape on the region, goes back to where the agent was', async () => {
  await toastsFocused();
  await userEvent.keyboard('{Tab}');
  await expect.element(page.getByRole('button', { name: 'Reply' })).toHaveFocus();
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  await expect.element(input()).toHaveFocus();

  await userEvent.keyboard('{F8}');
  await expect.element(region()).toHaveFocus();
  await userEvent.keyboard('{Escape}');
  await expect.element(input()).toHaveFocus();
  await expect.element(region().getByRole('listitem')).toBeVisible();
});
