import type { Conversation, NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpAdapters } from '../../packages/adapter-http/src';
import {
  api,
  clientFor,
  DATABASE_URL,
  eventually,
  note,
  onPostgres,
  openTestDatabase,
  type TestDatabase,
  tokenFor,
} from './helpers';
import { buildServerScript, type ServerProcess, startServerProcess } from './server-process';

const { sam, jane } = demoAgents;
const SKIPPED = onPostgres
  ? ''
  : ' (skipped: DATABASE_URL is not set; PGlite cannot be shared between processes; CI runs this on PostgreSQL)';

/**
 * Two real server processes on one PostgreSQL, with the poll fallback off: an event written
 * through one reaches a client of the other only through LISTEN/NOTIFY.
 */
describe.skipIf(!onPostgres)(`two server processes on one PostgreSQL database${SKIPPED}`, () => {
  let db: TestDatabase;
  let schema: string;
  let remove = async () => {};
  let first: ServerProcess;
  let second: ServerProcess;
  const clients: HttpAdapters[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    const [row] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
    schema = row!.schema;
    const built = await buildServerScript();
    remove = built.remove;
    const env = { DATABASE_URL: DATABASE_URL!, DATABASE_SCHEMA: schema, EVENT_POLL_MS: '0' };
    first = await startServerProcess(built.script, env);
    second = await startServerProcess(built.script, env);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await first?.stop();
    await second?.stop();
    await remove();
    await db?.drop();
  });

  const listeners = () =>
    db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE application_name = 'aside-listen' AND state = 'idle' AND query = $1`,
      [`LISTEN "aside_events_${schema}"`],
    );

  /** Waits (within the test's timeout) for the listener connections to look like `match`. */
  const listenersWhere = async (match: (rows: { pid: number }[]) => boolean) => {
    for (;;) {
      const rows = await listeners();
      if (match(rows)) return rows;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const mentionAcross = async (from: ServerProcess, to: ServerProcess, key: string) => {
    const janeThere = await clientFor(to.baseUrl, jane.id);
    const samHere = await clientFor(from.baseUrl, sam.id);
    clients.push(janeThere, samHere);
    const notifications: NotificationEvent[] = [];
    const changes: Conversation[] = [];
    janeThere.notifications.subscribe(jane.id, (event) => notifications.push(event));
    janeThere.conversations.subscribe('conv-refund', (c) => changes.push(c));
    await eventually(() => janeThere.stream.lastEventId !== null, { what: 'stream ready' });
    const current = await samHere.conversations.load('conv-refund');
    const mentioned = { id: jane.id, label: jane.name };
    const added = current.followerIds.includes(jane.id) ? [] : [jane.id];
    const { message, conversation } = await samHere.conversations.submitMessage({
      conversationId: 'conv-refund',
      idempotencyKey: key,
      authorId: sam.id,
      ...note('Jane, over to you', [mentioned], added),
    });
    const event = await eventually(() => notifications[0], {
      what: 'the mention on the other server',
    });
    // A mention the first time; once she follows, the core tells her of the note as an update.
    expect(event).toMatchObject({ messageId: message.id, recipientId: jane.id });
    expect(event.id).toBe(`${message.id}:${event.kind}:${jane.id}`);
    const change = await eventually(() => changes.find((c) => c.version === conversation.version));
    expect(change.followerIds).toContain(jane.id);
  };

  it('R12: an event written through one process reaches an agent subscribed on the other, by NOTIFY alone', async () => {
    expect(first.baseUrl).not.toBe(second.baseUrl);
    await mentionAcross(first, second, 'scale-1');
  });

  it('a session made on one process is valid on the other (sessions live in the database)', async () => {
    const token = await tokenFor(first.baseUrl, jane.id);
    expect((await api(second.baseUrl, 'GET', '/session', { token })).status).toBe(200);
  });

  it('each process LISTENs again after its connection is cut, and events flow again', async () => {
    const before = await listenersWhere((rows) => rows.length === 2);
    const old = new Set(before.map((row) => row.pid));
    await db.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [[...old]]);
    await listenersWhere((rows) => rows.length === 2 && rows.every((row) => !old.has(row.pid)));
    await mentionAcross(second, first, 'scale-2');
  });
});
