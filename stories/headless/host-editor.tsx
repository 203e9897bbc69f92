import {
  createAsideMention,
  createMentionSuggestions,
  formattingExtensions,
  type MentionGateState,
  type MentionSuggestions,
} from '@aside/composer';
import { useComposerState, useMentionSearch } from '@aside/react';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import { type ReactNode, useRef, useState } from 'react';
import { userEvent, within } from 'storybook/test';
import { withMemoryWorkspace } from '../support/memory-workspace';

export const conversationId = 'conv-refund';

/**
 * What a host writes to use Aside's mention pieces in its own editor: the Tiptap editor with
 * `createAsideMention`, the suggestion state from `createMentionSuggestions`, and the gate from
 * `useComposerState` (the core's mention decision for the current mode).
 */
export function HostEditor({
  children,
}: {
  readonly children: (editor: Editor | null, suggestions: MentionSuggestions) => ReactNode;
}) {
  const { composer, mentions } = useComposerState(conversationId);
  const gate = useRef<MentionGateState>({ mode: 'public-reply', mentions: null });
  gate.current = { mode: composer?.mode ?? 'public-reply', mentions };
  const search = useMentionSearch(conversationId);
  const [suggestions] = useState(() =>
    createMentionSuggestions({ search: (query, signal) => search(query, signal) }),
  );
  const editor = useEditor({
    immediatelyRender: false,
    extensions: [
      ...formattingExtensions({ placeholder: () => 'Type @ to mention a colleague' }),
      ...createAsideMention({ gate: () => gate.current, suggestions }),
    ],
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Internal note' },
    },
  });
  return (
    <div style={{ maxInlineSize: 480 }}>
      <EditorContent
        editor={editor}
        style={{ border: '1px solid #8a8f98', borderRadius: 6, padding: 8, minBlockSize: 48 }}
      />
      <p>{mentions?.allowed ? '@mentions are available' : 'Loading…'}</p>
      {children(editor, suggestions)}
    </div>
  );
}

/** The stories' workspace: Sam's composer on the refund conversation, in Internal note. */
export const withInternalNote = withMemoryWorkspace({
  prepare: (_backend, store) => store.setMode(conversationId, 'internal-note'),
});

/** Waits until mentions are available, then types `text` into the host's editor. */
export async function typeIntoHostEditor(canvasElement: HTMLElement, text: string) {
  const canvas = within(canvasElement);
  await canvas.findByText('@mentions are available', {}, { timeout: 5_000 });
  const editor = canvas.getByRole('textbox', { name: 'Internal note' });
  await userEvent.click(editor);
  await userEvent.keyboard(text);
  return editor;
}
