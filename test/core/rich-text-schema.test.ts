import { checkRichText, type RichTextNode } from '@aside/core';
import { Editor, type JSONContent } from '@tiptap/core';
import Mention from '@tiptap/extension-mention';
import { afterEach, describe, expect, it } from 'vitest';
import { formattingExtensions } from '../../packages/composer/src';

const editors: Editor[] = [];
const editorWith = (content: string | JSONContent) => {
  const editor = new Editor({
    extensions: [...formattingExtensions({ placeholder: () => '' }), Mention],
    content,
  });
  editors.push(editor);
  return editor;
};
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

describe("the core's schema is the composer's", () => {
  it('R19: everything the composer can hold passes the core check', () => {
    const editor = editorWith(
      `<p><strong>Bold</strong> <em>it</em> <code>x()</code> <a href="https://example.com/o/4821">order</a><br>next
       <span data-type="mention" data-id="agent-jane" data-label="Jane Doe"></span></p>
       <ol start="3"><li><p>three</p><ul><li><p>nested</p></li></ul></li></ol>
       <p><a href="mailto:help@example.com">mail</a></p>`,
    );
    const json = editor.getJSON();
    const checked = checkRichText(json);
    expect(checked).toMatchObject({ ok: true, mentionIds: ['agent-jane'] });
    // Non-vacuous: the document really holds every kind of node and mark.
    const text = JSON.stringify(json);
    for (const type of [
      'bold',
      'italic',
      'code',
      'link',
      'hardBreak',
      'mention',
      'orderedList',
      'bulletList',
    ]) {
      expect(text).toContain(`"type":"${type}"`);
    }
  });

  it('R19, R20: a body the core accepts loads into the composer unchanged (the schema is not looser)', () => {
    const body: RichTextNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'See ', marks: [{ type: 'bold' }] },
            {
              type: 'text',
              text: 'here',
              marks: [{ type: 'link', attrs: { href: 'https://example.com' } }],
            },
            { type: 'hardBreak' },
            {
              type: 'mention',
              attrs: { id: 'agent-jane', label: 'Jane Doe', mentionSuggestionChar: '@' },
            },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 2, type: null },
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }],
            },
          ],
        },
      ],
    };
    expect(checkRichText(body).ok).toBe(true);
    expect(editorWith(body as JSONContent).getJSON()).toEqual(body);
  });
});
