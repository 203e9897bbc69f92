import { defaultComposerLabels, MentionMenu } from '@aside/composer';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../../packages/composer/src/styles.css';
import { HostEditor, typeIntoHostEditor, withInternalNote } from './host-editor';

/** Aside's menu beside a host's own Tiptap editor: no `<Composer>`. */
function HostEditorWithMentionMenu() {
  return (
    <HostEditor>
      {(editor, suggestions) => (
        <MentionMenu editor={editor} suggestions={suggestions} labels={defaultComposerLabels} />
      )}
    </HostEditor>
  );
}

const meta = {
  title: 'Headless/MentionMenu',
  component: HostEditorWithMentionMenu,
  parameters: {
    docs: {
      description: {
        component:
          "`MentionMenu` on its own, under a host's Tiptap editor built with `createAsideMention` and `createMentionSuggestions`. The editor becomes a WAI-ARIA combobox while the menu is open: ↑/↓ move the highlight (`aria-activedescendant`), Enter or Tab inserts the mention, Escape closes the menu.",
      },
    },
  },
  decorators: [withInternalNote],
} satisfies Meta<typeof HostEditorWithMentionMenu>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const editor = await typeIntoHostEditor(canvasElement, 'Hi @ja');
    // The menu is portalled to the body; the editor now owns it as a combobox.
    const page = within(canvasElement.ownerDocument.body);
    const listbox = await page.findByRole('listbox', { name: 'Agents to mention' });
    const combobox = canvas.getByRole('combobox', { name: 'Internal note' });
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    const options = within(listbox).getAllByRole('option');
    await expect(options.length).toBeGreaterThan(1);
    await expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(options[1]).toHaveAttribute('aria-selected', 'true'));
    await expect(combobox).toHaveAttribute('aria-activedescendant', options[1]!.id);
    const chosen = options[1]!.textContent ?? '';
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(page.queryByRole('listbox')).toBeNull());
    const inserted = editor.querySelector('[data-type="mention"]');
    await expect(inserted).not.toBeNull();
    await expect(chosen).toContain(inserted?.getAttribute('data-label') ?? '—');
    // Escape closes a menu without inserting anything.
    await userEvent.keyboard('@');
    await page.findByRole('listbox', { name: 'Agents to mention' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(page.queryByRole('listbox')).toBeNull());
    await expect(editor.querySelectorAll('[data-type="mention"]')).toHaveLength(1);
  },
};
