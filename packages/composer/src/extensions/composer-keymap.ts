import { Extension } from '@tiptap/core';

export interface ComposerKeymapOptions {
  /** Mod+Enter. Never called during an IME composition. */
  readonly onSubmit: () => void;
}

/** Mod+Enter submits. ProseMirror already skips keymaps while composing; the check is explicit too. */
export const ComposerKeymap = Extension.create<ComposerKeymapOptions>({
  name: 'asideComposerKeymap',
  addOptions() {
    return { onSubmit: () => {} };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Enter': ({ editor }) => {
        if (editor.view.composing) return false;
        this.options.onSubmit();
        return true;
      },
    };
  },
});
