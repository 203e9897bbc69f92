// Hostile HTML an agent might paste (from an e-mail, a web page, a crafted clipboard). Built from:
// the OWASP XSS Filter Evasion Cheat Sheet (script/event/URL obfuscations, malformed tags),
// DOMPurify's "Attack Classes & Bypass History" (mutation XSS, namespace confusion),
// Fastmail's "Sanitising HTML – the DOM clobbering issue" and the comp.lang.javascript FAQ's
// "Unsafe names for HTML form controls" (form controls shadowing DOM properties).
// Payloads call `__xss()` so a browser test can tell if any ran.

/** [what it tries, html]: each pasted on its own. */
export const XSS_VECTORS: readonly (readonly [string, string])[] = [
  ['script tag', '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>ok'],
  ['inline script', '<script>__xss()</script>ok'],
  ['img javascript src', '<IMG SRC="javascript:__xss();">ok'],
  ['mixed-case scheme', '<IMG SRC=JaVaScRiPt:__xss()>ok'],
  ['grave accents', '<IMG SRC=`javascript:__xss()`>ok'],
  ['malformed A with handler', '<a onmouseover="__xss()">xxs link</a>'],
  ['malformed IMG', '<IMG """><SCRIPT>__xss()</SCRIPT>">ok'],
  ['img onerror', '<img src=x onerror="__xss()">ok'],
  ['img onerror no quotes', '<IMG SRC=/ onerror=__xss()></img>ok'],
  [
    'decimal entities in href',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__xss()">dec</a>',
  ],
  [
    'hex entities in href',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A__xss()">hex</a>',
  ],
  ['embedded tab', '<a href="jav\tascript:__xss()">tab</a>'],
  ['encoded tab', '<a href="jav&#x09;ascript:__xss()">enc tab</a>'],
  ['encoded newline', '<a href="jav&#x0A;ascript:__xss()">newline</a>'],
  ['encoded carriage return', '<a href="jav&#x0D;ascript:__xss()">cr</a>'],
  ['null byte', '<a href="java\0script:__xss()">null</a>'],
  ['leading spaces and meta chars', '<a href=" &#14;  javascript:__xss()">meta</a>'],
  ['vbscript', '<a href="vbscript:msgbox(1)">vb</a>'],
  ['data: URL', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>'],
  ['slash instead of space', '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>ok'],
  ['body onload with junk', '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=__xss()>ok'],
  ['extra open bracket', '<<SCRIPT>__xss();//\\<</SCRIPT>ok'],
  ['no closing tag', '<SCRIPT SRC=https://xss.example/xss.js?< B >ok'],
  ['end title', '</TITLE><SCRIPT>__xss();</SCRIPT>ok'],
  ['input image', '<INPUT TYPE="IMAGE" SRC="javascript:__xss();">ok'],
  ['body background', '<BODY BACKGROUND="javascript:__xss()">ok'],
  ['svg onload', '<svg/onload=__xss()>ok'],
  ['svg script', '<svg><script>__xss()</script></svg>ok'],
  [
    'style list-style-image',
    '<STYLE>li {list-style-image: url("javascript:__xss()");}</STYLE><UL><LI>XSS</br>',
  ],
  ['link stylesheet', '<LINK REL="stylesheet" HREF="javascript:__xss();">ok'],
  ['meta refresh', '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:__xss();">ok'],
  ['iframe', '<IFRAME SRC="javascript:__xss();"></IFRAME>ok'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.__xss()</script>"></iframe>ok'],
  ['frameset', '<FRAMESET><FRAME SRC="javascript:__xss();"></FRAMESET>ok'],
  ['table background', '<TABLE BACKGROUND="javascript:__xss()"><TR><TD>cell</TD></TR></TABLE>'],
  ['div background', '<DIV STYLE="background-image: url(javascript:__xss())">div</DIV>'],
  ['div expression', '<DIV STYLE="width: expression(__xss());">expr</DIV>'],
  ['conditional comment', '<!--[if gte IE 4]><SCRIPT>__xss();</SCRIPT><![endif]-->ok'],
  ['base href', '<BASE HREF="javascript:__xss();//">ok'],
  ['object', '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/s.html"></OBJECT>ok'],
  ['embed svg', '<EMBED SRC="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" type="image/svg+xml">ok'],
  ['template', '<template><img src=x onerror=__xss()></template>ok'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=__xss()>">'],
  ['svg style mutation', '<svg></p><style><a id="</style><img src=1 onerror=__xss()>">'],
  ['math mglyph mutation', '<math><mtext><table><mglyph><style><img src=x onerror=__xss()>'],
  [
    'form math mutation',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=__xss()>',
  ],
  ['safe link with handler', '<a href="https://example.com" onclick="__xss()">safe</a>'],
  [
    'mention span with handler',
    '<span data-type="mention" data-id="agent-jane" onmouseover="__xss()">@Jane</span>',
  ],
  ['textarea breakout', '<textarea><img src=x onerror=__xss()></textarea>ok'],
  ['select', '<select><option><img src=x onerror=__xss()></option></select>ok'],
  ['button formaction', '<form><button formaction="javascript:__xss()">go</button></form>ok'],
  ['details ontoggle', '<details open ontoggle=__xss()><summary>s</summary>ok</details>'],
  ['video source onerror', '<video><source onerror="__xss()"></video>ok'],
];

// Properties ProseMirror's parser (and any DOM walker) reads from each element.
const CLOBBERED = [
  'nodeName',
  'nodeType',
  'nodeValue',
  'localName',
  'tagName',
  'namespaceURI',
  'childNodes',
  'firstChild',
  'lastChild',
  'nextSibling',
  'parentNode',
  'attributes',
  'getAttribute',
  'hasAttribute',
  'matches',
  'style',
  'textContent',
  'querySelector',
  'ownerDocument',
];
const CONTROLS = ['input', 'img', 'button', 'fieldset', 'object', 'output', 'select', 'textarea'];

/** DOM clobbering: a form whose controls shadow the form element's own properties. */
export const CLOBBERING_VECTORS: readonly (readonly [string, string])[] = [
  ['form input nodeName (the reported crash)', '<form><input name=nodeName>123</form>'],
  [
    'two radios named childNodes',
    '<form><input type=radio name=childNodes><input type=radio name=childNodes>123</form>',
  ],
  ['id instead of name', '<form><input id=attributes>123</form>'],
  ['nested forms', '<form><form><input name=firstChild>123</form></form>'],
  [
    'document-level names',
    '<img name=createElement><img name=body><form name=getElementById>123</form>',
  ],
  ['data-pm-slice garbage', '<p data-pm-slice="99999999 1 -5 [&quot;nope&quot;,{}]">123</p>'],
  ...CLOBBERED.flatMap((property) =>
    CONTROLS.map(
      (control) =>
        [
          `<form><${control} name=${property}>`,
          `<p>a</p><form><${control} name=${property}></${control}>123</form>`,
        ] as const,
    ),
  ),
];

/** Tags and attributes the editor may hold after any paste. */
export const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  'code',
  'ul',
  'ol',
  'li',
  'a',
  'span',
]);
export const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'rel',
  'target',
  'class',
  'start',
  'type',
  'data-type',
  'data-id',
  'data-label',
  'data-mention-suggestion-char',
]);

/** What is wrong with the editor's HTML, if anything: disallowed tags, attributes or links. */
export function unsafeParts(html: string): string[] {
  const template = document.createElement('template');
  template.innerHTML = html;
  const problems: string[] = [];
  for (const element of template.content.querySelectorAll('*')) {
    const tag = element.localName;
    if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}>`);
    for (const { name, value } of element.attributes) {
      if (!ALLOWED_ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if (name === 'href' && !/^(https?:\/\/|mailto:)/i.test(value)) problems.push(`href ${value}`);
    }
  }
  return problems;
}
