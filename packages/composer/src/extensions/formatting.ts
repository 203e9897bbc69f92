import type { Extensions } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Code from '@tiptap/extension-code';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder } from '@tiptap/extensions/placeholder';
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { SafeLink } from './safe-link';

export interface FormattingOptions {
  /** Placeholder shown while the editor is empty; a function so it can follow the mode. */
  readonly placeholder: () => string;
}

/**
 * The schema a support composer needs: paragraphs, bold, italic, lists, links, inline code,
 * line breaks, undo/redo. Pasted content is parsed against it, so anything else
 * (scripts, styles, tables, unknown tags) is dropped on paste.
 */
export function formattingExtensions({ placeholder }: FormattingOptions): Extensions {
  return [
    Document,
    Paragraph,
    Text,
    Bold,
    Italic,
    Code,
    HardBreak,
    BulletList,
    OrderedList,
    ListItem,
    SafeLink,
    UndoRedo,
    Placeholder.configure({ placeholder: () => placeholder() }),
  ];
}
