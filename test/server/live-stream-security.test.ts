import { connect, type Socket } from 'node:net';
import type { Conversation } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpAdapters, type HttpAdapters } from '../../packages/adapter-http/src';
import {
  api,
  clientFor,
  eventually,
  note,
  startTestServer,
  type TestServer,
  tokenFor,
} from './helpers';
import { openStream } from './sse';

const { sam, jane, ada, jamie } = demoAgents;
const mention = (agent: { id: string; name: string }) => ({ id: agent.id, label: agent.name });

describe('the live stream decides from current access and never goes silent (PROTOCOL.md "Live events")', () => {
  let t: TestServer;
  let keys = 0;
  const post = (token: string, conversationId: string, input: ReturnType<typeof note>) =>
    api<{ conversation: Conversation }>(
      t.baseUrl,
      'POST',
      `/conversations/${conversationId}/messages`,
      {
        token,
        headers: { 'Idempotency-Key': `stream-${++keys}` },
        body: input,
      },
    );
  const touchSettings = async () => {
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const { status } = await api(t.baseUrl, 'PUT', '/settings', {
      token: adaToken,
      body: { collaborationEnabled: true },
    });
    expect(status).toBe(200);
  };

  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('R7: an agent whose access was revoked gets nothing of the conversation, backlog included', async () => {
    const samToken = await tokenFor(t.baseUrl, sam.id);
    const janeToken = await tokenFor(t.baseUrl, jane.id);
    const fresh = await openStream(t.baseUrl, { token: janeToken });
    const from = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    for (let i = 0; i < 3; i++) {
      const added = i === 0 ? [jane.id] : [];
      const { status } = await post(
        samToken,
        'conv-refund',
        note(`Jane ${i}`, [mention(jane)], added),
      );
      expect(status).toBe(201);
    }
    const resume = () =>
      openStream(t.baseUrl, {
        token: janeToken,
        conversations: ['conv-refund'],
        lastEventId: from,
      });

    // While she has access, resuming from that id replays the conversation and her mentions.
    const before = await resume();
    await before.next((e) => e.event === 'ready');
    before.close();
    expect(before.events.filter((e) => e.event === 'notification')).toHaveLength(3);
    expect(before.events.some((e) => e.event === 'conversation')).toBe(true);

    await t.db.query(
      `INSERT INTO conversation_access (conversation_id, agent_id, access) VALUES ('conv-refund', $1, 'none')
       ON CONFLICT (conversation_id, agent_id) DO UPDATE SET access = 'none'`,
      [jane.id],
    );
    const after = await resume();
    await after.next((e) => e.event === 'ready');
    expect(after.events.map((e) => e.event)).toEqual(['ready']);

    // Live, too: a new note is not sent; the settings change after it is (events are in order).
    await post(samToken, 'conv-refund', note('After the revocation'));
    await touchSettings();
    await after.next((e) => e.event === 'settings');
    expect(after.events.map((e) => e.event)).toEqual(['ready', 'settings']);
    after.close();
    await t.db.query('DELETE FROM conversation_access WHERE agent_id = $1', [jane.id]);
  });

  for (const lastEventId of ['999999999', 'abc']) {
    it(`Last-Event-ID ${lastEventId}: a resync event with the current id, then live events (never silence)`, async () => {
      const token = await tokenFor(t.baseUrl, jamie.id);
      const stream = await openStream(t.baseUrl, { token, lastEventId });
      const resync = await stream.next((e) => e.event === 'resync');
      const ready = await stream.next((e) => e.event === 'ready');
      expect(stream.events.indexOf(resync)).toBe(0);
      expect(Number(resync.id)).toBeLessThan(999999999);
      expect(ready.id).toBe(resync.id);
      await touchSettings();
      const live = await stream.next((e) => e.event === 'settings');
      expect(Number(live.id)).toBeGreaterThan(Number(ready.id));
      stream.close();
    });
  }

  it('the adapter reloads its conversations on a resync and carries on from the new id', async () => {
    const token = await tokenFor(t.baseUrl, jamie.id);
    let first = true;
    // As if the server's events had been reset since this client's last id.
    const staleFetch: typeof fetch = (input, init) => {
      if (String(input).includes('/events') && first) {
        first = false;
        const headers = new Headers(init?.headers);
        headers.set('Last-Event-ID', '999999999');
        return fetch(input, { ...init, headers });
      }
      return fetch(input, init);
    };
    let resyncs = 0;
    const client: HttpAdapters = createHttpAdapters({
      baseUrl: t.baseUrl,
      headers: { Authorization: `Bearer ${token}` },
      fetch: staleFetch,
      onResync: () => resyncs++,
    });
    const seen: Conversation[] = [];
    client.conversations.subscribe('conv-printer', (c) => seen.push(c));
    await eventually(() => resyncs === 1, { what: 'the resync' });
    expect(seen.map((c) => c.id)).toEqual(['conv-printer']);
    expect(Number(client.stream.lastEventId)).toBeLessThan(999999999);
    const samToken = await tokenFor(t.baseUrl, sam.id);
    const { body } = await post(samToken, 'conv-printer', note('After the resync'));
    await eventually(() => seen.find((c) => c.version === body.conversation.version));
    client.close();
  });
});

describe('a bounded queue per SSE client', () => {
  let t: TestServer;
  const sockets: Socket[] = [];
  const clients: HttpAdapters[] = [];
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    for (const client of clients) client.close();
    await t.stop();
  });

  it('10 clients that never read are dropped, memory stays bounded, and a reading client gets every event', async () => {
    // Every change of this conversation is an event of about 1.2 MB (it carries the conversation).
    await t.db.query(
      `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
       SELECT 'big-' || g, nextval('message_seq'), 'conv-refund', 'agent-sam', 'internal-note',
              jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object(
                'type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', repeat('x', 30000)))))),
              repeat('x', 30000), '[]'::jsonb, 0, 'big-' || g
       FROM generate_series(1, 20) AS g`,
    );
    const jamieToken = await tokenFor(t.baseUrl, jamie.id);
    const { port, url } = t.server;
    for (let i = 0; i < 10; i++) {
      const socket = connect(port, new URL(url).hostname);
      socket.pause();
      socket.write(
        `GET /api/events?conversations=conv-refund HTTP/1.1\r\nHost: ${new URL(url).host}\r\n` +
          `Authorization: Bearer ${jamieToken}\r\nAccept: text/event-stream\r\n\r\n`,
      );
      sockets.push(socket);
    }
    const reader = await clientFor(t.baseUrl, jane.id);
    clients.push(reader);
    const versions: number[] = [];
    reader.conversations.subscribe('conv-refund', (c) => versions.push(c.version));
    await eventually(() => t.server.liveStats().clients === 11, { what: '11 connected clients' });

    // What the server holds for its SSE clients, sampled all along.
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, t.server.liveStats().queuedBytes);
    }, 5);
    const samToken = await tokenFor(t.baseUrl, sam.id);
    let last = 0;
    for (let i = 0; i < 20; i++) {
      const { status, body } = await api<{ conversation: Conversation }>(
        t.baseUrl,
        'POST',
        '/conversations/conv-refund/messages',
        {
          token: samToken,
          headers: { 'Idempotency-Key': `big-note-${i}` },
          body: note(`Big ${i}`),
        },
      );
      expect(status).toBe(201);
      last = body.conversation.version;
    }
    await eventually(() => versions.includes(last), { timeoutMs: 60_000, what: 'the last change' });
    await eventually(() => t.server.liveStats().clients === 1, {
      timeoutMs: 60_000,
      what: 'the drops',
    });
    clearInterval(sampler);
    const peakMb = peak / 2 ** 20;
    console.log(`10 slow clients, 20 events of ~1.2 MB: at most ${peakMb.toFixed(1)} MB queued`);
    // Each of the 11 clients holds at most its 4 MiB queue plus the event that overflowed it;
    // unbounded, each non-reading client would hold every event (10 × 24 MB).
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(11 * (4 + 1.3));
    expect(versions.at(-1)).toBe(last);

    // The dropped clients see their connection end after what was already on the wire.
    await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.on('close', () => resolve());
            socket.on('error', () => {});
            socket.resume();
          }),
      ),
    );
  }, 180_000);
});

describe('a backlog larger than the queue', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ liveEvents: { maxQueuedBytes: 16 * 1024 } });
  });
  afterAll(() => t.stop());

  it('R12: a client resuming far behind gets every event in order, read page by page as it reads', async () => {
    const jamieToken = await tokenFor(t.baseUrl, jamie.id);
    const fresh = await openStream(t.baseUrl, { token: jamieToken });
    const from = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    // Each change carries the whole conversation, here about 600 KB: 8 changes are several
    // pages of backlog (1 MiB each) and 300 times the client's queue.
    await t.db.query(
      `INSERT INTO messages (id, seq, conversation_id, author_id, kind, body, text, mention_ids, created_at, idempotency_key)
       SELECT 'long-' || g, nextval('message_seq'), 'conv-printer', 'agent-sam', 'internal-note',
              '{"type":"doc","content":[]}'::jsonb, repeat('y', 30000), '[]'::jsonb, 0, 'long-' || g
       FROM generate_series(1, 20) AS g`,
    );
    const samToken = await tokenFor(t.baseUrl, sam.id);
    const versions: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { body } = await api<{ conversation: Conversation }>(
        t.baseUrl,
        'POST',
        '/conversations/conv-printer/messages',
        {
          token: samToken,
          headers: { 'Idempotency-Key': `behind-${i}` },
          body: note(`Behind ${i}`),
        },
      );
      versions.push(body.conversation.version);
    }
    const stream = await openStream(t.baseUrl, {
      token: jamieToken,
      conversations: ['conv-printer'],
      lastEventId: from,
    });
    await stream.next((e) => e.event === 'ready');
    const received = stream.events
      .filter((e) => e.event === 'conversation')
      .map((e) => (JSON.parse(e.data) as { conversation: Conversation }).conversation.version);
    expect(received).toEqual(versions);
    stream.close();
  });
});
