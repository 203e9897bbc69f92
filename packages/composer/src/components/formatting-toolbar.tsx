import { useListNavigation } from '@aside/react';
import type { Editor } from '@tiptap/core';
import { type KeyboardEvent, memo, useRef, useState } from 'react';
import { FORMATS, formatShortcut, toggleFormat } from '../formatting/formats';
import { focusNow } from '../formatting/links';
import { useFormattingState } from '../formatting/use-formatting-state';
import type { ComposerLabels } from '../labels';
import { useMacShortcuts } from '../use-mac-shortcuts';
import { FORMAT_ICONS } from './icons';

/** What the Composer hands its toolbar slot; a host's own toolbar gets the same. */
export interface ComposerToolbarProps {
  readonly editor: Editor | null;
  readonly labels: ComposerLabels;
  /** True while a message is being sent: buttons stay focusable but do nothing. */
  readonly disabled: boolean;
  /** Open the link popover (what Mod+K does in the editor). */
  readonly onEditLink: () => void;
}

/**
 * The WAI-ARIA toolbar: one tab stop (roving tabindex), arrow keys between buttons (mirrored in
 * right-to-left text), Home/End, Escape back to the editor. Each button shows its state
 * (`aria-pressed`) and its shortcut (title and `aria-keyshortcuts`). A mouse click keeps the
 * caret in the editor; a key press keeps focus on the button so its new state is announced.
 * Re-renders only when a button's state changes, never per keystroke.
 */
export const FormattingToolbar = memo(function FormattingToolbar({
  editor,
  labels,
  disabled,
  onEditLink,
}: ComposerToolbarProps) {
  const active = useFormattingState(editor);
  const mac = useMacShortcuts();
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const navigate = useListNavigation({
    orientation: 'horizontal',
    wrap: true,
    count: FORMATS.length,
    onMove: (target) => {
      setCurrent(target);
      buttons.current[target]?.focus();
    },
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (editor) focusNow(editor);
      return;
    }
    navigate(event, current);
  };

  const run = (index: number) => {
    setCurrent(index);
    const format = FORMATS[index];
    if (disabled || !editor || !format) return;
    if (format === 'link') onEditLink();
    else toggleFormat(editor, format);
  };

  return (
    <div
      role="toolbar"
      aria-label={labels.toolbar}
      aria-keyshortcuts="Alt+F10"
      className="aside-toolbar"
      onKeyDown={onKeyDown}
    >
      {FORMATS.map((format, index) => {
        const shortcut = formatShortcut(format, mac);
        return (
          <button
            key={format}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            className="aside-toolbar__button"
            data-format={format}
            aria-label={labels.formats[format]}
            aria-pressed={active[format]}
            aria-haspopup={format === 'link' ? 'dialog' : undefined}
            aria-keyshortcuts={shortcut.aria}
            aria-disabled={disabled || undefined}
            title={`${labels.formats[format]} — ${labels.shortcutHint(shortcut.display)}`}
            tabIndex={index === current ? 0 : -1}
            // The editor keeps focus and selection while the mouse presses a button.
            onMouseDown={(event) => event.preventDefault()}
            onFocus={() => setCurrent(index)}
            onClick={() => run(index)}
          >
            {FORMAT_ICONS[format]}
          </button>
        );
      })}
    </div>
  );
});
