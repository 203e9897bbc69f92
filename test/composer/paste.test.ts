import { extractMentionIds, type RichTextNode, toPlainText } from '@aside/core';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../packages/composer/src/extensions/clean-pasted-html';
import { isSafeLink } from '../../packages/composer/src/extensions/safe-link';
import { headlessEditor } from '../../packages/composer/testing/headless-editor';
import { CLOBBERING_VECTORS, unsafeParts, XSS_VECTORS } from './paste-vectors';

const editors: { destroy(): void }[] = [];
const paste = (mode: 'public-reply' | 'internal-note', html: string) => {
  const { editor } = headlessEditor(mode);
  editors.push(editor);
  // jsdom has no ClipboardEvent; ProseMirror only needs an event to hand to paste handlers.
  editor.view.pasteHTML(html, new Event('paste') as ClipboardEvent);
  return { editor, doc: editor.getJSON() as RichTextNode, html: editor.getHTML() };
};
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

const WORD_HTML = `
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style>p.MsoNormal { color: red; font-family: Calibri }</style>
<script>window.pwned = true</script></head>
<body onload="alert(1)">
<p class="MsoNormal" style="margin:0;mso-line-height-rule:exactly"><b style="mso-bidi-font-weight:normal">Order</b>
<i>shipped</i><o:p></o:p></p>
<table><tr><td>cell text</td></tr></table>
<h1 style="color:blue">Heading</h1>
<ul><li>first</li><li>second</li></ul>
<p><a href="javascript:alert(1)">bad link</a> <a href="https://example.com/track">good link</a>
<a href="mailto:help@example.com">mail</a> <marquee>old</marquee><img src="x" onerror="alert(1)"></p>
</body></html>`;

describe('paste from Word, Docs and web pages', () => {
  it('keeps the words and the formatting the schema knows', () => {
    const { doc, html } = paste('public-reply', WORD_HTML);
    const text = toPlainText(doc);
    for (const words of [
      'Order',
      'shipped',
      'cell text',
      'Heading',
      'first',
      'second',
      'good link',
    ])
      expect(text).toContain(words);
    expect(html).toContain('<strong>Order</strong>');
    expect(html).toContain('<em>shipped</em>');
    expect(html).toMatch(/<ul><li><p>first<\/p><\/li>/);
  });

  it('drops scripts, styles, event handlers, images and unknown tags', () => {
    const { html, doc } = paste('public-reply', WORD_HTML);
    expect(toPlainText(doc)).not.toContain('pwned');
    expect(toPlainText(doc)).not.toContain('Calibri');
    expect(html).not.toMatch(
      /<script|<style|style=|onload|onerror|<img|<table|<h1|<marquee|class="Mso/,
    );
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('keeps http, https and mailto links only', () => {
    const { html } = paste('public-reply', WORD_HTML);
    expect(html).toContain('href="https://example.com/track"');
    expect(html).toContain('href="mailto:help@example.com"');
    expect(html).not.toContain('javascript:');
  });

  it('R3: mention spans pasted into a public reply become plain @Name text', () => {
    const { doc } = paste(
      'public-reply',
      '<p>Ask <span data-type="mention" data-id="agent-jane">@Jane Doe</span> and <span data-type="mention" data-id="x" data-label="Xavier"></span></p>',
    );
    expect(extractMentionIds(doc)).toEqual([]);
    expect(toPlainText(doc)).toBe('Ask @Jane Doe and @Xavier');
  });

  it('R5: mention spans pasted into an internal note keep their id for the core to re-check', () => {
    const { doc } = paste(
      'internal-note',
      '<p>Ask <span data-type="mention" data-id="user-janet">@Janet Customer</span></p>',
    );
    expect(extractMentionIds(doc)).toEqual(['user-janet']);
    expect(toPlainText(doc)).toBe('Ask @Janet Customer');
  });
});

describe('isSafeLink', () => {
  it.each([
    ['https://example.com', true],
    ['http://example.com', true],
    ['mailto:a@b.c', true],
    ['  HTTPS://EXAMPLE.COM', true],
    ['javascript:alert(1)', false],
    ['JavaScript:alert(1)', false],
    ['data:text/html,<script>', false],
    ['vbscript:x', false],
    ['/relative', false],
    ['', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeLink(url)).toBe(safe);
  });
});

describe('hostile paste (OWASP XSS filter evasion and DOM clobbering vectors)', () => {
  it.each([...XSS_VECTORS, ...CLOBBERING_VECTORS])(
    'Paste: %s leaves only schema tags, safe links and no handlers',
    (_name, html) => {
      const { html: result } = paste('internal-note', html);
      expect(unsafeParts(result)).toEqual([]);
      expect(result).not.toMatch(/javascript:|vbscript:|data:|__xss|onerror|onload/i);
    },
  );

  it.each(CLOBBERING_VECTORS)(
    'Paste: %s reaches the parser without forms, ids or names that could clobber it',
    (_name, html) => {
      const cleaned = cleanPastedHtml(html);
      expect(cleaned).not.toMatch(
        /<(form|input|img|button|fieldset|object|output|select|textarea)\b|\s(name|id)=/i,
      );
      expect(cleaned).toContain('123');
    },
  );

  it('Paste: the words of a clobbering paste survive', () => {
    const { doc } = paste(
      'public-reply',
      '<p>Order <b>4821</b></p><form><input name=nodeName>shipped</form>',
    );
    expect(toPlainText(doc)).toBe('Order 4821\nshipped');
  });

  it('Paste: Google Docs bold and normal weights, and Word styles, read as the author meant', () => {
    const { html } = paste(
      'public-reply',
      '<b style="font-weight:normal" id="docs-internal-guid-1"><span style="font-weight:700">Bold</span> <span style="font-weight:400;font-style:italic">slanted</span> plain</b>',
    );
    expect(html).toBe('<p><strong>Bold</strong> <em>slanted</em> plain</p>');
  });
});
