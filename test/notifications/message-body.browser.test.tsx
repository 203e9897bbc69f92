import { RichTextView } from '@aside/composer/rich-text';
import { notificationsForMessage, type RichTextNode } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import type { MessageBodyProps } from '@aside/notifications';
import { expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { doc, mention, text } from '../core/helpers';
import { eventFor, renderNotifications } from './render';
import '../../packages/composer/src/styles.css';

const marked = (value: string, mark: NonNullable<RichTextNode['marks']>[number]): RichTextNode => ({
  ...text(value),
  marks: [mark],
});

const body = doc(
  mention(demoAgents.sam.id, 'Sam Rivera'),
  text(' please check the '),
  marked('refund', { type: 'bold' }),
  text(' in '),
  marked('the ledger', { type: 'link', attrs: { href: 'https://ledger.example/4821' } }),
);

/** What the reference app passes: the stored note, drawn safely, links as text in the row. */
const MessageBody = ({ event }: MessageBodyProps) =>
  event.body ? <RichTextView body={event.body} links={false} /> : event.excerpt;

it('R14, R20: a Messaging updates row shows the notified message as rich text: mention chip, bold, no link inside the row’s button', async () => {
  const { backend } = await renderNotifications({
    updates: true,
    updatesProps: { components: { MessageBody } },
  });
  backend.emit(eventFor({ excerpt: '@Sam Rivera please check the refund in the ledger', body }));
  const row = page.getByRole('button', { name: 'Unread Refund for order #4821' });
  await expect.element(row).toHaveTextContent('please check the refund');
  const button = row.element();
  expect(button.querySelector('.aside-mention')?.textContent).toBe('@Sam Rivera');
  expect(button.querySelector('strong')?.textContent).toBe('refund');
  expect(button.querySelector('a')).toBeNull();
  expect(button.textContent).toContain('the ledger');
});

it('R14: without a MessageBody slot, or for an event without a body, the row shows the excerpt', async () => {
  const { backend } = await renderNotifications({ updates: true });
  backend.emit(eventFor({ excerpt: 'Plain excerpt', body }));
  const row = page.getByRole('button', { name: 'Unread Refund for order #4821' });
  await expect.element(row).toHaveTextContent('Plain excerpt');
  expect(row.element().querySelector('strong, .aside-mention')).toBeNull();
});

it('R14: a notification carries the stored message body; one with a bad body is refused like any bad field', async () => {
  const conversation = {
    id: 'conv-refund',
    channel: 'messaging' as const,
    subject: 'Refund',
    requesterId: 'user-1',
    assigneeId: null,
    followerIds: [demoAgents.sam.id],
    access: {},
    defaultAccess: 'edit' as const,
    messages: [],
    version: 1,
  };
  const [event] = notificationsForMessage(
    {
      id: 'msg-1',
      conversationId: 'conv-refund',
      authorId: demoAgents.jane.id,
      kind: 'internal-note',
      body,
      text: '@Sam Rivera please check the refund in the ledger',
      mentionIds: [demoAgents.sam.id],
      createdAt: 1,
    },
    demoAgents.jane,
    conversation,
  );
  expect(event?.body).toEqual(body);
  const { backend, store } = await renderNotifications({ updates: true });
  backend.emit(eventFor({ id: 'evt-bad', body: { type: 'script' } }));
  await expect
    .poll(() => store.getSnapshot().error?.message)
    .toMatch(/body must be valid rich text/);
  backend.emit(eventFor({ id: 'evt-good', body }));
  await expect
    .poll(() => store.getSnapshot().notifications.items.map((item) => item.event.id))
    .toEqual(['evt-good']);
});
