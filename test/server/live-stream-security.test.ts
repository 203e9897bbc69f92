import { connect, type Socket } from 'node:net';
import type { Conversation } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../examples/workspace/server/events';
import {
  api,
  eventually,
  mention,
  note,
  type TestServer,
  tokenFor,
  useTestServer,
  type WireChange,
} from './helpers';
import { openStream, type RawStream } from './sse';

const { sam, jane, ada, jamie } = demoAgents;

describe('the live stream decides from current access and never goes silent (PROTOCOL.md "Live events")', () => {
  const t = useTestServer();
  let keys = 0;
  const post = (token: string, conversationId: string, input: ReturnType<typeof note>) =>
    api<{ change: WireChange }>(t.baseUrl, 'POST', `/conversations/${conversationId}/messages`, {
      token,
      headers: { 'Idempotency-Key': `stream-${++keys}` },
      body: input,
    });
  const touchSettings = async () => {
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const { status } = await api(t.baseUrl, 'PUT', '/settings', {
      token: adaToken,
      body: { collaborationEnabled: true },
    });
    expect(status).toBe(200);
  };

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
    expect(before.events.some((e) => e.event === 'change')).toBe(true);

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

  it('R12: after a resync, ready carries the versions to reload to, and changes follow live', async () => {
    const token = await tokenFor(t.baseUrl, jamie.id);
    // As if the server's events had been reset since this client's last id.
    const stream = await openStream(t.baseUrl, {
      token,
      conversations: ['conv-printer'],
      lastEventId: '999999999',
    });
    const resync = await stream.next((e) => e.event === 'resync');
    const ready = await stream.next((e) => e.event === 'ready');
    expect(JSON.parse(resync.data)).toEqual({ reason: 'ahead-of-server' });
    const current = await api<{ conversation: Conversation }>(
      t.baseUrl,
      'GET',
      '/conversations/conv-printer',
      { token },
    );
    expect(JSON.parse(ready.data)).toEqual({
      versions: { 'conv-printer': current.body.conversation.version },
    });
    const samToken = await tokenFor(t.baseUrl, sam.id);
    const { body } = await post(samToken, 'conv-printer', note('After the resync'));
    const live = await stream.next((e) => e.event === 'change');
    expect(JSON.parse(live.data)).toEqual({ change: body.change });
    expect(body.change.version).toBe(current.body.conversation.version + 1);
    stream.close();
  });
});

/** Change events of about `bytes` each, written as a server would (for sizes no note reaches). */
async function appendBigChanges(
  db: TestServer['db'],
  conversationId: string,
  versions: readonly number[],
  bytes: number,
): Promise<void> {
  for (const version of versions) {
    const change = {
      type: 'message-added' as const,
      conversationId,
      version,
      message: {
        id: `big-${conversationId}-${version}`,
        conversationId,
        authorId: 'agent-sam',
        kind: 'internal-note' as const,
        body: { type: 'doc', content: [] },
        text: 'x'.repeat(bytes),
        mentionIds: [],
        createdAt: 0,
      },
    };
    await db.transaction((tx) =>
      appendEvents(tx, db.channel, [{ type: 'change', payload: { change } }]),
    );
  }
}

describe('a bounded queue per SSE client', () => {
  const t = useTestServer();
  const sockets: Socket[] = [];
  const readers: RawStream[] = [];
  // Runs before the server stops (after-hooks run in reverse order).
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    for (const reader of readers) reader.close();
  });

  it('10 clients that never read are dropped, memory stays bounded, and a reading client gets every event', async () => {
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
    const reader = await openStream(t.baseUrl, {
      token: await tokenFor(t.baseUrl, jane.id),
      conversations: ['conv-refund'],
    });
    readers.push(reader);
    await reader.next((e) => e.event === 'ready');
    await eventually(() => t.server.liveStats().clients === 11, { what: '11 connected clients' });

    // What the server holds for its SSE clients, sampled all along.
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, t.server.liveStats().queuedBytes);
    }, 5);
    // 20 changes of about 1 MB each (no note is that large; they are written as the server would).
    const sent = Array.from({ length: 20 }, (_, i) => 1_000_000 + i);
    const last = sent.at(-1)!;
    const versions = () =>
      reader.events
        .filter((e) => e.event === 'change')
        .map((e) => (JSON.parse(e.data) as { change: WireChange }).change.version);
    // Paced by the reading client (as a poster waiting for each write would be).
    for (const version of sent) {
      await appendBigChanges(t.db, 'conv-refund', [version], 1_000_000);
      await eventually(() => versions().includes(version), { what: `change ${version}` });
    }
    await eventually(() => versions().includes(last), {
      timeoutMs: 60_000,
      what: 'the last change',
    });
    await eventually(() => t.server.liveStats().clients === 1, {
      timeoutMs: 60_000,
      what: 'the drops',
    });
    clearInterval(sampler);
    const peakMb = peak / 2 ** 20;
    console.log(`10 slow clients, 20 events of ~1 MB: at most ${peakMb.toFixed(1)} MB queued`);
    // Each of the 11 clients holds at most its 4 MiB queue plus the event that overflowed it;
    // unbounded, each non-reading client would hold every event (10 × 24 MB).
    expect(peakMb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(11 * (4 + 1.1));
    expect(versions()).toEqual(sent);

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
  const t = useTestServer({ liveEvents: { maxQueuedBytes: 16 * 1024 } });

  it('R12: a client resuming far behind gets every event in order, read page by page as it reads', async () => {
    const jamieToken = await tokenFor(t.baseUrl, jamie.id);
    const fresh = await openStream(t.baseUrl, { token: jamieToken });
    const from = (await fresh.next((e) => e.event === 'ready')).id!;
    fresh.close();
    // 8 changes of about 600 KB: several pages of backlog (1 MiB each) and 300 times the
    // client's queue. No note is that large; they are written as the server would.
    const versions = Array.from({ length: 8 }, (_, i) => 500 + i);
    await appendBigChanges(t.db, 'conv-printer', versions, 600_000);
    const stream = await openStream(t.baseUrl, {
      token: jamieToken,
      conversations: ['conv-printer'],
      lastEventId: from,
    });
    await stream.next((e) => e.event === 'ready');
    const received = stream.events
      .filter((e) => e.event === 'change')
      .map((e) => (JSON.parse(e.data) as { change: WireChange }).change.version);
    expect(received).toEqual(versions);
    stream.close();
  });
});
