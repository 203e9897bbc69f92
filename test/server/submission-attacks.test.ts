import {
  BODY_LIMITS,
  type Conversation,
  createAsideStore,
  type Message,
  UNREADABLE_MESSAGE_TEXT,
} from '@aside/core';
import { demoAgents, demoDirectory } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ErrorBody, expectRefused, loadAsClient, postRaw } from './attack-helpers';
import { api, clientFor, doc, note, reply, tokenFor, useTestServer } from './helpers';

const { sam, jane, ada, jamie, nora } = demoAgents;

/** Issue 10's table, row by row, as raw HTTP requests: each gets a 4xx or a safe result. */
describe('submissions the server must refuse or make safe (R19)', () => {
  const t = useTestServer();
  let samToken: string;
  const conversation = async (id: string, token = samToken) =>
    (await api<{ conversation: Conversation }>(t.baseUrl, 'GET', `/conversations/${id}`, { token }))
      .body.conversation;

  beforeAll(async () => {
    samToken = await tokenFor(t.baseUrl, sam.id);
  });

  it('R19, R20: a body of [1,2] is refused with 400, and every client still loads the conversation', async () => {
    const before = await conversation('conv-refund');
    expectRefused(
      await postRaw(t.baseUrl, samToken, 'conv-refund', { ...reply('x'), body: [1, 2] }),
      400,
      'invalid-body',
    );
    expect((await conversation('conv-refund')).messages).toHaveLength(before.messages.length);
    await loadAsClient(t.baseUrl, ada.id, 'conv-refund');
  });

  it('R3: a public reply holding a mention node is refused with 403 mentions-unavailable; nothing is stored', async () => {
    const before = await conversation('conv-refund');
    const response = await postRaw(t.baseUrl, samToken, 'conv-refund', {
      ...reply('psst'),
      body: doc('psst', [{ id: jane.id, label: jane.name }]),
    });
    expectRefused(response, 403, 'mentions-unavailable');
    const after = await conversation('conv-refund');
    expect(after.version).toBe(before.version);
    expect(after.followerIds).not.toContain(jane.id);
  });

  it('R5: a mention node for an end user is refused with 422 and its id; nobody is added', async () => {
    const response = await postRaw(
      t.baseUrl,
      samToken,
      'conv-refund',
      note('hey', [{ id: 'user-janet', label: 'Janet' }], []),
    );
    expectRefused(response, 422, 'invalid-mentions');
    expect(response.body.error.ids).toEqual(['user-janet']);
    expect((await conversation('conv-refund')).followerIds).not.toContain('user-janet');
  });

  it('R5: mentionIds that are not in the body ("ghost" mentions) are refused with 422; the agent is not added', async () => {
    const response = await postRaw(t.baseUrl, samToken, 'conv-printer', {
      ...note('no mention node here'),
      mentionIds: [jamie.id],
      addFollowerIds: [jamie.id],
    });
    expectRefused(response, 422, 'invalid-mentions');
    expect(response.body.error.ids).toEqual([jamie.id]);
    expect((await conversation('conv-printer')).followerIds).not.toContain(jamie.id);
  });

  it.each([
    ['a script node', { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] }],
    [
      'an iframe node',
      { type: 'doc', content: [{ type: 'iframe', attrs: { src: 'https://evil.example' } }] },
    ],
    [
      'a javascript: link',
      {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'click',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
        ],
      },
    ],
    [
      'an onerror attribute',
      { type: 'doc', content: [{ type: 'paragraph', attrs: { onerror: 'alert(1)' } }] },
    ],
  ])('R19: a body with %s is refused with 400 invalid-body', async (_, body) => {
    expectRefused(
      await postRaw(t.baseUrl, samToken, 'conv-refund', { ...note('x'), body }),
      400,
      'invalid-body',
    );
  });

  it('R19: text of only zero-width spaces is an empty message (400)', async () => {
    expectRefused(
      await postRaw(t.baseUrl, samToken, 'conv-refund', note('\u200b\u200b\u200b\ufeff')),
      400,
      'empty-message',
    );
  });

  it('R19: an oversized note or draft (over the core caps) is refused with 413, never stored', async () => {
    // Twice the text cap (200 kB), small enough that the upload is read whole. A 10 MB
    // body is refused by the same cap (test/core/submission.test.ts) or earlier, at the edge.
    const huge = 'x'.repeat(2 * BODY_LIMITS.textLength);
    expectRefused(await postRaw(t.baseUrl, samToken, 'conv-refund', note(huge)), 413, 'too-large');
    const draft = await api<ErrorBody>(t.baseUrl, 'PUT', '/drafts/huge', {
      token: samToken,
      body: { draft: { doc: doc(huge), text: huge, updatedAt: 1 } },
    });
    expectRefused(draft, 413, 'too-large');
    expect(
      (await api<{ draft: unknown }>(t.baseUrl, 'GET', '/drafts/huge', { token: samToken })).body
        .draft,
    ).toBeNull();
  });

  it('R19: a note nested 100 000 deep is refused with a 4xx, never a 500', async () => {
    // Written by hand: JSON.stringify itself would overflow the stack on such an object.
    const depth = 100_000;
    const open =
      '{"type":"bulletList","content":[{"type":"listItem","content":[{"type":"paragraph"},';
    const raw = `{"kind":"internal-note","body":{"type":"doc","content":[${open.repeat(depth)}{"type":"paragraph"}${']}]}'.repeat(depth)}]}}`;
    const response = await fetch(`${t.baseUrl}/conversations/conv-refund/messages`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${samToken}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': 'deep-1',
      },
      body: raw,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('R19: NUL in text, in a mention id, in a conversation id or in a draft key gets a 4xx, never a 500', async () => {
    const refusedAt = (status: number) =>
      expect(status >= 400 && status < 500, `${status}`).toBe(true);
    expect((await postRaw(t.baseUrl, samToken, 'conv-refund', note('a\u0000b'))).status).toBe(400);
    const nulMention = note('hi', [{ id: 'agent-\u0000', label: 'x' }]);
    expect((await postRaw(t.baseUrl, samToken, 'conv-refund', nulMention)).status).toBe(400);
    refusedAt((await postRaw(t.baseUrl, samToken, 'conv-\u0000', note('hi'))).status);
    const draft = await api(t.baseUrl, 'PUT', `/drafts/${encodeURIComponent('k\u0000')}`, {
      token: samToken,
      body: { draft: { doc: doc('x'), text: 'x', updatedAt: 1 } },
    });
    refusedAt(draft.status);
    const follower = await api(t.baseUrl, 'POST', '/conversations/conv-refund/followers', {
      token: samToken,
      body: { agentId: 'agent-\u0000' },
    });
    refusedAt(follower.status);
    expect(
      (await conversation('conv-refund')).messages.some((m) => m.text.includes('\u0000')),
    ).toBe(false);
  });

  it(`R6, R19: 300 mentions in one note are refused with 422 too-many-mentions (cap ${BODY_LIMITS.mentions}); nobody is added`, async () => {
    // 300 real agents of the directory, each of whom could otherwise be added and notified.
    const mentions = demoDirectory()
      .slice(0, 300)
      .map((agent) => ({ id: agent.id, label: agent.name }));
    expect(mentions).toHaveLength(300);
    const before = await conversation('conv-printer');
    const response = await postRaw(
      t.baseUrl,
      samToken,
      'conv-printer',
      note('all of you', mentions),
    );
    expectRefused(response, 422, 'too-many-mentions');
    expect((await conversation('conv-printer')).followerIds).toEqual(before.followerIds);
  });

  it('R6, R19: a stale addFollowerIds (someone added that follower a moment ago) still posts: 201', async () => {
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    // Sam's client saw conv-printer without Jane and will ask to add her...
    const stale = note('Jane, can you take this?', [{ id: jane.id, label: jane.name }]);
    // ...but Ada adds her first.
    const added = await api(t.baseUrl, 'POST', '/conversations/conv-printer/followers', {
      token: adaToken,
      body: { agentId: jane.id },
    });
    expect(added.status).toBe(200);
    const response = await postRaw(t.baseUrl, samToken, 'conv-printer', stale);
    expect(response.status).toBe(201);
    expect(response.body.message.mentionIds).toEqual([jane.id]);
    const followers = (await conversation('conv-printer')).followerIds;
    expect(followers.filter((id) => id === jane.id)).toHaveLength(1);
  });

  it('R19: the stored text and mention labels are derived from the body, not taken from the client', async () => {
    const response = await postRaw(t.baseUrl, samToken, 'conv-refund', {
      ...note('Over to you', [{ id: jamie.id, label: 'Ada Lindqvist' }]),
      text: 'something else entirely',
    });
    expect(response.status).toBe(201);
    expect(response.body.message.text).toBe('Over to you @Jamie Okafor');
    expect(JSON.stringify(response.body.message.body)).not.toContain('Ada Lindqvist');
  });

  it('R19: an agent whose access was revoked replaying an old idempotency key gets 404, not the conversation', async () => {
    const noraToken = await tokenFor(t.baseUrl, nora.id);
    const first = await postRaw(t.baseUrl, noraToken, 'conv-live', reply('On it'), 'nora-old-key');
    expect(first.status).toBe(201);
    await t.db.query(
      `INSERT INTO conversation_access (conversation_id, agent_id, access) VALUES ('conv-live', $1, 'none')
       ON CONFLICT (conversation_id, agent_id) DO UPDATE SET access = 'none'`,
      [nora.id],
    );
    for (const target of ['conv-live', 'conv-readonly']) {
      const replay = await postRaw(t.baseUrl, noraToken, target, reply('On it'), 'nora-old-key');
      expectRefused(replay, 404, 'not-found');
      expect(replay.body).not.toHaveProperty('conversation');
      if (target !== 'conv-live') expect(JSON.stringify(replay.body)).not.toContain('conv-live');
    }
  });

  it('R16: two conversations racing one idempotency key get the original result, never a 500', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => `race-${i}`);
    const responses = await Promise.all(
      keys.flatMap((key) =>
        ['conv-refund', 'conv-printer'].map((id) =>
          postRaw(t.baseUrl, samToken, id, reply(`racing ${key}`), key).then((response) => ({
            key,
            response,
          })),
        ),
      ),
    );
    for (const { response } of responses) expect([200, 201]).toContain(response.status);
    for (const key of keys) {
      const pair = responses.filter((r) => r.key === key).map((r) => r.response);
      expect(pair.map((r) => r.status).sort()).toEqual([200, 201]);
      expect(pair[0]!.body.message.id).toBe(pair[1]!.body.message.id);
    }
    const stored = await t.db.query<{ count: number }>(
      "SELECT count(*)::int AS count FROM messages WHERE idempotency_key LIKE 'race-%'",
    );
    expect(Number(stored[0]!.count)).toBe(keys.length);
  });

  it('R20: a bad message already in the database (legacy data) shows as one placeholder; the rest load', async () => {
    await t.db.query(
      `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
       VALUES ('legacy-1', nextval('message_seq'), 'conv-readonly', $1, 'internal-note', '[1,2]'::jsonb, 'x', '[]'::jsonb, 1, 'legacy-1'),
              ('legacy-2', nextval('message_seq'), 'conv-readonly', $1, 'internal-note', $2::jsonb, 'fine', '[]'::jsonb, 2, 'legacy-2')`,
      [ada.id, JSON.stringify(doc('fine'))],
    );
    const adapters = await clientFor(t.baseUrl, sam.id);
    const store = createAsideStore({ adapters, currentAgentId: sam.id });
    try {
      store.openConversation('conv-readonly');
      await expect
        .poll(() => store.getSnapshot().conversations['conv-readonly']?.status, { timeout: 10_000 })
        .toBe('ready');
      const messages = store.getSnapshot().conversations['conv-readonly']!.conversation!.messages;
      expect(messages.map((m) => [m.id, m.invalid ?? false, m.text])).toEqual([
        ['legacy-1', true, UNREADABLE_MESSAGE_TEXT],
        ['legacy-2', false, 'fine'],
      ]);
    } finally {
      store.destroy();
      adapters.close();
    }
  });

  it('R20: after every attack above, each agent client loads every conversation with no invalid message', async () => {
    for (const id of ['conv-refund', 'conv-printer']) {
      const messages: readonly Message[] = await loadAsClient(t.baseUrl, sam.id, id);
      expect(Array.isArray(messages)).toBe(true);
    }
  });
});
