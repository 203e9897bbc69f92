import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export const MENTION = 'mention';

// ProseMirror nodes are immutable and shared between versions of a document, so the answer for
// an unchanged top-level block is reused: a keystroke rescans one block, not the whole note.
const idsByBlock = new WeakMap<ProseMirrorNode, readonly string[]>();
const NONE: readonly string[] = [];

function idsInBlock(block: ProseMirrorNode): readonly string[] {
  const cached = idsByBlock.get(block);
  if (cached) return cached;
  let ids: string[] | null = null;
  block.descendants((node) => {
    if (node.type.name !== MENTION) return !node.isInline;
    ids ??= [];
    ids.push(typeof node.attrs.id === 'string' ? node.attrs.id : '');
    return false;
  });
  const result = ids ?? NONE;
  idsByBlock.set(block, result);
  return result;
}

/** Mention ids in document order, each once; `''` stands for a mention without an id. */
export function mentionIdsIn(doc: ProseMirrorNode): readonly string[] {
  let all: Set<string> | null = null;
  doc.forEach((block) => {
    const ids = idsInBlock(block);
    if (ids.length === 0) return;
    all ??= new Set();
    for (const id of ids) all.add(id);
  });
  return all ? [...(all as Set<string>)] : NONE;
}
