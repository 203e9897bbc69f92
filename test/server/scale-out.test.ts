import type { Conversation, NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  DATABASE_URL,
  note,
  onPostgres,
  openTestDatabase,
  postMessage,
  type TestDatabase,
  tokenFor,
} from './helpers';
import { buildServerScript, type ServerProcess, startServerProcess } from './server-process';
import { openStream, type RawStream } from './sse';

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
  const streams: RawStream[] = [];

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
    for (const stream of streams) stream.close();
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
    const janeThere = await openStream(to.baseUrl, {
      token: await tokenFor(to.baseUrl, jane.id),
      conversations: ['conv-refund'],
    });
    streams.push(janeThere);
    await janeThere.next((e) => e.event === 'ready');
    const samToken = await tokenFor(from.baseUrl, sam.id);
    const current = await api<{ conversation: Conversation }>(
      from.baseUrl,
      'GET',
      '/conversations/conv-refund',
      { token: samToken },
    );
    const mentioned = { id: jane.id, label: jane.name };
    const added = current.body.conversation.followerIds.includes(jane.id) ? [] : [jane.id];
    const { status, body } = await postMessage(
      from.baseUrl,
      samToken,
      'conv-refund',
      key,
      note('Jane, over to you', [mentioned], added),
    );
    expect(status).toBe(201);
    const { message, change } = body;
    expect(change.version).toBe(current.body.conversation.version + 1);
    const notified = await janeThere.next((e) => e.event === 'notification');
    const event = (JSON.parse(notified.data) as { notification: NotificationEvent }).notification;
    // A mention the first time; once she follows, the core tells her of the note as an update.
    expect(event).toMatchObject({ messageId: message.id, recipientId: jane.id });
    expect(event.id).toBe(`${message.id}:${event.kind}:${jane.id}`);
    // The change itself, as the writing process answered it: the message, one version up.
    const changed = await janeThere.next((e) => e.event === 'change');
    expect(JSON.parse(changed.data)).toEqual({ change });
    janeThere.close();
  };

  it('R12: an event written through one process reaches an agent subscribed on the other, by NOTIFY alone', async () => {
    expect(first.baseUrl).not.toBe(second.baseUrl);
    await mentionAcross(first, second, 'scale-1');
  });

  it('R12: a client of one process resumes from an id it got on the other, and ready carries the version written there', async () => {
    const token = await tokenFor(first.baseUrl, jane.id);
    const onFirst = await openStream(first.baseUrl, { token, conversations: ['conv-refund'] });
    const from = (await onFirst.next((e) => e.event === 'ready')).id!;
    onFirst.close();
    const samToken = await tokenFor(first.baseUrl, sam.id);
    const { body } = await postMessage(
      first.baseUrl,
      samToken,
      'conv-refund',
      'scale-resume',
      note('While away'),
    );
    const onSecond = await openStream(second.baseUrl, {
      token,
      conversations: ['conv-refund'],
      lastEventId: from,
    });
    streams.push(onSecond);
    const ready = await onSecond.next((e) => e.event === 'ready');
    const changes = onSecond.events.filter((e) => e.event === 'change');
    expect(changes.map((e) => JSON.parse(e.data))).toEqual([{ change: body.change }]);
    expect(JSON.parse(ready.data).versions).toEqual({ 'conv-refund': body.change.version });
    onSecond.close();
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
