// Counts how often named components render, through the hook React offers DevTools: after each
// commit, walk the fibers that React re-rendered (a subtree React bailed out of is skipped, as
// DevTools does) and count function components that performed work. Must load before react-dom.
type Fiber = {
  tag: number;
  type: unknown;
  flags: number;
  child: Fiber | null;
  sibling: Fiber | null;
  alternate: Fiber | null;
};

const PERFORMED_WORK = 1;
// A memo() wrapper's fiber (tag 14) and the component inside it share a name: count the inside only.
const MEMO_WRAPPER = 14;
export const renderCounts = new Map<string, number>();

const nameOf = (type: unknown): string | undefined => {
  if (typeof type === 'function')
    return (type as { displayName?: string; name?: string }).displayName ?? type.name;
  if (type && typeof type === 'object' && 'type' in type)
    return nameOf((type as { type: unknown }).type);
  return undefined;
};

function visit(fiber: Fiber | null) {
  for (let node = fiber; node; node = node.sibling) {
    const previous = node.alternate;
    const rendered = !previous || (node.flags & PERFORMED_WORK) === PERFORMED_WORK;
    const name = rendered && node.tag !== MEMO_WRAPPER ? nameOf(node.type) : undefined;
    if (name) renderCounts.set(name, (renderCounts.get(name) ?? 0) + 1);
    // Same child as before: React bailed out of this subtree in this commit.
    if (previous && node.child === previous.child) continue;
    visit(node.child);
  }
}

let rendererId = 0;
(window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ =
  {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => ++rendererId,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => visit(root.current.child),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };

export const countOf = (name: string) => renderCounts.get(name) ?? 0;
