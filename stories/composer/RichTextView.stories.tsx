import { RichTextView } from '@aside/composer/rich-text';
import type { RichTextNode } from '@aside/core';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import '../../packages/composer/src/styles.css';

const note: RichTextNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Refund ' },
        { type: 'text', text: 'approved', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' — ' },
        { type: 'mention', attrs: { id: 'agent-jane', label: 'Jane Doe' } },
        { type: 'text', text: ', can you confirm with ' },
        { type: 'text', text: 'the carrier', marks: [{ type: 'italic' }] },
        { type: 'text', text: '? Order: ' },
        {
          type: 'text',
          text: 'example.com/order/4821',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/order/4821' } }],
        },
      ],
    },
    {
      type: 'orderedList',
      content: ['Check the payment', 'Reply to the customer'].map((text) => ({
        type: 'listItem',
        content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
      })),
    },
  ],
};

const meta = {
  title: 'Composer/RichTextView',
  component: RichTextView,
  args: { body: note },
  parameters: {
    docs: {
      description: {
        component:
          'R20: a stored message rendered without an editor (`@aside/composer/rich-text`): only the schema’s nodes, mentions as chips, links to http, https and mailto only, opened with `rel="noopener noreferrer"`. A body that is not valid rich text shows a placeholder for that message alone.',
      },
    },
  },
} satisfies Meta<typeof RichTextView>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Note: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('@Jane Doe')).toHaveClass('aside-mention');
    await expect(canvas.getByRole('link', { name: 'example.com/order/4821' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2);
  },
};

export const InvalidBody: Story = {
  args: {
    body: {
      type: 'doc',
      content: [{ type: 'script', text: 'alert(1)' }],
    } as RichTextNode,
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('This message could not be shown')).toBeVisible();
    await expect(canvasElement.querySelector('script')).toBeNull();
  },
};

export const Dark: Story = {
  decorators: [
    (Story) => (
      <div data-aside-theme="dark" style={{ background: '#1f2226', color: '#f1f3f5', padding: 16 }}>
        <Story />
      </div>
    ),
  ],
};
