import { extractMentionIds, isEmptyDoc, stripMentions, toPlainText } from '@aside/core';
import { describe, expect, it } from 'vitest';
import { doc, mention, text } from './helpers';

describe('rich text', () => {
  const note = {
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [text('Hi '), mention('a', 'Jane Doe'), text(' and '), mention('b', 'Ada')],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [mention('a', 'Jane Doe')] }],
          },
        ],
      },
    ],
  };

  it('R6: extracts each mentioned id once, in document order', () => {
    expect(extractMentionIds(note)).toEqual(['a', 'b']);
  });

  it('renders plain text with one line per block and mentions as @Name', () => {
    expect(toPlainText(note)).toBe('Hi @Jane Doe and @Ada\n@Jane Doe');
  });

  it('R3: stripping mentions leaves plain text and no mention node', () => {
    const stripped = stripMentions(note);
    expect(extractMentionIds(stripped)).toEqual([]);
    expect(toPlainText(stripped)).toBe(toPlainText(note));
    expect(stripped.content?.[0]?.content).toEqual([text('Hi @Jane Doe and @Ada')]);
  });

  it('keeps marked text separate when stripping', () => {
    const bold = { type: 'text', text: 'bold', marks: [{ type: 'bold' }] };
    expect(stripMentions(doc(bold, mention('a', 'Jo'))).content?.[0]?.content).toEqual([
      bold,
      text('@Jo'),
    ]);
  });

  it('an empty paragraph is an empty message; a lone mention is not', () => {
    expect(isEmptyDoc(doc())).toBe(true);
    expect(isEmptyDoc(doc(text('   ')))).toBe(true);
    expect(isEmptyDoc(doc(mention('a', 'Jane')))).toBe(false);
  });
});
