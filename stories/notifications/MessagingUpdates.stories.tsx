import type { NotificationEvent } from '@aside/core';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { MessagingUpdates } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import '../../packages/notifications/src/styles.css';
import { manyEvents, storyEvent } from './notification-events';

function Inbox({ events, children }: { events: () => NotificationEvent[]; children: ReactNode }) {
  const [{ backend, store }] = useState(() => {
    const memory = createMemoryBackend();
    return {
      backend: memory,
      store: createAsideStore({
        adapters: memory.adaptersFor(demoAgents.sam.id),
        currentAgentId: demoAgents.sam.id,
      }),
    };
  });
  useEffect(() => {
    const all = events();
    for (const event of all) backend.emit(event);
    const read = all.filter((_, index) => index % 3 === 1);
    queueMicrotask(() => store.markRead({ eventIds: read.map((event) => event.id) }));
  }, [backend, store, events]);
  useEffect(() => () => store.destroy(), [store]);
  return (
    <AsideProvider store={store}>
      <div style={{ maxInlineSize: '36rem' }}>{children}</div>
    </AsideProvider>
  );
}

const meta = {
  title: 'Notifications/MessagingUpdates',
  component: MessagingUpdates,
  args: { onOpenConversation: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'R14: updates to followed conversations, grouped by conversation: the conversation with the newest update first, newest first inside, each with its unread count and a Mark read for that conversation. Choosing one (or Reply) opens the conversation in the composer and marks it read. Only the visible rows are drawn, so 10,000 items stay fast; arrow keys, Page Up/Down, Home and End move through them.',
      },
    },
  },
} satisfies Meta<typeof MessagingUpdates>;
export default meta;

type Story = StoryObj<typeof meta>;

const inbox = (events: () => NotificationEvent[]) => (Story: () => ReactNode) => (
  <Inbox events={events}>
    <Story />
  </Inbox>
);

export const Empty: Story = { decorators: [inbox(() => [])] };

const someEvents = () => [
  storyEvent('some-1', { createdAt: 1 }),
  storyEvent('some-2', {
    kind: 'update',
    actorName: 'Ada Lindqvist',
    conversationId: 'conv-printer',
    conversationSubject: 'Printer will not connect',
    excerpt: 'Tried the new driver, still offline.',
    createdAt: 2,
  }),
  storyEvent('some-3', {
    kind: 'update',
    actorName: 'Jamie Okafor',
    excerpt: 'Refund approved by finance.',
    createdAt: 3,
  }),
];

/** Read and unread items; choosing one opens it and marks it read. */
export const SomeUnread: Story = {
  decorators: [inbox(someEvents)],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [first] = await canvas.findAllByRole('button', {
      name: /^Unread Refund for order #4821/,
    });
    await userEvent.click(first!);
    await expect(args.onOpenConversation).toHaveBeenCalledWith('conv-refund', {
      focus: 'composer',
      eventId: 'some-3',
    });
  },
};

/** R14: one group per conversation; Mark read clears only that conversation. */
export const GroupedByConversation: Story = {
  decorators: [inbox(someEvents)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const headings = await canvas.findAllByRole('heading', { level: 3 });
    await expect(headings.map((heading) => heading.textContent)).toEqual([
      'Refund for order #4821',
      'Printer will not connect',
    ]);
    await expect(canvas.getAllByText('2 unread')).toHaveLength(2);
    const markRefundRead = canvas.getByRole('button', {
      name: 'Mark read Refund for order #4821',
    });
    await userEvent.click(markRefundRead);
    await expect(markRefundRead).toBeDisabled();
    // The printer update was already read; nothing is unread any more.
    await expect(canvas.queryByText(/unread/)).toBeNull();
  },
};

const tenThousand = () => manyEvents(10_000);

/** The list keeps its speed with 10,000 items: only what is on screen is drawn. */
export const TenThousandItems: Story = {
  decorators: [inbox(tenThousand)],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/Update 10000:/);
    await expect(canvas.getAllByRole('listitem').length).toBeLessThan(40);
  },
};

export const Dark: Story = {
  decorators: [inbox(someEvents)],
  parameters: { theme: 'dark' },
};

export const RightToLeft: Story = {
  decorators: [inbox(someEvents)],
  parameters: { direction: 'rtl' },
};
