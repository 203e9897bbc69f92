import { demoAgents } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  insertMessages,
  mention,
  note,
  postMessage,
  reply,
  tokenFor,
  useTestServer,
  type WireChange,
} from './helpers';
import { openStream } from './sse';

const { sam, jane, ada, jamie, nora } = demoAgents;

interface Page {
  conversation: { id: string; version: number; followerIds: string[]; messages: { id: string }[] };
  olderCursor: string | null;
}

describe('protocol v2: changes, not conversations (PROTOCOL.md "version 2")', () => {
  const t = useTestServer();
  let samToken: string;
  let keys = 0;
  const key = () => `v2-${++keys}`;
  const load = (id: string, token = samToken, query = '') =>
    api<Page>(t.baseUrl, 'GET', `/conversations/${id}${query}`, { token });
  const version = async (id: string) => (await load(id)).body.conversation.version;

  beforeAll(async () => {
    samToken = await tokenFor(t.baseUrl, sam.id);
  });

  it('R6, R16: a note that adds a follower answers 201 with ONE message-added change at version + 1; a replay answers 200 with the same', async () => {
    const before = await version('conv-refund');
    const sent = note('Jane, can you check?', [mention(jane)]);
    const first = await postMessage(t.baseUrl, samToken, 'conv-refund', 'v2-mention', sent);
    expect(first.status).toBe(201);
    expect(Object.keys(first.body).sort()).toEqual(['change', 'message']);
    const { change, message } = first.body;
    expect(change).toMatchObject({
      type: 'message-added',
      conversationId: 'conv-refund',
      version: before + 1,
      message: { id: message.id, text: message.text },
    });
    expect(change.followerIds).toEqual([ada.id, jane.id]);
    // The change carries the message alone, never the conversation.
    expect(change).not.toHaveProperty('messages');
    expect(await version('conv-refund')).toBe(before + 1);

    const again = await postMessage(t.baseUrl, samToken, 'conv-refund', 'v2-mention', sent);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await version('conv-refund')).toBe(before + 1);
  });

  it('R11: a reply adds no followers: its change has no followerIds and raises the version by exactly 1', async () => {
    const before = await version('conv-refund');
    const { status, body } = await postMessage(
      t.baseUrl,
      samToken,
      'conv-refund',
      key(),
      reply('On it'),
    );
    expect(status).toBe(201);
    expect(body.change.version).toBe(before + 1);
    expect(body.change).not.toHaveProperty('followerIds');
  });

  it('R10, R11: adding and removing a follower each answer 200 { change } with the list, one version apart', async () => {
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const before = await version('conv-printer');
    const added = await api<{ change: WireChange }>(
      t.baseUrl,
      'POST',
      '/conversations/conv-printer/followers',
      { token: adaToken, body: { agentId: jamie.id } },
    );
    expect(added.status).toBe(200);
    expect(added.body.change).toEqual({
      type: 'followers-changed',
      conversationId: 'conv-printer',
      version: before + 1,
      followerIds: [jamie.id],
    });
    const removed = await api<{ change: WireChange }>(
      t.baseUrl,
      'DELETE',
      `/conversations/conv-printer/followers/${jamie.id}`,
      { token: adaToken },
    );
    expect(removed.status).toBe(200);
    expect(removed.body.change).toEqual({
      type: 'followers-changed',
      conversationId: 'conv-printer',
      version: before + 2,
      followerIds: [],
    });
  });

  it('R12: a loaded page holds the newest messages ascending; olderCursor pages back to the first, each once', async () => {
    await insertMessages(t.db, 'conv-live', 120, 'Paged');
    const first = await load('conv-live');
    expect(first.status).toBe(200);
    // Default 50.
    expect(first.body.conversation.messages).toHaveLength(50);
    const rows = await t.db.query<{ id: string }>(
      "SELECT id FROM messages WHERE conversation_id = 'conv-live' ORDER BY seq",
    );
    expect(first.body.conversation.messages.map((m) => m.id)).toEqual(
      rows.slice(-50).map((r) => r.id),
    );
    const all = [...first.body.conversation.messages];
    let cursor = first.body.olderCursor;
    let pages = 0;
    while (cursor !== null) {
      const older = await api<{ messages: { id: string }[]; olderCursor: string | null }>(
        t.baseUrl,
        'GET',
        `/conversations/conv-live/messages?before=${encodeURIComponent(cursor)}&limit=30`,
        { token: samToken },
      );
      expect(older.status).toBe(200);
      expect(older.body.messages.length).toBeLessThanOrEqual(30);
      all.unshift(...older.body.messages);
      cursor = older.body.olderCursor;
      pages++;
    }
    expect(pages).toBe(Math.ceil((rows.length - 50) / 30));
    expect(all.map((m) => m.id)).toEqual(rows.map((r) => r.id));

    const small = await load('conv-live', samToken, '?limit=200');
    expect(small.body.conversation.messages).toHaveLength(rows.length);
    expect(small.body.olderCursor).toBeNull();
  });

  for (const [query, what] of [
    ['?limit=0', 'limit 0'],
    ['?limit=201', 'limit above 200'],
    ['?limit=ten', 'limit that is not a number'],
    ['/messages?before=abc', 'cursor that is not one'],
    ['/messages?before=', 'empty cursor'],
    ['/messages?before=-5', 'negative cursor'],
    ['/messages?before=10&limit=1.5', 'fractional limit'],
  ] as const) {
    it(`R19: a ${what} is 400 bad-request with the documented error shape`, async () => {
      const { status, body } = await api(t.baseUrl, 'GET', `/conversations/conv-live${query}`, {
        token: samToken,
      });
      expect(status).toBe(400);
      expect(body).toEqual({
        error: { code: 'bad-request', message: expect.any(String), ids: [] },
      });
    });
  }

  it('R7: older messages of a conversation the agent cannot view are 404, like one that does not exist', async () => {
    const noraToken = await tokenFor(t.baseUrl, nora.id);
    const hidden = await api(t.baseUrl, 'GET', '/conversations/conv-refund/messages?before=99', {
      token: noraToken,
    });
    const missing = await api(t.baseUrl, 'GET', '/conversations/nope/messages?before=99', {
      token: noraToken,
    });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body).toEqual({
      error: { code: 'not-found', message: expect.any(String), ids: [] },
    });
  });

  it('R12: ready carries the versions of the watched conversations the agent can view, and no others', async () => {
    const noraToken = await tokenFor(t.baseUrl, nora.id);
    const stream = await openStream(t.baseUrl, {
      token: noraToken,
      conversations: ['conv-refund', 'conv-live', 'conv-missing'],
    });
    const ready = await stream.next((e) => e.event === 'ready');
    stream.close();
    expect(JSON.parse(ready.data)).toEqual({
      versions: { 'conv-live': await version('conv-live') },
    });
  });

  it('R12: a change between a load and the stream shows in ready.versions (nothing is missed)', async () => {
    const loaded = await version('conv-printer');
    await postMessage(t.baseUrl, samToken, 'conv-printer', key(), note('Between load and stream'));
    const stream = await openStream(t.baseUrl, {
      token: samToken,
      conversations: ['conv-printer'],
    });
    const ready = await stream.next((e) => e.event === 'ready');
    stream.close();
    expect(JSON.parse(ready.data).versions['conv-printer']).toBe(loaded + 1);
  });

  it('R12: a watcher receives event: change with { change }; its size does not grow with the conversation', async () => {
    const stream = await openStream(t.baseUrl, {
      token: samToken,
      conversations: ['conv-readonly'],
    });
    await stream.next((e) => e.event === 'ready');
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const text = 'x'.repeat(100);
    const sizeOfNext = async (n: number) => {
      const from = stream.events.length;
      const { body } = await postMessage(
        t.baseUrl,
        adaToken,
        'conv-readonly',
        `size-${n}`,
        note(text),
      );
      const event = await stream.next(
        (e) => e.event === 'change' && JSON.parse(e.data).change.version === body.change.version,
        from,
      );
      expect(JSON.parse(event.data)).toEqual({ change: body.change });
      return new TextEncoder().encode(event.data).byteLength;
    };
    const small = await sizeOfNext(1);
    await insertMessages(t.db, 'conv-readonly', 1000, 'y'.repeat(100));
    const large = await sizeOfNext(2);
    stream.close();
    // Only ids and times differ (a few digits): 1,000 more messages of 100 characters add nothing.
    expect(Math.abs(large - small)).toBeLessThan(32);
    expect(large).toBeLessThan(2048);
  });
});
