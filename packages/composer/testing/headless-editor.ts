// Test support, not shipped: lives here so it resolves the package's own Tiptap dependency.
import type { ComposerMode, Decision, MentionUnavailableReason } from '@aside/core';
import { Editor, type JSONContent } from '@tiptap/core';
import {
  createAsideMention,
  createMentionSuggestions,
  formattingExtensions,
  type MentionGateState,
} from '../src';

/** A headless Tiptap editor with the composer's schema and mention gate, as a host would build it. */
export function headlessEditor(
  mode: ComposerMode,
  mentions: Decision<MentionUnavailableReason> | null = { allowed: true },
  content?: JSONContent,
) {
  const gate: { current: MentionGateState } = { current: { mode, mentions } };
  const suggestions = createMentionSuggestions({
    search: async () => ({ suggestions: [], total: 0 }),
  });
  const editor = new Editor({
    extensions: [
      ...formattingExtensions({ placeholder: () => '' }),
      ...createAsideMention({ gate: () => gate.current, suggestions }),
    ],
    ...(content ? { content } : {}),
  });
  return { editor, gate };
}

export const mentionNode = (id: string, label: string): JSONContent => ({
  type: 'mention',
  attrs: { id, label },
});

export const paragraph = (...content: JSONContent[]): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content }],
});

/** A bare Tiptap editor (same schema, no React, no Aside state) mounted in `element`: the benchmark baseline. */
export function bareEditor(element: HTMLElement, content: JSONContent) {
  return new Editor({
    element,
    extensions: formattingExtensions({ placeholder: () => '' }),
    content,
  });
}
