import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { eventFor, renderNotifications } from './render';

const updates = () => page.getByRole('region', { name: 'Messaging updates' });
const rows = () => updates().getByRole('listitem');

describe('MessagingUpdates in a browser', () => {
  it('R14: lists updates newest first with subject, actor, excerpt, and unread state for AT', async () => {
    const { backend } = await renderNotifications({ updates: true });
    backend.emit(eventFor({ conversationSubject: 'Older case', createdAt: 1_000 }));
    backend.emit(
      eventFor({
        kind: 'update',
        conversationSubject: 'Newer case',
        actorName: 'Ada Lindqvist',
        createdAt: 2_000,
      }),
    );
    await expect.element(rows().first()).toHaveTextContent('Newer case');
    await expect.element(rows().first()).toHaveTextContent('Ada Lindqvist');
    await expect.element(rows().nth(1)).toHaveTextContent('Jane Doe mentioned you');
    await expect.element(rows().nth(1)).toHaveTextContent('Can you check the refund went through?');
    await expect
      .element(
        rows()
          .first()
          .getByRole('button', { name: /^Unread Newer case/ }),
      )
      .toBeVisible();
    await expect.element(updates()).toHaveTextContent('2 unread');
  });

  it('R14: choosing an item opens the conversation in the composer and marks it read', async () => {
    const { backend, store, onOpenConversation } = await renderNotifications({ updates: true });
    const event = eventFor();
    backend.emit(event);
    await rows()
      .first()
      .getByRole('button', { name: /Refund for order #4821/ })
      .first()
      .click();
    expect(onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: event.id,
    });
    await expect.element(rows().first()).not.toHaveAttribute('data-unread');
    expect(store.getSnapshot().notifications.unreadCount).toBe(0);
  });

  it('R14: Reply on an item opens its conversation to reply', async () => {
    const { backend, onOpenConversation } = await renderNotifications({ updates: true });
    const event = eventFor();
    backend.emit(event);
    await page.getByRole('button', { name: 'Reply in Refund for order #4821' }).click();
    expect(onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: event.id,
    });
  });

  it('R14: Mark all read clears the unread state', async () => {
    const { backend, store } = await renderNotifications({ updates: true });
    backend.emit(eventFor());
    backend.emit(eventFor({ kind: 'update' }));
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await expect.element(updates()).not.toHaveTextContent('unread');
    expect(store.getSnapshot().notifications.unreadCount).toBe(0);
    await expect.element(page.getByRole('button', { name: 'Mark all read' })).toBeDisabled();
  });

  it('R14: says so when there are no updates', async () => {
    await renderNotifications({ updates: true });
    await expect.element(updates()).toHaveTextContent('No updates yet');
  });

  it('R14: with 10,000 updates only the visible rows are drawn, and the keyboard reaches the last one', async () => {
    const { backend } = await renderNotifications({ updates: true });
    for (let n = 0; n < 10_000; n++)
      backend.emit(eventFor({ kind: 'update', conversationSubject: `Case ${n}`, createdAt: n }));
    await expect.element(rows().first()).toHaveTextContent('Case 9999');
    expect(rows().elements().length).toBeLessThan(40);
    await expect.element(rows().first()).toHaveAttribute('aria-setsize', '10000');
    (rows().first().getByRole('button').first().element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('button', { name: /^Unread Case 9998 / })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect.element(page.getByRole('button', { name: /^Unread Case 0 / })).toHaveFocus();
    expect(rows().elements().length).toBeLessThan(40);
  });

  it('has no axe violations with read and unread items', async () => {
    const { backend, view } = await renderNotifications({ updates: true });
    backend.emit(eventFor());
    backend.emit(eventFor({ kind: 'update' }));
    await rows().first().getByRole('button').first().click();
    await expect.element(rows().first()).not.toHaveAttribute('data-unread');
    const results = await axe.run(updates().element());
    expect(results.violations).toEqual([]);
    expect(view.container).toBeTruthy();
  });
});
