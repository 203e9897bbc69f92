import {
  Composer,
  type ComposerToolbarProps,
  toggleFormat,
  useFormattingState,
} from '@aside/composer';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../../packages/composer/src/styles.css';
import { withMemoryWorkspace } from '../support/memory-workspace';

const HOUR = 3_600_000;
const conversationId = 'conv-refund';

const meta = {
  title: 'Composer/Toolbar',
  component: Composer,
  args: { conversationId },
  parameters: {
    docs: {
      description: {
        component:
          'The formatting toolbar: bold, italic, inline code, bulleted and numbered lists, link. One Tab stop; ←/→ (mirrored in right-to-left text), Home and End move between buttons; Escape goes back to the editor. Each button shows its state (`aria-pressed`) and its shortcut. Ctrl/⌘+K opens the link popover from the editor. Markdown works too: `**bold**`, `*italic*`, `` `code` ``, `- `, `1. `.',
      },
    },
  },
  decorators: [withMemoryWorkspace()],
} satisfies Meta<typeof Composer>;
export default meta;

type Story = StoryObj<typeof meta>;

const editorOf = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('textbox', {}, { timeout: 5_000 });
const buttonOf = (canvasElement: HTMLElement, name: string) =>
  within(within(canvasElement).getByRole('toolbar', { name: 'Formatting' })).getByRole('button', {
    name,
  });

/** Type into the editor and select all of it. */
const typeAndSelect = async (canvasElement: HTMLElement, text: string) => {
  const editor = await editorOf(canvasElement);
  await userEvent.click(editor);
  await userEvent.keyboard(text);
  await userEvent.keyboard('{Control>}a{/Control}');
  return editor;
};

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await editorOf(canvasElement);
    const bold = buttonOf(canvasElement, 'Bold');
    await expect(bold).toHaveAttribute('aria-pressed', 'false');
    await expect(bold).toHaveAttribute('aria-keyshortcuts', 'Control+B Meta+B');
  },
};

export const MarksActive: Story = {
  name: 'Marks and list active',
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Your refund is on its way');
    await userEvent.keyboard('{Control>}b{/Control}{Control>}i{/Control}');
    await userEvent.click(buttonOf(canvasElement, 'Bulleted list'));
    for (const name of ['Bold', 'Italic', 'Bulleted list']) {
      await expect(buttonOf(canvasElement, name)).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(buttonOf(canvasElement, 'Inline code')).toHaveAttribute('aria-pressed', 'false');
  },
};

export const InternalNote: Story = {
  decorators: [
    withMemoryWorkspace({
      prepare: (_backend, store) => store.setMode(conversationId, 'internal-note'),
    }),
  ],
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Checked with billing');
    await userEvent.click(buttonOf(canvasElement, 'Inline code'));
    await expect(buttonOf(canvasElement, 'Inline code')).toHaveAttribute('aria-pressed', 'true');
  },
};

export const LinkPopoverOpen: Story = {
  name: 'Link popover open',
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Track your order');
    await userEvent.keyboard('{Control>}k{/Control}');
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Link' });
    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: 'Web or e-mail address' })).toHaveFocus(),
    );
  },
};

export const LinkError: Story = {
  name: 'Link popover with an invalid address',
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Click here');
    await userEvent.click(buttonOf(canvasElement, 'Link'));
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Link' });
    await userEvent.keyboard('javascript:alert(1){Enter}');
    await expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Enter a web address (https://…) or an e-mail address.',
    );
    await expect(canvasElement.querySelector('.ProseMirror a')).toBeNull();
  },
};

export const EditingLink: Story = {
  name: 'Editing a link (with Remove link)',
  play: async ({ canvasElement }) => {
    const editor = await typeAndSelect(canvasElement, 'Refund policy');
    await userEvent.keyboard('{Control>}k{/Control}');
    await within(canvasElement).findByRole('dialog', { name: 'Link' });
    await userEvent.keyboard('https://example.com/refunds{Enter}');
    await waitFor(() => expect(editor.querySelector('a')).not.toBeNull());
    await userEvent.click(buttonOf(canvasElement, 'Link'));
    const dialog = await within(canvasElement).findByRole('dialog', { name: 'Link' });
    await expect(within(dialog).getByRole('textbox')).toHaveValue('https://example.com/refunds');
    await expect(within(dialog).getByRole('button', { name: 'Remove link' })).toBeVisible();
  },
};

export const DisabledWhileSending: Story = {
  name: 'Disabled while sending',
  decorators: [
    withMemoryWorkspace({ prepare: (backend) => backend.setLatency('submitMessage', HOUR) }),
  ],
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    await userEvent.click(editor);
    await userEvent.keyboard('On its way');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send reply' }));
    await within(canvasElement).findByRole('button', { name: 'Sending…' });
    for (const button of within(canvasElement).getByRole('toolbar').querySelectorAll('button')) {
      await expect(button).toHaveAttribute('aria-disabled', 'true');
    }
  },
};

export const RightToLeft: Story = {
  parameters: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'שלום');
    await userEvent.keyboard('{Control>}b{/Control}');
    buttonOf(canvasElement, 'Bold').focus();
    // The arrow keys follow what the agent sees: left is the next button in RTL.
    await userEvent.keyboard('{ArrowLeft}');
    await expect(buttonOf(canvasElement, 'Italic')).toHaveFocus();
    await expect(buttonOf(canvasElement, 'Bold')).toHaveAttribute('aria-pressed', 'true');
  },
};

export const Dark: Story = {
  name: 'Dark (marks active, link popover open)',
  parameters: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Order shipped');
    await userEvent.keyboard('{Control>}b{/Control}');
    await expect(buttonOf(canvasElement, 'Bold')).toHaveAttribute('aria-pressed', 'true');
    await userEvent.keyboard('{Control>}k{/Control}');
    await expect(await within(canvasElement).findByRole('dialog', { name: 'Link' })).toBeVisible();
  },
};

export const Hidden: Story = {
  name: 'Hidden (toolbar={false})',
  args: { toolbar: false },
  play: async ({ canvasElement }) => {
    await editorOf(canvasElement);
    await expect(within(canvasElement).queryByRole('toolbar')).toBeNull();
  },
};

function HostToolbar({ editor, labels, disabled }: ComposerToolbarProps) {
  const active = useFormattingState(editor);
  return (
    <div role="toolbar" aria-label="Host formatting">
      <button
        type="button"
        aria-pressed={active.bold}
        aria-disabled={disabled || undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => editor && !disabled && toggleFormat(editor, 'bold')}
      >
        {labels.formats.bold}
      </button>
    </div>
  );
}

export const HostToolbarStory: Story = {
  name: 'Replaced by the host (headless)',
  args: { toolbar: (props: ComposerToolbarProps) => <HostToolbar {...props} /> },
  play: async ({ canvasElement }) => {
    await typeAndSelect(canvasElement, 'Thanks');
    const toolbar = within(canvasElement).getByRole('toolbar', { name: 'Host formatting' });
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Bold' }));
    await expect(within(toolbar).getByRole('button', { name: 'Bold' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  },
};
