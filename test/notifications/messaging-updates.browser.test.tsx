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

  it('R14: Reply on an item opens its conversation to reply, in Internal note', async () => {
    const { backend, store, onOpenConversation } = await renderNotifications({ updates: true });
    const event = eventFor();
    backend.emit(event);
    await page.getByRole('button', { name: 'Reply in Refund for order #4821' }).click();
    expect(onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: event.id,
    });
    expect(store.getSnapshot().composers['conv-refund']?.mode).toBe('internal-note');
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

  it('R14: with 10,000 updates in 5 conversations only the visible rows are drawn, and the keyboard reaches the last one', async () => {
    const { backend } = await renderNotifications({ updates: true });
    for (let n = 0; n < 10_000; n++)
      backend.emit(
        eventFor({
          kind: 'update',
          conversationId: `conv-${n % 5}`,
          conversationSubject: `Case ${n}`,
          createdAt: n,
        }),
      );
    await expect.element(rows().first()).toHaveTextContent('Case 9999');
    expect(rows().elements().length).toBeLessThan(40);
    await expect.element(rows().first()).toHaveAttribute('aria-setsize', '2000');
    (rows().first().getByRole('button').first().element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('button', { name: /^Unread Case 9994 / })).toHaveFocus();
    await userEvent.keyboard('{End}');
    // The last conversation is the one whose newest update is oldest; its oldest update ends it.
    await expect.element(page.getByRole('button', { name: /^Unread Case 0 / })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(page.getByRole('button', { name: /^Unread Case 5 / })).toHaveFocus();
    await expect
      .element(
        page
          .getByRole('button', { name: /^Unread Case 5 / })
          .element()
          .closest('li')!,
      )
      .toHaveAttribute('aria-posinset', '1999');
    expect(rows().elements().length).toBeLessThan(40);
    await userEvent.keyboard('{Home}');
    await expect.element(page.getByRole('button', { name: /^Unread Case 9999 / })).toHaveFocus();
  });

  it('R14: updates are grouped by conversation, the group with the newest update first, newest first inside', async () => {
    const { backend } = await renderNotifications({ updates: true });
    backend.emit(eventFor({ excerpt: 'Refund 1', createdAt: 1_000 }));
    backend.emit(
      eventFor({
        kind: 'update',
        conversationId: 'conv-printer',
        conversationSubject: 'Printer will not connect',
        excerpt: 'Printer 1',
        createdAt: 2_000,
      }),
    );
    backend.emit(eventFor({ kind: 'update', excerpt: 'Refund 2', createdAt: 3_000 }));
    const refund = updates().getByRole('list', { name: 'Refund for order #4821' });
    const printer = updates().getByRole('list', { name: 'Printer will not connect' });
    await expect.element(refund.getByRole('listitem').nth(1)).toBeInTheDocument();
    expect(
      updates()
        .getByRole('heading', { level: 3 })
        .elements()
        .map((heading) => heading.textContent),
    ).toEqual(['Refund for order #4821', 'Printer will not connect']);
    expect(
      refund
        .getByRole('listitem')
        .elements()
        .map((row) => row.textContent),
    ).toEqual([expect.stringContaining('Refund 2'), expect.stringContaining('Refund 1')]);
    // Each row is heard in its conversation's list, counted within it.
    await expect.element(refund.getByRole('listitem').nth(1)).toHaveAttribute('aria-posinset', '2');
    await expect.element(refund.getByRole('listitem').nth(1)).toHaveAttribute('aria-setsize', '2');
    await expect.element(printer.getByRole('listitem')).toHaveAttribute('aria-setsize', '1');
    await expect.element(updates()).toHaveTextContent('2 unread');
    // The arrow keys walk across conversations, past their headers.
    (refund.getByRole('button', { name: /Refund 1/ }).element() as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(printer.getByRole('button', { name: /Printer 1/ })).toHaveFocus();
  });

  it('R14: Mark read on a conversation marks only its updates read', async () => {
    const { backend, store } = await renderNotifications({ updates: true });
    backend.emit(eventFor());
    backend.emit(eventFor({ kind: 'update' }));
    backend.emit(
      eventFor({
        conversationId: 'conv-printer',
        conversationSubject: 'Printer will not connect',
      }),
    );
    const markRefundRead = page.getByRole('button', {
      name: 'Mark read Refund for order #4821',
    });
    await markRefundRead.click();
    const refund = updates().getByRole('list', { name: 'Refund for order #4821' });
    await expect.element(refund.getByRole('listitem').first()).not.toHaveAttribute('data-unread');
    await expect.element(refund.getByRole('listitem').nth(1)).not.toHaveAttribute('data-unread');
    await expect.element(markRefundRead).toBeDisabled();
    await expect
      .element(
        updates().getByRole('list', { name: 'Printer will not connect' }).getByRole('listitem'),
      )
      .toHaveAttribute('data-unread');
    expect(store.getSnapshot().notifications.unreadCount).toBe(1);
    await expect.element(updates()).toHaveTextContent('1 unread');
  });

  it('has no axe violations with read and unread items in two conversations', async () => {
    const { backend, view } = await renderNotifications({ updates: true });
    backend.emit(eventFor());
    backend.emit(eventFor({ kind: 'update' }));
    backend.emit(
      eventFor({ conversationId: 'conv-printer', conversationSubject: 'Printer will not connect' }),
    );
    await rows().first().getByRole('button').first().click();
    await expect.element(rows().first()).not.toHaveAttribute('data-unread');
    const results = await axe.run(updates().element());
    expect(results.violations).toEqual([]);
    expect(view.container).toBeTruthy();
  });
});
