import { Fragment, type MarkType, type Node, Slice } from '@tiptap/pm/model';

// A web or e-mail address in pasted text; it ends before trailing punctuation and closing brackets.
const BARE_URL = /(?:https?:\/\/|mailto:)[^\s<>"]*[^\s<>".,;:!?)\]'’]/gi;

function linkText(node: Node, link: MarkType): Node[] {
  const text = node.text ?? '';
  if (link.isInSet(node.marks)) return [node];
  const parts: Node[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const start = match.index;
    const end = start + match[0].length;
    if (start > last) parts.push(node.cut(last, start));
    // Inside inline code the link mark is excluded, so the text stays as it is.
    parts.push(node.cut(start, end).mark(link.create({ href: match[0] }).addToSet(node.marks)));
    last = end;
  }
  if (last === 0) return [node];
  if (last < text.length) parts.push(node.cut(last));
  return parts;
}

function linkFragment(fragment: Fragment, link: MarkType): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((node) => {
    if (node.isText) nodes.push(...linkText(node, link));
    else nodes.push(node.copy(linkFragment(node.content, link)));
  });
  return Fragment.fromArray(nodes);
}

/** Bare http(s) and mailto addresses in a pasted slice become links, inside the paste's own step. */
export function linkPastedUrls(slice: Slice, link: MarkType): Slice {
  return new Slice(linkFragment(slice.content, link), slice.openStart, slice.openEnd);
}

/** One whole address, e.g. pasted over selected words to link them. */
export function isBareUrl(text: string): boolean {
  const match = text.match(BARE_URL);
  return match?.length === 1 && match[0] === text;
}
