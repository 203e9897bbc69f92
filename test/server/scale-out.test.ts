import type { Conversation, NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpAdapters } from '../../packages/adapter-http/src';
import {
  clientFor,
  eventually,
  note,
  onPostgres,
  openTestDatabase,
  startTestServer,
  type TestDatabase,
  type TestServer,
} from './helpers';

const { sam, jane } = demoAgents;

describe(`two server instances sharing one ${onPostgres ? 'PostgreSQL' : 'PGlite'} database`, () => {
  let db: TestDatabase;
  let first: TestServer;
  let second: TestServer;
  const clients: HttpAdapters[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    first = await startTestServer({ db });
    second = await startTestServer({ db: await db.another() });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await first.stop();
    await second.stop();
    await second.db.drop();
    await db.drop();
  });

  it('an event written through one server reaches an agent subscribed on the other (LISTEN/NOTIFY)', async () => {
    expect(first.server.port).not.toBe(second.server.port);
    const janeOnSecond = await clientFor(second.baseUrl, jane.id);
    const samOnFirst = await clientFor(first.baseUrl, sam.id);
    clients.push(janeOnSecond, samOnFirst);
    const notifications: NotificationEvent[] = [];
    const changes: Conversation[] = [];
    janeOnSecond.notifications.subscribe(jane.id, (event) => notifications.push(event));
    janeOnSecond.conversations.subscribe('conv-refund', (c) => changes.push(c));
    await eventually(() => janeOnSecond.stream.lastEventId !== null, { what: 'stream ready' });

    const { message, conversation } = await samOnFirst.conversations.submitMessage({
      conversationId: 'conv-refund',
      idempotencyKey: 'scale-1',
      authorId: sam.id,
      ...note('Jane, over to you', [{ id: jane.id, label: jane.name }]),
    });
    const event = await eventually(() => notifications[0], { what: 'the mention on server 2' });
    expect(event).toMatchObject({ id: `${message.id}:mention:${jane.id}`, kind: 'mention' });
    const change = await eventually(() => changes.find((c) => c.version === conversation.version));
    expect(change.followerIds).toContain(jane.id);
  });

  it('a session made on one server is valid on the other (sessions live in the database)', async () => {
    const janeOnFirst = await clientFor(first.baseUrl, jane.id);
    clients.push(janeOnFirst);
    // The same bearer token, sent to the other instance.
    const token = (await (
      await fetch(`${first.baseUrl}/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ agentId: jane.id }),
      })
    ).json()) as { token: string };
    const response = await fetch(`${second.baseUrl}/session`, {
      headers: { Authorization: `Bearer ${token.token}` },
    });
    expect(response.status).toBe(200);
  });
});
