import { InputRule, Mark, mergeAttributes } from '@tiptap/core';

const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/** Links may only point to web pages and e-mail addresses; `javascript:` and friends are dropped. */
export function isSafeLink(url: unknown): url is string {
  return typeof url === 'string' && SAFE_LINK.test(url.trim());
}

// A URL followed by the whitespace just typed; trailing punctuation stays outside the link.
const TYPED_URL = /(?:^|\s)((?:https?:\/\/|mailto:)\S+?)[.,;:!?)\]]*\s$/i;

/**
 * A `link` mark that only ever holds safe hrefs, with autolink while typing. Smaller than
 * `@tiptap/extension-link` (no linkify, about 10 kB gzipped), which a composer without a
 * link toolbar does not need.
 */
export const SafeLink = Mark.create({
  name: 'link',
  priority: 1000,
  inclusive: false,
  keepOnSplit: false,
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
});
