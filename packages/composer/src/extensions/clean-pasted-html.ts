import { Extension } from '@tiptap/core';
import { isSafeLink } from './safe-link';

// Tags the schema reads, kept as they are (with only the attributes below).
const KEEP = new Set(['p', 'br', 'b', 'strong', 'i', 'em', 'code', 'ul', 'ol', 'li', 'a', 'span']);
// Blocks become a plain <div> so their text stays on its own line; other unknown tags a <span>.
// Void tags (img, input, meta, base…) thus become empty spans with no attributes.
const BLOCK =
  /^(address|article|aside|blockquote|d[dlt]|div|figure|footer|form|h[1-6r]|header|main|nav|pre|section|t[dhr]|table)$/;
// Dropped with everything inside: code, styles, embedded documents, form fields, foreign content.
const DROP =
  /^(applet|frameset|head|iframe|math|noembed|noframes|noscript|object|plaintext|script|select|style|svg|template|textarea|title|xmp)$/;

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Pasted HTML rebuilt from an allow-list before ProseMirror parses it. The input is parsed in an
 * inert <template> (nothing loads or runs) and read only through the DOM prototypes' own getters,
 * because pasted markup can shadow element properties (`<form><input name=nodeName>` makes
 * `form.nodeName` an element: "DOM clobbering"). The output has no ids, names, event handlers,
 * styles (except bold/italic) or unsafe links, so nothing downstream can be clobbered either.
 */
export function cleanPastedHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const getter = (proto: object, key: string) =>
    Object.getOwnPropertyDescriptor(proto, key)?.get as (this: Node) => never;
  const first = getter(Node.prototype, 'firstChild');
  const next = getter(Node.prototype, 'nextSibling');
  const type = getter(Node.prototype, 'nodeType');
  const value = getter(Node.prototype, 'nodeValue');
  const local = getter(Element.prototype, 'localName');
  const read = Element.prototype.getAttribute;

  const children = (parent: Node): string => {
    let out = '';
    for (let node: Node | null = first.call(parent); node; node = next.call(node)) {
      const kind: number = type.call(node);
      if (kind === 3) out += escapeHtml(value.call(node) ?? '');
      else if (kind === 1) out += element(node as Element);
    }
    return out;
  };

  const element = (node: Element): string => {
    const tag: string = local.call(node);
    if (DROP.test(tag)) return '';
    const inner = children(node);
    if (!KEEP.has(tag)) return BLOCK.test(tag) ? `<div>${inner}</div>` : `<span>${inner}</span>`;
    if (tag === 'br') return '<br>';
    const attr = (name: string) => read.call(node, name);
    const attrs: [string, string | null][] = [['data-pm-slice', attr('data-pm-slice')]];
    const href = attr('href');
    if (tag === 'a' && isSafeLink(href)) attrs.push(['href', href.trim()]);
    if (tag === 'ol')
      attrs.push(['start', /^\d{1,9}$/.test(attr('start') ?? '') ? attr('start') : null]);
    if (tag === 'span' && attr('data-type') === 'mention') {
      for (const name of ['data-type', 'data-id', 'data-label']) attrs.push([name, attr(name)]);
    }
    const style = attr('style') ?? '';
    // Only what bold and italic read (Google Docs wraps pastes in <b style="font-weight:normal">).
    const weight = /(?:^|;)\s*font-weight\s*:\s*(\w+)/i.exec(style)?.[1] ?? '';
    const slant = /(?:^|;)\s*font-style\s*:\s*(\w+)/i.exec(style)?.[1] ?? '';
    const css = [
      /^(bold|bolder|[5-9]00)$/i.test(weight) ? 'font-weight:700' : '',
      /^(normal|400)$/i.test(weight) ? `font-weight:${weight}` : '',
      /^(normal|italic)$/i.test(slant) ? `font-style:${slant}` : '',
    ]
      .filter(Boolean)
      .join(';');
    attrs.push(['style', css || null]);
    const serialised = attrs
      .map(([name, text]) => (text === null ? '' : ` ${name}="${escapeHtml(text)}"`))
      .join('');
    return `<${tag}${serialised}>${inner}</${tag}>`;
  };

  return children(template.content);
}

/** Runs `cleanPastedHtml` on every paste and drop of HTML, before ProseMirror parses it. */
export const PastedHtmlCleaner = Extension.create({
  name: 'asidePastedHtmlCleaner',
  transformPastedHTML: (html) => cleanPastedHtml(html),
});
