import { type MentionSuggestions, useMentionSuggestions } from '@aside/composer';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { HostEditor, typeIntoHostEditor, withInternalNote } from './host-editor';

/** A host's own menu, drawn from `useMentionSuggestions`: state and actions, no Aside markup. */
function HostMenu({ suggestions }: { readonly suggestions: MentionSuggestions }) {
  const menu = useMentionSuggestions(suggestions);
  if (!menu.open) return null;
  if (menu.status === 'unavailable') return <p>Mentions are off ({menu.reason})</p>;
  if (menu.items.length === 0) return <p>{menu.status === 'loading' ? 'Searching…' : 'No one'}</p>;
  return (
    <div role="listbox" aria-label="Colleagues">
      {menu.items.map((item, index) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: the editor's keys drive the menu
        <div
          key={item.agent.id}
          role="option"
          tabIndex={-1}
          aria-selected={index === menu.activeIndex}
          style={{ fontWeight: index === menu.activeIndex ? 700 : 400 }}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => menu.choose(index)}
        >
          {item.agent.name}
        </div>
      ))}
    </div>
  );
}

function HostEditorWithOwnMenu() {
  return (
    <HostEditor>{(_editor, suggestions) => <HostMenu suggestions={suggestions} />}</HostEditor>
  );
}

const meta = {
  title: 'Headless/useMentionSuggestions',
  component: HostEditorWithOwnMenu,
  parameters: {
    docs: {
      description: {
        component:
          "`useMentionSuggestions(suggestions)` gives the menu's state (`open`, `status`, `query`, `items`, `activeIndex`, `reason`) and actions (`highlight`, `choose`, `close`, `retry`) for a host that draws its own menu. The editor's keys still drive it: ↑/↓ wrap through the results, Enter or Tab chooses, Escape closes.",
      },
    },
  },
  decorators: [withInternalNote],
} satisfies Meta<typeof HostEditorWithOwnMenu>;
export default meta;

type Story = StoryObj<typeof meta>;

export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const editor = await typeIntoHostEditor(canvasElement, '@ja');
    const listbox = await canvas.findByRole('listbox', { name: 'Colleagues' });
    const options = within(listbox).getAllByRole('option');
    const last = options[options.length - 1]!;
    await expect(options[0]).toHaveAttribute('aria-selected', 'true');
    // ArrowUp from the first result wraps to the last.
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(last).toHaveAttribute('aria-selected', 'true'));
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(options[0]).toHaveAttribute('aria-selected', 'true'));
    const chosen = options[0]!.textContent;
    await userEvent.keyboard('{Tab}');
    await waitFor(() => expect(canvas.queryByRole('listbox')).toBeNull());
    await expect(editor.querySelector('[data-type="mention"]')).toHaveAttribute(
      'data-label',
      chosen,
    );
  },
};
