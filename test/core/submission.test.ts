import {
  BODY_LIMITS,
  type Conversation,
  checkDraft,
  checkFollowerChange,
  checkRichText,
  checkSettingsChange,
  checkSubmission,
  type RichTextNode,
  readSubmission,
  type Settings,
} from '@aside/core';
import { demoConversations, demoEndUsers } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { demoAgents, doc, mention, text } from './helpers';

const { sam, jane, ada, nora, lee } = demoAgents;
const settings: Settings = { collaborationEnabled: true, mentionWithoutAccess: 'add' };
const refund = demoConversations.find((c) => c.id === 'conv-refund')!;
const people = [sam, jane, ada, nora, lee, ...demoEndUsers];
const context = (conversation: Conversation = refund) => ({
  author: sam,
  conversation,
  settings,
  people,
});
const note = (body: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'internal-note',
  body,
  ...extra,
});

describe('checkRichText: one schema for every stored body', () => {
  it('R19: accepts what the composer produces: paragraphs, lists, marks, safe links, breaks, mentions', () => {
    const body: RichTextNode = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Hi ', marks: [{ type: 'bold' }, { type: 'italic' }] },
            { type: 'text', text: 'code', marks: [{ type: 'code' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'order',
              marks: [{ type: 'link', attrs: { href: 'https://example.com/o/1' } }],
            },
            { type: 'mention', attrs: { id: jane.id, label: 'Jane', mentionSuggestionChar: '@' } },
          ],
        },
        {
          type: 'orderedList',
          attrs: { start: 3, type: null },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [text('one')] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(checkRichText(body)).toEqual({ ok: true, doc: body, mentionIds: [jane.id] });
  });

  it.each([
    ['a list instead of a document', [1, 2]],
    ['a string', 'hello'],
    ['null', null],
    ['a script node', { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }],
    ['an iframe node', { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'x' } }] }],
    [
      'a javascript: link',
      doc({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:1' } }] }),
    ],
    [
      'an onerror attribute',
      { type: 'doc', content: [{ type: 'paragraph', attrs: { onerror: 'alert(1)' } }] },
    ],
    ['an unknown field', { type: 'doc', content: [], onclick: 'x' }],
    ['a paragraph at the root', { type: 'paragraph' }],
    ['a mention directly in the document', { type: 'doc', content: [mention(jane.id)] }],
    ['a mention without an id', doc({ type: 'mention', attrs: { label: 'x' } })],
    ['an empty text node', doc(text(''))],
    ['NUL in text', doc(text('a\u0000b'))],
    ['a lone surrogate', doc(text('a\ud800b'))],
    ['a list item not starting with a paragraph', listOf({ type: 'bulletList', content: [] })],
    ['a prototype key as node type', { type: 'constructor' }],
  ])('R19: refuses %s as invalid-body', (_, body) => {
    expect(checkRichText(body)).toMatchObject({ ok: false, code: 'invalid-body' });
  });

  it('R19: a 100 000-deep body is refused as too-large, without overflowing the stack', () => {
    let deep: RichTextNode = { type: 'paragraph' };
    for (let i = 0; i < 100_000; i++)
      deep = {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph' }, deep] }],
      };
    expect(checkRichText({ type: 'doc', content: [deep] })).toMatchObject({
      ok: false,
      code: 'too-large',
    });
  });

  it('R19: too many nodes or too much text is too-large; a cyclic object terminates', () => {
    const many = doc(...Array.from({ length: BODY_LIMITS.nodes }, () => text('x')));
    expect(checkRichText(many)).toMatchObject({ ok: false, code: 'too-large' });
    const long = doc(text('x'.repeat(BODY_LIMITS.textLength + 1)));
    expect(checkRichText(long)).toMatchObject({ ok: false, code: 'too-large' });
    const tenMegabytes = doc(text('x'.repeat(10 * 1024 * 1024)));
    expect(checkRichText(tenMegabytes)).toMatchObject({ ok: false, code: 'too-large' });
    const cyclic: { type: string; content: unknown[] } = { type: 'doc', content: [] };
    cyclic.content.push({ type: 'bulletList', content: [{ type: 'listItem', content: [] }] });
    (cyclic.content[0] as { content: { content: unknown[] }[] }).content[0]!.content.push(
      { type: 'paragraph' },
      cyclic.content[0],
    );
    expect(checkRichText(cyclic).ok).toBe(false);
  });
});

function listOf(first: unknown) {
  return {
    type: 'doc',
    content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [first] }] }],
  };
}

describe('checkSubmission: the one decision on a message', () => {
  it('R6, R19: derives mentions, text and followers from the body, whatever the client says', () => {
    const decision = checkSubmission(
      note(doc(text('Can you look? '), mention(jane.id, 'Someone Else')), {
        text: 'forged text',
        addFollowerIds: [nora.id, 'user-janet'],
      }),
      context(),
    );
    expect(decision).toMatchObject({
      ok: true,
      mentionIds: [jane.id],
      addFollowerIds: [jane.id],
      // The label is the directory's name: a label cannot pass for someone else.
      text: 'Can you look? @Jane Doe',
    });
  });

  it('R6: a stale addFollowerIds never refuses: someone already added is simply not added twice', () => {
    const alreadyFollowing = { ...refund, followerIds: [ada.id, jane.id] };
    const decision = checkSubmission(
      note(doc(mention(jane.id)), { mentionIds: [jane.id], addFollowerIds: [jane.id] }),
      context(alreadyFollowing),
    );
    expect(decision).toMatchObject({ ok: true, addFollowerIds: [] });
  });

  it('R5: mentionIds that are not in the body are refused as invalid-mentions (no ghost mention)', () => {
    expect(
      checkSubmission(note(doc(text('hi')), { mentionIds: [jane.id] }), context()),
    ).toMatchObject({ ok: false, code: 'invalid-mentions', ids: [jane.id] });
  });

  it('R5: a mention of an end user or an unknown id is refused with the ids', () => {
    expect(
      checkSubmission(note(doc(mention('user-janet'), mention('ghost'))), context()),
    ).toMatchObject({ ok: false, code: 'invalid-mentions', ids: ['user-janet', 'ghost'] });
  });

  it('R3: a public reply holding a mention node is refused as mentions-unavailable', () => {
    expect(
      checkSubmission(
        { kind: 'public-reply', body: doc(text('Hi '), mention(jane.id)) },
        context(),
      ),
    ).toMatchObject({ ok: false, code: 'mentions-unavailable' });
  });

  it('R4: a light agent cannot mention; a view-only agent cannot post', () => {
    expect(
      checkSubmission(note(doc(mention(jane.id))), { ...context(), author: lee }),
    ).toMatchObject({ ok: false, code: 'mentions-unavailable' });
    const readonly = demoConversations.find((c) => c.id === 'conv-readonly')!;
    expect(checkSubmission(note(doc(text('hi'))), context(readonly))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('R19: a conversation the author cannot view does not exist; posting as someone else is forbidden', () => {
    expect(checkSubmission(note(doc(text('hi'))), { ...context(), author: nora })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(checkSubmission(note(doc(text('hi')), { authorId: ada.id }), context())).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it.each([
    ['spaces', '   '],
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['joiners, a word joiner, a BOM and a soft hyphen', '\u200c\u200d\u2060\ufeff\u00ad \n'],
  ])('R19: text of only %s is an empty message', (_, value) => {
    expect(checkSubmission(note(doc(text(value))), context())).toMatchObject({
      ok: false,
      code: 'empty-message',
    });
  });

  it(`R6, R19: at most ${BODY_LIMITS.mentions} different agents per note (too-many-mentions)`, () => {
    const ids = Array.from({ length: BODY_LIMITS.mentions + 1 }, (_, i) => `agent-${i}`);
    expect(readSubmission(note(doc(...ids.map((id) => mention(id)))))).toMatchObject({
      ok: false,
      code: 'too-many-mentions',
    });
    expect(readSubmission(note(doc(...ids.slice(1).map((id) => mention(id)))))).toMatchObject({
      ok: true,
    });
  });

  it('R19: a malformed submission is invalid-body, never a crash', () => {
    for (const input of [null, 42, [], { kind: 'shout', body: doc(text('x')) }, note([1, 2])]) {
      expect(checkSubmission(input, context())).toMatchObject({ ok: false, code: 'invalid-body' });
    }
  });
});

describe('the other decisions: drafts, followers, settings', () => {
  it('R8, R19: a draft is checked against the same schema; its text is derived', () => {
    expect(checkDraft({ doc: doc(text('half')), text: 'forged', updatedAt: 5 })).toEqual({
      ok: true,
      draft: { doc: doc(text('half')), text: 'half', updatedAt: 5 },
    });
    expect(checkDraft({ doc: [1, 2], text: '', updatedAt: 5 })).toMatchObject({
      code: 'invalid-body',
    });
    expect(
      checkDraft({ doc: doc(text('x'.repeat(BODY_LIMITS.textLength + 1))), updatedAt: 1 }),
    ).toMatchObject({ code: 'too-large' });
  });

  it('R5, R10: adding an end user or removing as a light agent is forbidden; an unknown agent is not found', () => {
    const change = { actor: sam, conversation: refund, settings };
    expect(checkFollowerChange({ ...change, type: 'add', agentId: jane.id, target: jane })).toEqual(
      { ok: true },
    );
    expect(
      checkFollowerChange({
        ...change,
        type: 'add',
        agentId: 'user-janet',
        target: demoEndUsers[0],
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(checkFollowerChange({ ...change, type: 'add', agentId: 'ghost' })).toMatchObject({
      code: 'not-found',
    });
    expect(
      checkFollowerChange({ ...change, actor: lee, type: 'remove', agentId: ada.id }),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('R4: only an admin changes settings, and only to known values', () => {
    expect(checkSettingsChange(ada, settings, { collaborationEnabled: false })).toEqual({
      ok: true,
      settings: { ...settings, collaborationEnabled: false },
    });
    expect(checkSettingsChange(sam, settings, { collaborationEnabled: false })).toMatchObject({
      code: 'forbidden',
    });
    expect(checkSettingsChange(ada, settings, { collaborationEnabled: 'yes' })).toMatchObject({
      code: 'invalid-body',
    });
    expect(
      checkSettingsChange(ada, settings, { __proto__: { x: 1 }, isAdmin: true }),
    ).toMatchObject({
      code: 'invalid-body',
    });
  });
});
