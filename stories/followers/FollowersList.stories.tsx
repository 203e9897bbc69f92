import { demoAgents } from '@aside/core/memory';
import { FollowersList } from '@aside/followers';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import '../../packages/followers/src/styles.css';
import { MemoryWorkspace } from '../support/memory-workspace';

const { ada, jane, jamie, nora, lee, cora } = demoAgents;

const meta = {
  title: 'Followers/FollowersList',
  component: FollowersList,
  args: { conversationId: 'conv-refund' },
  parameters: {
    docs: {
      description: {
        component:
          'R9–R11: chips for the assignee and followers. Tab to a chip, move with the arrow keys, Delete removes it; removal is optimistic with Undo and rolls back with an error when the backend refuses.',
      },
    },
  },
} satisfies Meta<typeof FollowersList>;
export default meta;

type Story = StoryObj<typeof meta>;

const withFollowers =
  (
    conversationId: string,
    followerIds: string[],
    extra?: Parameters<typeof MemoryWorkspace>[0]['prepare'],
  ) =>
  (Story: () => ReactNode) => (
    <MemoryWorkspace
      prepare={(backend, store) => {
        backend.updateConversation(conversationId, () => ({ followerIds }));
        extra?.(backend, store);
      }}
    >
      <Story />
    </MemoryWorkspace>
  );

/** The usual case: Sam is assigned, three colleagues follow, Sam may remove them. */
export const Several: Story = {
  decorators: [withFollowers('conv-refund', [ada.id, jane.id, jamie.id])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('button', { name: 'Remove Jane Doe' })).toBeVisible();
  },
};

export const Empty: Story = {
  args: { conversationId: 'conv-printer' },
  decorators: [
    (Story) => (
      <MemoryWorkspace
        prepare={(backend) =>
          backend.updateConversation('conv-printer', () => ({ assigneeId: null, followerIds: [] }))
        }
      >
        <Story />
      </MemoryWorkspace>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No followers yet')).toBeVisible();
  },
};

/** More followers than `maxVisible`: "+N" reveals the rest. */
export const Overflow: Story = {
  args: { maxVisible: 3 },
  decorators: [withFollowers('conv-refund', [ada.id, jane.id, jamie.id, nora.id, lee.id, cora.id])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Show 4 more followers' }));
    await expect(await canvas.findByText('Cora Mills')).toBeVisible();
  },
};

/** Sam can only view this conversation: no X, no Add follower (R10). */
export const NoPermission: Story = {
  args: { conversationId: 'conv-readonly' },
  decorators: [withFollowers('conv-readonly', [jane.id, jamie.id])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText('Jane Doe');
    await expect(canvas.queryByRole('button', { name: /Remove/ })).toBeNull();
  },
};

/** The backend refuses: the chip comes back and an error says so (R11). */
export const RemovalRefused: Story = {
  decorators: [
    withFollowers('conv-refund', [ada.id, jane.id], (backend) => backend.fail('removeFollower')),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove Jane Doe' }));
    // A friendly text by error code; the backend's own words only in the title.
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'The change could not be saved. Try again.',
    );
    await expect(await canvas.findByText('Jane Doe')).toBeVisible();
  },
};

/** Self-invite without writing a note (R6): Add follower, type "Sam", Enter. */
export const AddYourself: Story = {
  args: { conversationId: 'conv-printer' },
  decorators: [withFollowers('conv-printer', [])],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const page = within(canvasElement.ownerDocument.body);
    await userEvent.click(await canvas.findByRole('button', { name: 'Add follower' }));
    await userEvent.type(await page.findByRole('combobox', { name: /Search agents/ }), 'Sam');
    await userEvent.click(await page.findByRole('option', { name: /Sam Rivera/ }));
    await expect(await canvas.findByRole('button', { name: 'Remove Sam Rivera' })).toBeVisible();
  },
};

export const Dark: Story = {
  decorators: [withFollowers('conv-refund', [ada.id, jane.id, jamie.id])],
  parameters: { theme: 'dark' },
};

export const RightToLeft: Story = {
  decorators: [withFollowers('conv-refund', [ada.id, jane.id, jamie.id])],
  parameters: { direction: 'rtl' },
};
