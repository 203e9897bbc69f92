import type { RichTextNode } from '../types';
import { BODY_LIMITS } from './limits';
import { type Refusal, refuse } from './refusal';

type AttrCheck = (value: unknown) => boolean;

interface NodeSpec {
  /** Node types allowed as children; absent: a leaf. */
  readonly content?: readonly string[];
  /** The first child must be of this type (a list item starts with a paragraph). */
  readonly first?: string;
  /** At least one child (a list has items). */
  readonly filled?: boolean;
  readonly attrs?: Readonly<Record<string, AttrCheck>>;
  /** Inline nodes may carry marks. */
  readonly inline?: boolean;
}

// No NUL (PostgreSQL text refuses it) and no lone surrogate (not valid Unicode, nor JSON text).
const UNSAFE_TEXT = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
const LIST_TYPES = [null, '1', 'a', 'A', 'i', 'I'];

export const isCleanString = (
  value: unknown,
  max: number = BODY_LIMITS.attrLength,
): value is string => typeof value === 'string' && value.length <= max && !UNSAFE_TEXT.test(value);

/** Links may only point to web pages and e-mail addresses: never `javascript:`, `data:`, … */
export const isSafeHref = (value: unknown): value is string =>
  isCleanString(value) && SAFE_HREF.test(value.trim());

const id: AttrCheck = (value) => isCleanString(value, 200) && value !== '';
const label: AttrCheck = (value) => value === null || isCleanString(value, 200);
const BLOCKS = ['paragraph', 'bulletList', 'orderedList'];
const INLINE = ['text', 'hardBreak', 'mention'];

/** The composer's schema (`@aside/composer` formattingExtensions and the mention node). */
const NODES = new Map<string, NodeSpec>([
  ['doc', { content: BLOCKS }],
  ['paragraph', { content: INLINE }],
  ['bulletList', { content: ['listItem'], filled: true }],
  [
    'orderedList',
    {
      content: ['listItem'],
      filled: true,
      attrs: {
        start: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
        type: (v) => LIST_TYPES.includes(v as string),
      },
    },
  ],
  ['listItem', { content: BLOCKS, first: 'paragraph', filled: true }],
  ['text', { inline: true }],
  ['hardBreak', { inline: true }],
  [
    'mention',
    { inline: true, attrs: { id, label, mentionSuggestionChar: (v) => v === '@' || v === null } },
  ],
]);
const MARKS = new Map<string, Readonly<Record<string, AttrCheck>>>([
  ['bold', {}],
  ['italic', {}],
  ['code', {}],
  ['link', { href: isSafeHref }],
]);
const NODE_KEYS = new Set(['type', 'attrs', 'content', 'text', 'marks']);

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const badAttrs = (attrs: unknown, allowed: Readonly<Record<string, AttrCheck>> = {}) => {
  if (attrs === undefined) return null;
  if (!isObject(attrs)) return 'attrs must be an object';
  for (const [key, value] of Object.entries(attrs)) {
    const check = Object.hasOwn(allowed, key) ? allowed[key] : undefined;
    if (!check) return `attribute "${key}" is not allowed`;
    if (!check(value)) return `attribute "${key}" has a value that is not allowed`;
  }
  return null;
};

export interface CheckedRichText {
  readonly ok: true;
  readonly doc: RichTextNode;
  /** Mentioned ids in document order, each once. */
  readonly mentionIds: readonly string[];
}

interface Pending {
  readonly node: unknown;
  readonly parent: string | null;
  readonly depth: number;
  readonly first: boolean;
}

/**
 * R19: is `value` a document of Aside's one rich-text schema (nodes, marks, attributes, link
 * protocols) within BODY_LIMITS? Iterative, so a 100k-deep body is refused, never a stack overflow.
 */
export function checkRichText(value: unknown): CheckedRichText | Refusal {
  const invalid = (why: string) => refuse('invalid-body', `The message body is invalid: ${why}`);
  const mentionIds = new Set<string>();
  const stack: Pending[] = [{ node: value, parent: null, depth: 1, first: true }];
  let nodes = 0;
  let textLength = 0;
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, parent, depth } = item;
    if (depth > BODY_LIMITS.depth) return refuse('too-large', 'The message is nested too deeply');
    if (++nodes > BODY_LIMITS.nodes) return refuse('too-large', 'The message is too long');
    if (!isObject(node)) return invalid('a node must be an object');
    const spec = typeof node.type === 'string' ? NODES.get(node.type) : undefined;
    if (!spec) return invalid(`node type ${String(node.type).slice(0, 40)} is not allowed`);
    const type = node.type as string;
    const allowedHere =
      parent === null ? type === 'doc' : NODES.get(parent)?.content?.includes(type);
    if (!allowedHere) return invalid(`${type} cannot be inside ${parent ?? 'nothing'}`);
    const parentSpec = parent === null ? undefined : NODES.get(parent);
    if (item.first && parentSpec?.first && parentSpec.first !== type) {
      return invalid(`${parent} must start with a ${parentSpec.first}`);
    }
    for (const key of Object.keys(node)) {
      if (!NODE_KEYS.has(key)) return invalid(`field "${key}" is not allowed`);
    }
    const attrProblem = badAttrs(node.attrs, spec.attrs);
    if (attrProblem) return invalid(`${type}: ${attrProblem}`);
    if (type === 'text') {
      if (!isCleanString(node.text, Number.POSITIVE_INFINITY) || node.text === '') {
        return invalid('a text node needs non-empty text without NUL');
      }
      textLength += node.text.length;
    } else if (node.text !== undefined) return invalid(`${type} cannot have text`);
    if (type === 'mention') {
      if (!id((node.attrs as Record<string, unknown> | undefined)?.id)) {
        return invalid('a mention needs an id');
      }
      mentionIds.add((node.attrs as Record<string, string>).id!);
      textLength += String((node.attrs as Record<string, unknown>).label ?? '').length;
    }
    if (textLength > BODY_LIMITS.textLength) return refuse('too-large', 'The message is too long');
    if (node.marks !== undefined) {
      if (!spec.inline || !Array.isArray(node.marks)) return invalid(`${type} cannot have marks`);
      const seen = new Set<string>();
      for (const mark of node.marks as unknown[]) {
        if (++nodes > BODY_LIMITS.nodes) return refuse('too-large', 'The message is too long');
        const markAttrs = isObject(mark) ? MARKS.get(mark.type as string) : undefined;
        if (!isObject(mark) || !markAttrs || seen.has(mark.type as string)) {
          return invalid('a mark is not allowed or repeated');
        }
        seen.add(mark.type as string);
        const problem = Object.keys(mark).some((key) => key !== 'type' && key !== 'attrs')
          ? 'unknown field'
          : badAttrs(mark.attrs, markAttrs);
        if (problem) return invalid(`${mark.type} mark: ${problem}`);
        if (mark.type === 'link' && !isSafeHref((mark.attrs as Record<string, unknown>)?.href)) {
          return invalid('a link must be http, https or mailto');
        }
      }
    }
    const content = node.content;
    if (content === undefined) {
      if (spec.filled) return invalid(`${type} cannot be empty`);
      continue;
    }
    if (!spec.content || !Array.isArray(content)) return invalid(`${type} cannot have content`);
    if (spec.filled && content.length === 0) return invalid(`${type} cannot be empty`);
    if (nodes + content.length > BODY_LIMITS.nodes) {
      return refuse('too-large', 'The message is too long');
    }
    // Pushed in reverse, so nodes are visited in document order (mentions keep their order).
    for (let index = content.length - 1; index >= 0; index--) {
      stack.push({ node: content[index], parent: type, depth: depth + 1, first: index === 0 });
    }
  }
  return { ok: true, doc: value as RichTextNode, mentionIds: [...mentionIds] };
}
