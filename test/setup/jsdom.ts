import '@testing-library/jest-dom/vitest';

// jsdom lacks the layout APIs ProseMirror calls; without these, tests pass but vitest exits 1.
// (Server-rendering tests run in the node environment, where there is no DOM to patch.)
if (typeof window !== 'undefined') patchLayoutApis();

function patchLayoutApis() {
  const emptyRect = () =>
    ({
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 0,
      right: 0,
      width: 0,
      height: 0,
      toJSON() {},
    }) as DOMRect;
  Range.prototype.getBoundingClientRect ??= emptyRect;
  Range.prototype.getClientRects ??= () =>
    Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Element.prototype.getClientRects ??= Range.prototype.getClientRects as never;
  document.elementFromPoint ??= () => null;
}
