import { RichTextView } from '@aside/composer/rich-text';
import type { RichTextNode } from '@aside/core';
import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { storedBodyVectors } from '../server/xss-vectors';
import '../../packages/composer/src/styles.css';

const mounted: (() => void)[] = [];
afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount();
});
function show(body: unknown) {
  const view = render(<RichTextView body={body as RichTextNode} />);
  mounted.push(view.unmount);
  return view.container.querySelector<HTMLElement>('.aside-rich-text')!;
}

const note: RichTextNode = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Refund ' },
        { type: 'text', text: 'approved', marks: [{ type: 'bold' }] },
        { type: 'text', text: ', ' },
        { type: 'mention', attrs: { id: 'agent-jane', label: 'Jane Doe' } },
        { type: 'text', text: ' see ' },
        {
          type: 'text',
          text: 'the order',
          marks: [{ type: 'link', attrs: { href: 'https://example.com/order/4821' } }],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
        },
      ],
    },
  ],
};

describe('RichTextView in a browser', () => {
  it('R20: a stored note keeps its formatting, mentions as chips, links that open safely', () => {
    const view = show(note);
    expect(view.querySelector('strong')?.textContent).toBe('approved');
    const chip = view.querySelector('.aside-mention');
    expect(chip?.textContent).toBe('@Jane Doe');
    expect(chip?.getAttribute('data-id')).toBe('agent-jane');
    expect(getComputedStyle(chip!).backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    const link = view.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.com/order/4821');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(view.querySelector('ul li')?.textContent).toBe('one');
    expect(view.hasAttribute('data-invalid')).toBe(false);
  });

  it('R20: a body that is not valid rich text shows a placeholder for itself alone', () => {
    const bad = show([1, 2]);
    expect(bad.textContent).toBe('This message could not be shown');
    expect(bad.hasAttribute('data-invalid')).toBe(true);
    const good = show(note);
    expect(good.textContent).toContain('approved');
  });

  it('R20: no stored-body attack vector (OWASP filter evasion) renders markup, a handler or an unsafe link', () => {
    const vectors = storedBodyVectors();
    expect(vectors.length).toBeGreaterThan(50);
    for (const vector of vectors) {
      const view = show(vector.body);
      const elements = [...view.querySelectorAll('*')];
      const tags = new Set(elements.map((element) => element.tagName.toLowerCase()));
      for (const tag of tags) {
        expect(['p', 'span', 'strong', 'em', 'code', 'a', 'ul', 'ol', 'li', 'br']).toContain(tag);
      }
      for (const element of [view, ...elements]) {
        for (const { name } of element.attributes) {
          expect(['class', 'href', 'rel', 'target', 'start', 'data-id', 'data-invalid']).toContain(
            name,
          );
        }
      }
      for (const link of view.querySelectorAll('a')) {
        expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
      }
      // What the server refuses, the renderer would not show either.
      if (vector.refused) expect(view.hasAttribute('data-invalid'), vector.name).toBe(true);
    }
  });
});
