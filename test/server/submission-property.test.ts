import { checkRichText, isBlankText, type Message } from '@aside/core';
import { demoAgents, demoEndUsers } from '@aside/core/memory';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAsClient, postRaw } from './attack-helpers';
import { tokenFor, useTestServer } from './helpers';
import { UNSAFE_HREFS } from './xss-vectors';

const { sam, jane, lee } = demoAgents;
const agentIds = new Set<string>(Object.values(demoAgents).map((agent) => agent.id));
const ids = [...agentIds, ...demoEndUsers.map((user) => user.id), 'unknown-id', 'agent-\u0000'];
const conversations = ['conv-refund', 'conv-printer', 'conv-live', 'conv-readonly'];

const nasty = fc.constantFrom(
  '',
  '   ',
  '\u200b',
  'a\u0000b',
  '\ud800',
  '<script>alert(1)</script>',
  'Hi there',
);
const words = fc.oneof(
  nasty,
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const href = fc.oneof(
  fc.constantFrom('https://example.com', 'mailto:a@b.c', 'http://x.y/z'),
  fc.constantFrom(...UNSAFE_HREFS),
);
const mark = fc.oneof(
  fc.constantFrom({ type: 'bold' }, { type: 'italic' }, { type: 'code' }, { type: 'strike' }),
  href.map((h) => ({ type: 'link', attrs: { href: h } })),
);
const inline = fc.oneof(
  fc.record(
    { type: fc.constant('text'), text: words, marks: fc.array(mark, { maxLength: 2 }) },
    { requiredKeys: ['type', 'text'] },
  ),
  fc.constant({ type: 'hardBreak' }),
  fc.record({
    type: fc.constant('mention'),
    attrs: fc.record({ id: fc.constantFrom(...ids), label: words }),
  }),
  fc.record({ type: fc.constantFrom('script', 'img', 'iframe'), attrs: fc.constant({ src: 'x' }) }),
);
const paragraph = fc.record(
  {
    type: fc.constant('paragraph'),
    content: fc.array(inline, { maxLength: 4 }),
    attrs: fc.constantFrom({ onerror: 'alert(1)' }, {}),
  },
  { requiredKeys: ['type', 'content'] },
);
const { block } = fc.letrec<{ block: unknown; item: unknown }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    paragraph,
    fc.record({
      type: fc.constantFrom('bulletList', 'orderedList'),
      content: fc.array(tie('item'), { minLength: 0, maxLength: 2 }),
    }),
  ),
  item: fc.record({
    type: fc.constant('listItem'),
    content: fc.array(tie('block'), { minLength: 0, maxLength: 2 }),
  }),
}));
const hostileBody = fc.record({
  type: fc.constant('doc'),
  content: fc.array(block, { maxLength: 3 }),
});

// What a well-behaved composer sends: the property must reach the database, not only refusals.
const plainText = fc.string({ minLength: 1, maxLength: 20 });
const validInline = fc.oneof(
  fc.record(
    {
      type: fc.constant('text'),
      text: plainText,
      marks: fc.subarray([
        { type: 'bold' },
        { type: 'italic' },
        { type: 'link', attrs: { href: 'https://example.com' } },
      ]),
    },
    { requiredKeys: ['type', 'text'] },
  ),
  fc.constant({ type: 'hardBreak' }),
  fc.record({
    type: fc.constant('mention'),
    attrs: fc.record({ id: fc.constantFrom(...agentIds), label: plainText }),
  }),
);
const validParagraph = fc.record({
  type: fc.constant('paragraph'),
  content: fc.array(validInline, { minLength: 1, maxLength: 4 }),
});
const validBlock = fc.oneof(
  validParagraph,
  fc.record({
    type: fc.constantFrom('bulletList', 'orderedList'),
    content: fc.array(
      fc.record({ type: fc.constant('listItem'), content: fc.tuple(validParagraph) }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);
const validBody = fc.record({
  type: fc.constant('doc'),
  content: fc.array(validBlock, { minLength: 1, maxLength: 3 }),
});

// Mostly plausible documents, some hostile ones, sometimes any JSON at all.
const body = fc.oneof(
  { arbitrary: validBody, weight: 8 },
  { arbitrary: hostileBody, weight: 3 },
  { arbitrary: fc.jsonValue(), weight: 1 },
);

const submission = fc.record(
  {
    kind: fc.oneof(
      { arbitrary: fc.constantFrom('internal-note', 'public-reply'), weight: 9 },
      { arbitrary: fc.string({ maxLength: 5 }), weight: 1 },
    ),
    body,
    text: words,
    // Usually absent (the server derives mentions); sometimes a list that may hold ghosts.
    mentionIds: fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 4 },
      { arbitrary: fc.array(fc.constantFrom(...ids), { maxLength: 3 }), weight: 1 },
    ),
    addFollowerIds: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  },
  { requiredKeys: ['kind', 'body'] },
);

describe('random submissions through the HTTP API (R19, R20)', () => {
  const t = useTestServer();
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    for (const agent of [sam, jane, lee]) tokens.set(agent.id, await tokenFor(t.baseUrl, agent.id));
  });

  it('R19, R20: never a 5xx, and never a stored message that any client rejects', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(sam.id, sam.id, jane.id, lee.id),
        fc.constantFrom(...conversations, 'conv-refund', 'conv-printer'),
        submission,
        async (author, conversationId, input) => {
          const response = await postRaw(t.baseUrl, tokens.get(author)!, conversationId, input);
          expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
          if (response.status >= 300) {
            expect(response.body.error.code).toEqual(expect.any(String));
            return;
          }
          stored++;
          const message: Message = response.body.message;
          expect(checkRichText(message.body).ok).toBe(true);
          expect(isBlankText(message.text) && message.mentionIds.length === 0).toBe(false);
          expect(message.mentionIds.every((id) => agentIds.has(id))).toBe(true);
          if (message.kind === 'public-reply') expect(message.mentionIds).toEqual([]);
        },
      ),
      // 300 runs: with 200, a fresh-clone CI run stored 19 against the floor of 20 below.
      { numRuns: 300 },
    );
    // The generator must reach the store too, or the property says nothing about stored bodies.
    expect(stored).toBeGreaterThan(20);
    for (const id of conversations.filter((c) => c !== 'conv-readonly')) {
      await loadAsClient(t.baseUrl, jane.id, id);
    }
    await loadAsClient(t.baseUrl, sam.id, 'conv-readonly');
  }, 120_000);
});
