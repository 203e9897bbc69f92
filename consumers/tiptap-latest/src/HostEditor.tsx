import { formattingExtensions } from '@aside/composer';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/**
 * The host's own editors, on the Tiptap version the host pins: one with StarterKit, one with
 * Aside's formatting schema. Both type-check and run only if Aside shares the host's Tiptap.
 */
export function HostEditor() {
  const notes = useEditor({ extensions: [StarterKit], content: '<p>Host notes.</p>' });
  const macro = useEditor({
    extensions: formattingExtensions({ placeholder: () => 'Write a macro…' }),
  });
  return (
    <section aria-label="Host editors">
      <EditorContent editor={notes} />
      <EditorContent editor={macro} />
    </section>
  );
}
