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
import { PastedHtmlCleaner } from './clean-pasted-html';
import { SafeLink } from './safe-link';

export interface FormattingOptions {
  /** Placeholder shown while the editor is empty; a function so it can follow the mode. */
  readonly placeholder: () => string;
  /** Mod+K: open a link editor (the Composer's popover). Without it, Mod+K does nothing. */
  readonly onEditLink?: () => void;
}

/**
 * The schema a support composer needs: paragraphs, bold, italic, lists, links, inline code,
 * line breaks, undo/redo. Pasted HTML is rebuilt from an allow-list first (no pasted markup can
 * throw or clobber the parser), then parsed against the schema, so anything else (scripts, styles,
 * tables, unknown tags) is dropped on paste. Markdown typed as `**bold**`, `*italic*`, `` `code` ``,
 * `- `, `1. ` becomes formatting (Ctrl+Z or Backspace turns it back into the typed text).
 */
export function formattingExtensions({ placeholder, onEditLink }: FormattingOptions): Extensions {
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
    SafeLink.configure({ onEditLink: onEditLink ?? null }),
    PastedHtmlCleaner,
    UndoRedo,
    Placeholder.configure({ placeholder: () => placeholder() }),
  ];
}
