import type { ChainedCommands, Editor } from '@tiptap/core';

/** What the toolbar offers, in its order. */
export const FORMATS = ['bold', 'italic', 'code', 'bulletList', 'orderedList', 'link'] as const;
export type FormatName = (typeof FORMATS)[number];
/** Whether each format is active at the selection. */
export type FormattingState = Readonly<Record<FormatName, boolean>>;

// Keys as Tiptap binds them: Mod+B, Mod+I, Mod+E, Mod+Shift+8, Mod+Shift+7, and our Mod+K.
const KEYS: Readonly<Record<FormatName, string>> = {
  bold: 'B',
  italic: 'I',
  code: 'E',
  bulletList: 'Shift+8',
  orderedList: 'Shift+7',
  link: 'K',
};

/** For `aria-keyshortcuts` (both platforms) and for the tooltip (the agent's platform). */
export function formatShortcut(format: FormatName, mac: boolean) {
  const key = KEYS[format];
  return {
    aria: `Control+${key} Meta+${key}`,
    display: mac
      ? `${key.startsWith('Shift+') ? '⇧' : ''}⌘${key.replace('Shift+', '')}`
      : `Ctrl+${key}`,
  };
}

const TOGGLES: Readonly<
  Record<Exclude<FormatName, 'link'>, (chain: ChainedCommands) => ChainedCommands>
> = {
  bold: (chain) => chain.toggleBold(),
  italic: (chain) => chain.toggleItalic(),
  code: (chain) => chain.toggleCode(),
  bulletList: (chain) => chain.toggleBulletList(),
  orderedList: (chain) => chain.toggleOrderedList(),
};

/** Turn a format on or off at the selection, as its keyboard shortcut would. Links: `setLink`. */
export function toggleFormat(editor: Editor, format: Exclude<FormatName, 'link'>): boolean {
  return TOGGLES[format](editor.chain()).run();
}

/** Bit i is set when FORMATS[i] is active: one number, so subscribers re-render only on change. */
export function activeFormatBits(editor: Editor): number {
  return FORMATS.reduce(
    (bits, format, index) => (editor.isActive(format) ? bits | (1 << index) : bits),
    0,
  );
}
