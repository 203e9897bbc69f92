import { isSafeHref } from '@aside/core';
import { InputRule, Mark, mergeAttributes } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { isBareUrl, linkPastedUrls } from './link-paste';

/**
 * Links may only point to web pages and e-mail addresses; `javascript:` and friends are dropped.
 * The core's rule, the same one servers apply to stored bodies (R19).
 */
export const isSafeLink = isSafeHref;

// A URL followed by the space just typed; trailing punctuation stays outside the link. Not a
// newline: an input rule that matches Enter swallows the key (no new line, no Mod+Enter submit).
const TYPED_URL = /(?:^|\s)((?:https?:\/\/|mailto:)\S+?)[.,;:!?)\]]*[^\S\r\n]$/i;
// A URL right before the caret, when Enter is pressed.
const URL_BEFORE_CARET = /(?:^|\s)((?:https?:\/\/|mailto:)\S+?)[.,;:!?)\]]*$/i;

export interface SafeLinkOptions {
  /** Mod+K: open the host's link editor. Without it, Mod+K does nothing. */
  readonly onEditLink: (() => void) | null;
}

// While editing, a click on a link only places the caret; it never opens the address.
const keepLinksClosed = (_view: unknown, event: Event) => {
  if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
  return false;
};

/**
 * A `link` mark that only ever holds safe hrefs: autolink while typing and on paste (http, https,
 * mailto), a URL pasted over selected words links them, Mod+K asks the host to edit the link.
 * Smaller than `@tiptap/extension-link` (no linkify, about 10 kB gzipped).
 */
export const SafeLink = Mark.create<SafeLinkOptions>({
  name: 'link',
  priority: 1000,
  inclusive: false,
  keepOnSplit: false,
  addOptions() {
    return { onEditLink: null };
  },
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('href'),
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'a[href]',
        getAttrs: (element) => (isSafeLink(element.getAttribute('href')) ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    const href = isSafeLink(HTMLAttributes.href) ? HTMLAttributes.href.trim() : null;
    return [
      'a',
      mergeAttributes(HTMLAttributes, {
        href,
        rel: 'noopener noreferrer nofollow',
        target: '_blank',
      }),
      0,
    ];
  },
  addKeyboardShortcuts() {
    // Link a URL typed just before Enter, then let Enter (new line, or Mod+Enter send) go on.
    const linkBeforeEnter = () => {
      const { $from, empty } = this.editor.state.selection;
      const match =
        empty && !this.editor.view.composing
          ? URL_BEFORE_CARET.exec($from.parent.textBetween(0, $from.parentOffset, '\n', '\ufffc'))
          : null;
      const url = match?.[1];
      if (match && url) {
        const start = $from.pos - match[0].length + match[0].indexOf(url);
        const tr = this.editor.state.tr.addMark(
          start,
          start + url.length,
          this.type.create({ href: url }),
        );
        if (tr.docChanged) this.editor.view.dispatch(tr);
      }
      return false;
    };
    return {
      Enter: linkBeforeEnter,
      'Mod-Enter': linkBeforeEnter,
      'Mod-k': () => {
        const edit = this.options.onEditLink;
        if (!edit || this.editor.view.composing) return false;
        edit();
        return true;
      },
    };
  },
  addInputRules() {
    return [
      new InputRule({
        find: TYPED_URL,
        handler: ({ state, range, match }) => {
          const url = match[1];
          if (!url) return null;
          const start = range.from + match[0].indexOf(url);
          state.tr.addMark(start, start + url.length, this.type.create({ href: url }));
        },
      }),
    ];
  },
  addProseMirrorPlugins() {
    const link = this.type;
    return [
      new Plugin({
        props: {
          transformPasted: (slice) => linkPastedUrls(slice, link),
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData('text/plain').trim() ?? '';
            const { from, to, empty } = view.state.selection;
            if (empty || !isBareUrl(text)) return false;
            view.dispatch(view.state.tr.addMark(from, to, link.create({ href: text })));
            return true;
          },
          handleDOMEvents: { click: keepLinksClosed, auxclick: keepLinksClosed },
        },
      }),
    ];
  },
});
