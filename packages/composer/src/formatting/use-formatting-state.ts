import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useMemo } from 'react';
import { activeFormatBits, FORMATS, type FormattingState } from './formats';

/**
 * Which formats are active at the selection, for a toolbar. The selector returns one number, so
 * typing plain text re-renders nothing; only moving into or out of a format does.
 */
export function useFormattingState(editor: Editor | null): FormattingState {
  const bits = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? activeFormatBits(current) : 0),
  });
  return useMemo(
    () =>
      Object.fromEntries(
        FORMATS.map((format, index) => [format, ((bits ?? 0) & (1 << index)) !== 0]),
      ) as FormattingState,
    [bits],
  );
}
