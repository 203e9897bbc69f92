import type { Editor } from '@tiptap/core';
import { isSafeLink } from '../extensions/safe-link';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * What an agent typed into the link field, as a safe href, or null when it is not a web or
 * e-mail address. `example.com/help` means https, `help@example.com` means mailto.
 */
export function linkHref(input: string): string | null {
  const text = input.trim();
  if (!text || /\s/.test(text)) return null;
  const href = SCHEME.test(text) ? text : EMAIL.test(text) ? `mailto:${text}` : `https://${text}`;
  if (!isSafeLink(href)) return null;
  try {
    const url = new URL(href);
    if (url.protocol === 'mailto:') return url.pathname.includes('@') ? href : null;
    // Without a scheme, a host must look like a domain ("help" alone is a word, not an address).
    return url.hostname && (SCHEME.test(text) || url.hostname.includes('.')) ? href : null;
  } catch {
    return null;
  }
}

/** The href of the link at the selection, or '' when there is none. */
export function currentLink(editor: Editor): string {
  const href: unknown = editor.getAttributes('link').href;
  return typeof href === 'string' ? href : '';
}

/**
 * Link the selection (or the whole link the caret is in) to `href`; with an empty selection
 * outside a link, insert the address itself as a link. Refuses unsafe hrefs.
 */
export function setLink(editor: Editor, href: string): boolean {
  if (!isSafeLink(href)) return false;
  const chain = editor.chain();
  const link = { type: 'link', attrs: { href } };
  const done = editor.isActive('link')
    ? chain.extendMarkRange('link').setMark('link', { href }).run()
    : editor.state.selection.empty
      ? chain.insertContent({ type: 'text', text: href, marks: [link] }).run()
      : chain.setMark('link', { href }).run();
  focusNow(editor);
  return done;
}

/** Remove the link the caret or selection is in; its words stay. */
export function removeLink(editor: Editor): boolean {
  const done = editor.chain().extendMarkRange('link').unsetMark('link').run();
  focusNow(editor);
  return done;
}

/**
 * Back to the editor in this task, not a frame later (Tiptap's `focus()` waits for one), so no
 * key pressed right after Enter or Escape is lost.
 */
export function focusNow(editor: Editor) {
  if (!editor.isDestroyed) editor.view.focus();
}
