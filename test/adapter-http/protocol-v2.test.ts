// @vitest-environment node
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConversationEvent, Settings } from '@aside/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpAdapters, type HttpAdapters } from '../../packages/adapter-http/src';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

type Handler = (request: Seen) => { status: number; body?: unknown };

/** A tiny protocol-v2 server: JSON answers from `handle`, and event streams the test writes to. */
async function tinyServer(handle: Handler) {
  const seen: Seen[] = [];
  const streams: ServerResponse[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/api/events')) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
      res.write(': open\n\n');
      streams.push(res);
      return;
    }
    let text = '';
    for await (const chunk of req) text += chunk;
    const request = {
      method: req.method ?? 'GET',
      url: (req.url ?? '').replace(/^\/api/, ''),
      body: text ? JSON.parse(text) : undefined,
    };
    seen.push(request);
    const { status, body } = handle(request);
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    seen,
    streams,
    /** Writes one SSE event to every open stream. */
    send(event: string, id: number, data: unknown) {
      for (const stream of streams) {
        stream.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.destroy();
        server.close(() => resolve());
      }),
  };
}

const message = { id: 'm9', conversationId: 'c1', authorId: 'sam', kind: 'internal-note' };
const change = { type: 'message-added', conversationId: 'c1', version: 8, message };
const followers = {
  type: 'followers-changed',
  conversationId: 'c1',
  version: 9,
  followerIds: ['ada'],
};
const settings: Settings = { collaborationEnabled: true, mentionWithoutAccess: 'skip' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function start(handle: Handler, onResync?: () => void) {
  const server = await tinyServer(handle);
  const adapters: HttpAdapters = createHttpAdapters({
    baseUrl: server.baseUrl,
    reconnect: { minDelayMs: 10, maxDelayMs: 20 },
    ...(onResync ? { onResync } : {}),
  });
  cleanups.push(server.close, adapters.close);
  return { server, adapters };
}

describe('@aside/adapter-http speaks protocol version 2', () => {
  it('R17: load asks for a page, loadOlder for the messages before a cursor', async () => {
    const { server, adapters } = await start(({ url }) =>
      url.includes('/messages')
        ? { status: 200, body: { messages: [message], olderCursor: null } }
        : { status: 200, body: { conversation: { id: 'c1' }, olderCursor: 'cur 1' } },
    );
    const page = await adapters.conversations.load('c1', { limit: 20 });
    expect(page).toEqual({ conversation: { id: 'c1' }, olderCursor: 'cur 1' });
    const older = await adapters.conversations.loadOlder('c1', 'cur 1', { limit: 5 });
    expect(older).toEqual({ messages: [message], olderCursor: null });
    expect(server.seen.map((request) => request.url)).toEqual([
      '/conversations/c1?limit=20',
      '/conversations/c1/messages?before=cur+1&limit=5',
    ]);
  });

  it('R17: a write answers with the change it made, not the conversation', async () => {
    const { server, adapters } = await start(({ method }) =>
      method === 'POST' && server.seen.length === 1
        ? { status: 201, body: { message, change } }
        : { status: 200, body: { change: followers } },
    );
    const input = {
      conversationId: 'c1',
      idempotencyKey: 'k1',
      authorId: 'sam',
      kind: 'internal-note' as const,
      body: { type: 'doc' },
      text: '',
      mentionIds: [],
      addFollowerIds: [],
    };
    expect(await adapters.conversations.submitMessage(input)).toEqual({ message, change });
    expect(await adapters.conversations.addFollower('c1', 'ada', { actorId: 'sam' })).toEqual(
      followers,
    );
    expect(await adapters.conversations.removeFollower('c1', 'ada', { actorId: 'sam' })).toEqual(
      followers,
    );
    expect(server.seen.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /conversations/c1/messages',
      'POST /conversations/c1/followers',
      'DELETE /conversations/c1/followers/ada',
    ]);
  });

  it('R18: change events reach their conversation; ready.versions become current-version events', async () => {
    const { server, adapters } = await start(() => ({ status: 404 }));
    const c1: ConversationEvent[] = [];
    const c2: ConversationEvent[] = [];
    adapters.conversations.subscribe('c1', (event) => c1.push(event));
    adapters.conversations.subscribe('c2', (event) => c2.push(event));
    await expect.poll(() => server.streams.length).toBe(1);
    server.send('ready', 7, { versions: { c1: 7, c2: 3 } });
    server.send('change', 8, { change });
    await expect.poll(() => c1.length).toBe(2);
    expect(c1).toEqual([{ type: 'current-version', conversationId: 'c1', version: 7 }, change]);
    expect(c2).toEqual([{ type: 'current-version', conversationId: 'c2', version: 3 }]);
    // A resumed connection's `ready` may repeat the last id: its versions still count.
    server.send('ready', 8, { versions: { c1: 8 } });
    await expect.poll(() => c1.length).toBe(3);
    expect(c1[2]).toEqual({ type: 'current-version', conversationId: 'c1', version: 8 });
  });

  it('R18: resync tells every watched conversation to reload, reloads settings, then the host', async () => {
    let resynced = 0;
    const { server, adapters } = await start(
      () => ({ status: 200, body: { settings } }),
      () => resynced++,
    );
    const events: ConversationEvent[] = [];
    const seenSettings: Settings[] = [];
    adapters.conversations.subscribe('c1', (event) => events.push(event));
    adapters.conversations.subscribe('c2', (event) => events.push(event));
    adapters.settings.subscribe?.((next) => seenSettings.push(next));
    await expect.poll(() => server.streams.length).toBe(1);
    server.send('resync', 40, { reason: 'expired' });
    await expect.poll(() => resynced).toBe(1);
    expect(events).toEqual([
      { type: 'resync', conversationId: 'c1' },
      { type: 'resync', conversationId: 'c2' },
    ]);
    expect(seenSettings).toEqual([settings]);
    expect(adapters.stream.lastEventId).toBe('40');
  });
});
