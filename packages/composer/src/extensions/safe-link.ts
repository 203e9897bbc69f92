import { InputRule, Mark, mergeAttributes } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { isBareUrl, linkPastedUrls } from './link-paste';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Links may only point to web pages and e-mail addresses; `javascript:` and friends are dropped. */
export function isSafeLink(url: unknown): url is string {
  return typeof url === 'string' && SAFE_LINK.test(url.trim());
}

// A URL followed by the whitespace just typed; trailing punctuation stays outside the link.
const TYPED_URL = /(?:^|\s)((?:https?:\/\/|mailto:)\S+?)[.,;:!?)\]]*\s$/i;

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
    return {
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
