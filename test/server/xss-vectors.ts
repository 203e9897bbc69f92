/**
 * Stored-body attack vectors, built from the OWASP XSS Filter Evasion Cheat Sheet
 * (cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html) and translated
 * from HTML into the rich-text JSON a client submits. Each is either refused or stored as
 * inert text: a body never holds a node, mark, attribute or link the schema does not allow.
 */

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const bodyOf = (...blocks: unknown[]) => ({ type: 'doc', content: blocks });
const linked = (href: unknown) =>
  bodyOf(paragraph({ type: 'text', text: 'xxs link', marks: [{ type: 'link', attrs: { href } }] }));

/** Link targets from the cheat sheet's "javascript:" obfuscations; all must be refused. */
export const UNSAFE_HREFS: readonly string[] = [
  'javascript:alert(String.fromCharCode(88,83,83))',
  'JaVaScRiPt:alert(1)',
  'jav\tascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
  'jav\nascript:alert(1)',
  'jav\rascript:alert(1)',
  ' \u000e  javascript:alert(1)',
  '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
  '&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)',
  'vbscript:msgbox("XSS")',
  'livescript:[code]',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K',
  '//xss.rocks/.j',
  '/relative/path',
  '#',
  '',
];

/** HTML elements of the cheat sheet, as the node types an attacker would send. */
export const UNSAFE_NODE_TYPES: readonly string[] = [
  'script',
  'SCRIPT',
  'img',
  'iframe',
  'svg',
  'body',
  'input',
  'style',
  'object',
  'embed',
  'meta',
  'base',
  'link',
  'a',
  'html',
  'heading',
  'codeBlock',
  'image',
];

/** Attributes (event handlers and resource loaders) of the cheat sheet, on allowed nodes. */
export const UNSAFE_ATTRIBUTES: readonly [string, unknown][] = [
  ['onerror', 'alert(1)'],
  ['onmouseover', "alert('xxs')"],
  ['onload', "alert('XSS')"],
  ['style', 'background:url(javascript:alert(1))'],
  ['src', 'javascript:alert(1)'],
  ['dynsrc', "javascript:alert('XSS')"],
  ['lowsrc', "javascript:alert('XSS')"],
  ['background', "javascript:alert('XSS')"],
  ['href', 'javascript:alert(1)'],
  ['class', 'aside-mention'],
  ['__proto__', { polluted: true }],
];

export interface Vector {
  readonly name: string;
  readonly body: unknown;
  /** Refused with 4xx; otherwise stored, and then only as plain text. */
  readonly refused: boolean;
}

export function storedBodyVectors(): Vector[] {
  const vectors: Vector[] = [];
  for (const href of UNSAFE_HREFS) {
    vectors.push({ name: `link to ${JSON.stringify(href)}`, body: linked(href), refused: true });
  }
  for (const type of UNSAFE_NODE_TYPES) {
    vectors.push({
      name: `a ${type} node`,
      body: bodyOf(paragraph({ type: 'text', text: 'x' }), { type, attrs: { src: 'x' } }),
      refused: true,
    });
    vectors.push({
      name: `an inline ${type} node`,
      body: bodyOf(paragraph({ type, text: 'alert(1)' })),
      refused: true,
    });
  }
  for (const [name, value] of UNSAFE_ATTRIBUTES) {
    vectors.push({
      name: `a ${name} attribute on a paragraph`,
      body: JSON.parse(
        `{"type":"doc","content":[{"type":"paragraph","attrs":{${JSON.stringify(name)}:${JSON.stringify(value)}},"content":[{"type":"text","text":"x"}]}]}`,
      ),
      refused: true,
    });
    vectors.push({
      name: `a ${name} attribute on a mention`,
      body: bodyOf(
        paragraph({ type: 'mention', attrs: { id: 'agent-jane', label: 'Jane', [name]: value } }),
      ),
      refused: true,
    });
    vectors.push({
      name: `a ${name} attribute on a link mark`,
      body: bodyOf(
        paragraph({
          type: 'text',
          text: 'x',
          marks: [{ type: 'link', attrs: { href: 'https://example.com', [name]: value } }],
        }),
      ),
      refused: true,
    });
  }
  // The cheat sheet's payloads typed as text are only text: stored, never markup.
  for (const text of [
    '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "\\\";alert('XSS');//",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<form><input name=nodeName>123</form>',
  ]) {
    vectors.push({
      name: `the text ${text.slice(0, 40)}`,
      body: bodyOf(paragraph({ type: 'text', text })),
      refused: false,
    });
  }
  // A label that tries to be markup is replaced by the directory's name.
  vectors.push({
    name: 'a mention label holding markup',
    body: bodyOf(
      paragraph({
        type: 'mention',
        attrs: { id: 'agent-jane', label: '"><img src=x onerror=alert(1)>' },
      }),
    ),
    refused: false,
  });
  return vectors;
}
