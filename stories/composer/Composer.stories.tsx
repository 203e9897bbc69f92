import { Composer } from '@aside/composer';
import { demoAgents } from '@aside/core/memory';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import '../../packages/composer/src/styles.css';
import { withMemoryWorkspace } from '../support/memory-workspace';

const HOUR = 3_600_000;
const conversationId = 'conv-refund';

const meta = {
  title: 'Composer/Composer',
  component: Composer,
  args: { conversationId },
  parameters: {
    docs: {
      description: {
        component:
          'R1–R8: Public reply / Internal note. In an internal note, type `@` and the start of a name to mention a colleague; mentioned agents become followers on submit. Ctrl/⌘+Alt+1/2 switch modes, Ctrl/⌘+Enter sends.',
      },
    },
  },
  decorators: [withMemoryWorkspace()],
} satisfies Meta<typeof Composer>;
export default meta;

type Story = StoryObj<typeof meta>;

const inNote = withMemoryWorkspace({
  prepare: (_backend, store) => store.setMode(conversationId, 'internal-note'),
});

const editorOf = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByRole('textbox', {}, { timeout: 5_000 });

/** Type into the note; the menu is portalled to the page body. */
const typeInNote = async (canvasElement: HTMLElement, text: string) => {
  const editor = await editorOf(canvasElement);
  await userEvent.click(editor);
  await userEvent.keyboard(text);
  return within(canvasElement.ownerDocument.body);
};

export const PublicReply: Story = {
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    await userEvent.click(editor);
    await userEvent.keyboard('Thanks @Jan, ');
    await expect(canvasElement.ownerDocument.querySelector('[role="listbox"]')).toBeNull();
  },
};

export const InternalNote: Story = { decorators: [inNote] };

export const MenuOpen: Story = {
  decorators: [inNote],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Jan');
    await expect(await page.findByRole('option', { name: /Jane Doe/ })).toBeVisible();
  },
};

/** More agents match than the menu shows (8): it says how many more, and typing narrows them. */
export const MenuMoreResults: Story = {
  name: 'Menu with more results (N more — keep typing)',
  decorators: [inNote],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Jam');
    await expect(await page.findByText(/^\d+ more — keep typing$/)).toBeVisible();
  },
};

export const MentionAdded: Story = {
  name: 'Mention added (who will follow)',
  decorators: [inNote],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, 'Can you check this @Nora');
    await page.findByRole('option', { name: /Nora Blake/ });
    await userEvent.keyboard('{Enter}');
    await expect(
      await within(canvasElement).findByText('Nora Blake will be added as a follower'),
    ).toBeVisible();
    await expect(
      within(canvasElement).getByText('Nora Blake can’t view this conversation'),
    ).toBeVisible();
  },
};

export const MenuLoading: Story = {
  decorators: [
    withMemoryWorkspace({
      prepare: (backend, store) => {
        store.setMode(conversationId, 'internal-note');
        backend.setLatency('search', HOUR);
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Jan');
    await expect((await page.findAllByText('Searching agents…'))[0]).toBeVisible();
  },
};

export const MenuEmpty: Story = {
  decorators: [inNote],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Zzzq');
    await expect((await page.findAllByText('No agent matches “Zzzq”'))[0]).toBeVisible();
  },
};

export const MenuError: Story = {
  decorators: [
    withMemoryWorkspace({
      prepare: (backend, store) => {
        store.setMode(conversationId, 'internal-note');
        backend.fail('search');
      },
    }),
  ],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Jan');
    await expect(await page.findByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

const unavailable = (
  reason: string,
  {
    conversation = conversationId,
    ...options
  }: Parameters<typeof withMemoryWorkspace>[0] & {
    conversation?: string;
  },
): Story => ({
  args: { conversationId: conversation },
  decorators: [
    withMemoryWorkspace({
      ...options,
      prepare: (_backend, store) => store.setMode(conversation, 'internal-note'),
    }),
  ],
  play: async ({ canvasElement }) => {
    const page = await typeInNote(canvasElement, '@Jan');
    await expect((await page.findAllByText(reason))[0]).toBeVisible();
  },
});

export const UnavailableLiveChat = unavailable('Live chat conversations don’t support @mentions', {
  conversation: 'conv-live',
});
export const UnavailableLightAgent = unavailable('Your role can’t add followers', {
  agentId: demoAgents.lee.id,
});
export const UnavailableCollaborationOff = unavailable('Collaboration is turned off by an admin', {
  backendOptions: { settings: { collaborationEnabled: false } },
});
/** R4: an agent who may only view is told so before typing; the editor takes no input. */
export const ViewOnly: Story = {
  args: { conversationId: 'conv-readonly' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('You can view this conversation but not reply to it or add notes.'),
    ).toBeVisible();
    const editor = await editorOf(canvasElement);
    await expect(editor).toHaveAttribute('aria-readonly', 'true');
    await expect(canvas.getByRole('button', { name: 'Send reply' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const Submitting: Story = {
  decorators: [
    withMemoryWorkspace({ prepare: (backend) => backend.setLatency('submitMessage', HOUR) }),
  ],
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    await userEvent.click(editor);
    await userEvent.keyboard('Your refund is on its way.');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send reply' }));
    await expect(
      await within(canvasElement).findByRole('button', { name: 'Sending…' }),
    ).toBeVisible();
  },
};

export const Failed: Story = {
  decorators: [withMemoryWorkspace({ prepare: (backend) => backend.fail('submitMessage') })],
  play: async ({ canvasElement }) => {
    const editor = await editorOf(canvasElement);
    await userEvent.click(editor);
    await userEvent.keyboard('This will not go through.');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send reply' }));
    await expect(await within(canvasElement).findByRole('alert')).toBeVisible();
    await expect(editor).toHaveTextContent('This will not go through.');
  },
};

export const Dark: Story = {
  decorators: [inNote],
  parameters: { theme: 'dark' },
};

export const RightToLeft: Story = {
  decorators: [inNote],
  parameters: { direction: 'rtl' },
};

export const TranslatedLabels: Story = {
  decorators: [inNote],
  args: {
    labels: {
      modes: { 'public-reply': 'Réponse publique', 'internal-note': 'Note interne' },
      internalNoteBanner: 'Note interne — visible uniquement par les agents',
      submit: { 'public-reply': 'Envoyer', 'internal-note': 'Ajouter la note' },
    },
  },
};
