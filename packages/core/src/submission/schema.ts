import type { RichTextNode } from '../types';
import { BODY_LIMITS } from './limits';
import { type Refusal, refuse } from './refusal';

type AttrCheck = (value: unknown) => boolean;
type Attrs = Readonly<Record<string, AttrCheck>>;
/** Allowed children (`null`: an inline leaf, which may carry marks), attributes, required first child. */
type NodeSpec = readonly [children: readonly string[] | null, attrs: Attrs, first?: string];

// No NUL (PostgreSQL text refuses it) and no lone surrogate (not valid Unicode, nor JSON text).
const UNSAFE_TEXT = /[\0\p{Cs}]/u;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const clean = (value: unknown, max: number = BODY_LIMITS.attrLength): value is string =>
  typeof value === 'string' && value.length <= max && !UNSAFE_TEXT.test(value);

/** Links may only point to web pages and e-mail addresses: never `javascript:`, `data:`, … */
export const isSafeHref = (value: unknown): value is string =>
  clean(value) && /^(https?:\/\/|mailto:)/i.test(value.trim());

const NONE: Attrs = {};
const BLOCKS = ['paragraph', 'bulletList', 'orderedList'];
const INLINE = ['text', 'hardBreak', 'mention'];
const ITEMS = ['listItem'];

/** The composer's schema (`@aside/composer` formattingExtensions and the mention node). */
const NODES = new Map<string, NodeSpec>([
  ['doc', [BLOCKS, NONE]],
  ['paragraph', [INLINE, NONE]],
  ['bulletList', [ITEMS, NONE, 'listItem']],
  [
    'orderedList',
    [
      ITEMS,
      {
        start: (v) => v === undefined || Number.isSafeInteger(v),
        type: (v) => v == null || /^[1aAiI]$/.test(v as string),
      },
      'listItem',
    ],
  ],
  ['listItem', [BLOCKS, NONE, 'paragraph']],
  ['text', [null, NONE]],
  ['hardBreak', [null, NONE]],
  [
    'mention',
    [
      null,
      {
        id: (v) => clean(v, 200) && v !== '',
        label: (v) => v == null || clean(v, 200),
        mentionSuggestionChar: (v) => v == null || v === '@',
      },
    ],
  ],
]);
const MARKS = new Map<string, Attrs>([
  ['bold', NONE],
  ['italic', NONE],
  ['code', NONE],
  ['link', { href: isSafeHref }],
]);

/** Only allowed fields; every allowed attribute's check passes (a missing one is `undefined`). */
const fits = (value: unknown, fields: readonly string[], allowed: Attrs) => {
  if (!isObject(value) || Object.keys(value).some((key) => !fields.includes(key))) return false;
  const attrs = value.attrs ?? {};
  return (
    isObject(attrs) &&
    Object.keys(attrs).every((key) => Object.hasOwn(allowed, key)) &&
    Object.entries(allowed).every(([key, check]) => check(attrs[key]))
  );
};
const NODE_FIELDS = ['type', 'attrs', 'content', 'text', 'marks'];
const MARK_FIELDS = ['type', 'attrs'];

export interface CheckedRichText {
  readonly ok: true;
  readonly doc: RichTextNode;
  /** Mentioned ids in document order, each once. */
  readonly mentionIds: readonly string[];
}

/**
 * R19: is `value` a document of Aside's one rich-text schema (nodes, marks, attributes, link
 * protocols) within BODY_LIMITS? Iterative, so a 100k-deep body is refused, never a stack overflow.
 */
export function checkRichText(value: unknown): CheckedRichText | Refusal {
  const invalid = (type: string) => refuse('invalid-body', type.slice(0, 40));
  const tooLarge = refuse('too-large');
  const mentionIds = new Set<string>();
  // [node, allowed types here, depth]; pushed in reverse so nodes come in document order.
  const stack: [unknown, readonly string[], number][] = [[value, ['doc'], 1]];
  let nodes = 1;
  let textLength = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, allowed, depth] = item;
    if (depth > BODY_LIMITS.depth) return tooLarge;
    const type = isObject(node) ? String(node.type) : '';
    const spec = NODES.get(type);
    if (!spec || !allowed.includes(type) || !fits(node, NODE_FIELDS, spec[1])) return invalid(type);
    const { text, marks, content, attrs } = node as Record<string, unknown>;
    if (type === 'text' ? !clean(text, Number.POSITIVE_INFINITY) || !text : text !== undefined) {
      return invalid(type);
    }
    textLength += type === 'text' ? (text as string).length : 0;
    if (type === 'mention') {
      const mention = attrs as { id: string; label?: string };
      mentionIds.add(mention.id);
      textLength += mention.label?.length ?? 0;
    }
    if (textLength > BODY_LIMITS.textLength) return tooLarge;
    if (marks !== undefined) {
      if (spec[0] || !Array.isArray(marks)) return invalid(type);
      nodes += marks.length;
      const types = marks.map((mark) => (isObject(mark) ? mark.type : null));
      const fine = marks.every((mark, index) => {
        const markAttrs = MARKS.get(types[index] as string);
        return (
          markAttrs && fits(mark, MARK_FIELDS, markAttrs) && types.indexOf(types[index]) === index
        );
      });
      if (!fine) return invalid(type);
    }
    const [children, , first] = spec;
    if (content === undefined ? first : !children || !Array.isArray(content)) return invalid(type);
    if (!Array.isArray(content)) continue;
    if (first && content[0]?.type !== first) return invalid(type);
    nodes += content.length;
    if (nodes > BODY_LIMITS.nodes) return tooLarge;
    for (let index = content.length - 1; index >= 0; index--) {
      stack.push([content[index], children as readonly string[], depth + 1]);
    }
  }
  return nodes > BODY_LIMITS.nodes
    ? tooLarge
    : { ok: true, doc: value as RichTextNode, mentionIds: [...mentionIds] };
}
