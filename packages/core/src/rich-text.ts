import type { RichTextNode } from './types';

export const MENTION_NODE = 'mention';

export const EMPTY_DOC: RichTextNode = { type: 'doc', content: [{ type: 'paragraph' }] };

function mentionLabel(node: RichTextNode): string {
  const label = node.attrs?.label ?? node.attrs?.id ?? '';
  return `@${String(label)}`;
}

/** Mentioned ids in document order, each once. */
export function extractMentionIds(doc: RichTextNode): string[] {
  const ids = new Set<string>();
  const visit = (node: RichTextNode) => {
    if (node.type === MENTION_NODE && typeof node.attrs?.id === 'string') ids.add(node.attrs.id);
    node.content?.forEach(visit);
  };
  visit(doc);
  return [...ids];
}

const BLOCK_SEPARATOR = '\n';
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** Plain text of a document: blocks on their own lines, mentions as `@Name`. */
export function toPlainText(doc: RichTextNode): string {
  const blocks: string[] = [];
  const inline = (node: RichTextNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === MENTION_NODE) return mentionLabel(node);
    if (node.type === 'hardBreak') return '\n';
    return (node.content ?? []).map(inline).join('');
  };
  const block = (node: RichTextNode) => {
    if (TEXT_BLOCKS.has(node.type)) blocks.push(inline(node));
    else node.content?.forEach(block);
  };
  block(doc);
  return blocks.join(BLOCK_SEPARATOR).trim();
}

/** R3: mentions become the plain text `@Name`, so a public reply never carries one. */
export function stripMentions(doc: RichTextNode): RichTextNode {
  if (doc.type === MENTION_NODE) {
    // A bold or linked mention stays bold or linked as text.
    const text: RichTextNode = { type: 'text', text: mentionLabel(doc) };
    return doc.marks?.length ? { ...text, marks: doc.marks } : text;
  }
  if (!doc.content) return doc;
  const content: RichTextNode[] = [];
  for (const child of doc.content.map(stripMentions)) {
    const previous = content[content.length - 1];
    // Merge neighbouring unmarked text so the result is what an editor would produce.
    if (child.type === 'text' && previous?.type === 'text' && !child.marks && !previous.marks) {
      content[content.length - 1] = {
        type: 'text',
        text: `${previous.text ?? ''}${child.text ?? ''}`,
      };
    } else {
      content.push(child);
    }
  }
  return { ...doc, content };
}

// Whitespace and the invisible characters that render as nothing (zero-width spaces, joiners,
// word joiner, BOM, soft hyphen, Mongolian vowel separator).
const BLANK = /^[\s\u200b-\u200d\u2060\u00ad\u180e]*$/;

/** R19: text that shows nothing at all: an "empty message". */
export const isBlankText = (text: string): boolean => BLANK.test(text);

export function isEmptyDoc(doc: RichTextNode): boolean {
  return isBlankText(toPlainText(doc)) && extractMentionIds(doc).length === 0;
}
