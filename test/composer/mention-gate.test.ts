import { extractMentionIds, type RichTextNode, toPlainText } from '@aside/core';
import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptsMentions } from '../../packages/composer/src';
import {
  headlessEditor,
  mentionNode,
  paragraph,
} from '../../packages/composer/testing/headless-editor';

const editors: { destroy(): void }[] = [];
const make = (...args: Parameters<typeof headlessEditor>) => {
  const made = headlessEditor(...args);
  editors.push(made.editor);
  return made;
};
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

const json = (editor: { getJSON(): unknown }) => editor.getJSON() as RichTextNode;
const jane = mentionNode('agent-jane', 'Jane Doe');

describe('acceptsMentions', () => {
  it.each([
    ['public-reply', { allowed: true }, false],
    ['internal-note', { allowed: true }, true],
    ['internal-note', { allowed: false, reason: 'live-chat' }, false],
    ['internal-note', null, true],
  ] as const)('%s with %o → %s', (mode, mentions, expected) => {
    expect(acceptsMentions({ mode, mentions })).toBe(expected);
  });
});

describe('mention gate', () => {
  it('R2: an internal note keeps a mention node with id and label', () => {
    const { editor } = make(
      'internal-note',
      { allowed: true },
      paragraph({ type: 'text', text: 'Hi ' }, jane),
    );
    expect(extractMentionIds(json(editor))).toEqual(['agent-jane']);
    expect(editor.getHTML()).toContain('data-type="mention"');
    expect(editor.getHTML()).toContain('data-id="agent-jane"');
    expect(editor.getText()).toBe('Hi @Jane Doe');
  });

  it('R3: a mention set into a public reply becomes the plain text @Name', () => {
    const { editor } = make('public-reply');
    editor.commands.setContent(paragraph({ type: 'text', text: 'Hi ' }, jane));
    expect(extractMentionIds(json(editor))).toEqual([]);
    expect(toPlainText(json(editor))).toBe('Hi @Jane Doe');
  });

  it('R3: a mention inserted by a command into a public reply becomes plain text', () => {
    const { editor } = make('public-reply');
    editor.commands.insertContent(jane);
    expect(extractMentionIds(json(editor))).toEqual([]);
    expect(editor.getText()).toBe('@Jane Doe');
  });

  it('R4: mentions turn into text when they become unavailable in an internal note', () => {
    const { editor, gate } = make('internal-note', { allowed: true }, paragraph(jane));
    gate.current = {
      mode: 'internal-note',
      mentions: { allowed: false, reason: 'collaboration-off' },
    };
    editor.commands.applyMentionGate();
    expect(extractMentionIds(json(editor))).toEqual([]);
    expect(editor.getText()).toBe('@Jane Doe');
  });

  it('R4: the core strips mid-note mentions: marks stay, and the caret typed after them stays put', () => {
    const boldJane = { ...jane, marks: [{ type: 'bold' }] };
    const { editor, gate } = make(
      'internal-note',
      { allowed: true },
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Hi ' }, boldJane] },
          { type: 'paragraph', content: [{ type: 'text', text: 'thanks' }] },
        ],
      },
    );
    editor.commands.focus('end');
    gate.current = { mode: 'internal-note', mentions: { allowed: false, reason: 'live-chat' } };
    editor.commands.applyMentionGate();
    editor.commands.insertContent('!');
    expect(extractMentionIds(json(editor))).toEqual([]);
    expect(editor.getHTML()).toContain('<strong>@Jane Doe</strong>');
    expect(editor.getText()).toBe('Hi @Jane Doe\n\nthanks!');
  });

  it('R3: mentions nested in list items become text too, the list kept', () => {
    const item = (...content: JSONContent[]) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content }],
    });
    const { editor, gate } = make(
      'internal-note',
      { allowed: true },
      {
        type: 'doc',
        content: [
          {
            type: 'bulletList',
            content: [
              item(jane, { type: 'text', text: ' first' }),
              item({ type: 'text', text: 'then ' }, jane),
            ],
          },
        ],
      },
    );
    gate.current = { mode: 'public-reply', mentions: { allowed: false, reason: 'public-reply' } };
    editor.commands.applyMentionGate();
    expect(extractMentionIds(json(editor))).toEqual([]);
    expect(editor.getHTML()).toBe(
      '<ul><li><p>@Jane Doe first</p></li><li><p>then @Jane Doe</p></li></ul>',
    );
  });

  it('a mention is atomic: Backspace after it removes the whole name', () => {
    const { editor } = make(
      'internal-note',
      { allowed: true },
      paragraph({ type: 'text', text: 'Hi ' }, jane),
    );
    editor.commands.focus('end');
    editor.commands.keyboardShortcut('Backspace');
    expect(editor.getText()).toBe('Hi ');
    expect(extractMentionIds(json(editor))).toEqual([]);
  });
});
