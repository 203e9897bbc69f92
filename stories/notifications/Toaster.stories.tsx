import type { NotificationEvent } from '@aside/core';
import { createAsideStore } from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import { Toaster } from '@aside/notifications';
import { AsideProvider } from '@aside/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { type ReactNode, useEffect, useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';
import '../../packages/notifications/src/styles.css';
import { storyEvent } from './notification-events';

/** Sam's store; `events` arrive from the backend once mounted, and a button sends one more. */
function Inbox({ events, children }: { events: NotificationEvent[]; children: ReactNode }) {
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
  const [sent, setSent] = useState(0);
  useEffect(() => {
    for (const event of events) backend.emit(event);
  }, [backend, events]);
  useEffect(() => () => store.destroy(), [store]);
  return (
    <AsideProvider store={store}>
      <button
        type="button"
        onClick={() => {
          setSent(sent + 1);
          backend.emit(storyEvent(`played-${sent}`, { kind: sent % 2 ? 'update' : 'mention' }));
        }}
      >
        Send a notification
      </button>
      {children}
    </AsideProvider>
  );
}

const meta = {
  title: 'Notifications/Toaster',
  component: Toaster,
  args: { onOpenConversation: fn(), duration: Number.POSITIVE_INFINITY },
  argTypes: { placement: { control: 'select' } },
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'R12–R15: mention and update toasts in the upper-right corner (the inline end in RTL). Hover or focus pauses them; F8 moves focus to them; Escape dismisses the focused one; a swipe towards the inline end (left in RTL) past 60 px, or a quick flick, dismisses a toast, a shorter one snaps it back (state in `data-swipe`, offset in `--aside-swipe-x`). Stories keep toasts until dismissed (`duration: Infinity`); the default is 10 seconds.',
      },
    },
  },
} satisfies Meta<typeof Toaster>;
export default meta;

type Story = StoryObj<typeof meta>;

const inbox = (events: NotificationEvent[]) => (Story: () => ReactNode) => (
  <Inbox events={events}>
    <Story />
  </Inbox>
);

/** R12: "Jane Doe mentioned you in Refund for order #4821" with Reply. */
export const Mention: Story = {
  decorators: [inbox([storyEvent('mention-1')])],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByRole('button', { name: 'Reply' })).toBeInTheDocument();
    // The live region is filled right after the toast appears.
    await waitFor(() =>
      expect(body.getByRole('status')).toHaveTextContent('Jane Doe mentioned you'),
    );
  },
};

/** R13: three updates to one conversation make one toast that counts them. */
export const UpdatesCoalesced: Story = {
  decorators: [
    inbox(
      [1, 2, 3].map((n) =>
        storyEvent(`update-${n}`, {
          kind: 'update',
          actorName: 'Ada Lindqvist',
          excerpt: `The customer sent photo ${n} of the damaged parcel.`,
          createdAt: n,
        }),
      ),
    ),
  ],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    await expect(await body.findByText('3 new updates')).toBeInTheDocument();
  },
};

/** Five toasts: three shown, the rest counted. */
export const Stacked: Story = {
  decorators: [
    inbox(
      [
        'Refund for order #4821',
        'Printer will not connect',
        'Invoice address change',
        'Where is my parcel?',
        'Password reset loop',
      ].map((subject, n) =>
        storyEvent(`stacked-${n}`, {
          kind: n % 2 ? 'update' : 'mention',
          conversationId: `conv-${n}`,
          conversationSubject: subject,
          createdAt: n,
        }),
      ),
    ),
  ],
};

export const Dark: Story = {
  decorators: [
    inbox([
      storyEvent('dark-1'),
      storyEvent('dark-2', { kind: 'update', conversationId: 'conv-2' }),
    ]),
  ],
  parameters: { theme: 'dark' },
};

export const RightToLeft: Story = {
  decorators: [
    inbox([storyEvent('rtl-1'), storyEvent('rtl-2', { kind: 'update', conversationId: 'conv-2' })]),
  ],
  parameters: { direction: 'rtl' },
};

/** The real lifetime: each toast goes after 10 seconds unless hovered or focused. */
export const TenSeconds: Story = {
  args: { duration: 10_000 },
  decorators: [inbox([storyEvent('timed-1')])],
};

/** R15: drag the toast towards the inline end; past 60 px it goes, a shorter drag snaps back. */
export const SwipeToDismiss: Story = {
  decorators: [inbox([storyEvent('swipe-1')])],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body);
    const toast = (await body.findByRole('button', { name: 'Reply' })).closest('li')!;
    const box = toast.getBoundingClientRect();
    const send = (type: string, dx: number) =>
      toast.dispatchEvent(
        new PointerEvent(type, {
          bubbles: true,
          pointerId: 1,
          pointerType: 'touch',
          isPrimary: true,
          clientX: box.left + box.width / 2 + dx,
          clientY: box.top + box.height / 2,
        }),
      );
    send('pointerdown', 0);
    for (const dx of [20, 40, 80]) send('pointermove', dx);
    send('pointerup', 80);
    await waitFor(() => expect(body.queryByRole('button', { name: 'Reply' })).toBeNull());
  },
};
