import type { Agent, Conversation, NotificationEvent } from '@aside/core';
import { demoConversations, demoDirectory, demoEndUsers, seededRandom } from '@aside/core/memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpAdapters } from '../../packages/adapter-http/src';
import { clientFor, eventually, note, postMessage, tokenFor, useTestServer } from './helpers';

const AGENTS = 50;
const NOTES = Number(process.env.LOAD_NOTES ?? 500);
const CONVERSATIONS = 10;
const PARALLEL_POSTERS = 8;
/** The last conversation is closed to the last ten agents: they must never hear of it. */
const OUTSIDERS = 10;

const directory = demoDirectory();
const crew: Agent[] = directory
  .filter((agent) => agent.role === 'agent' || agent.role === 'admin')
  .slice(0, AGENTS);
const outsiders = crew.slice(AGENTS - OUTSIDERS);
const closedId = `load-${CONVERSATIONS - 1}`;

const loadConversations: Conversation[] = Array.from({ length: CONVERSATIONS }, (_, i) => ({
  id: `load-${i}`,
  channel: 'messaging',
  subject: `Load conversation ${i}`,
  requesterId: demoEndUsers[0]!.id,
  assigneeId: crew[i]!.id,
  followerIds: [],
  access:
    i === CONVERSATIONS - 1
      ? Object.fromEntries(outsiders.map((agent) => [agent.id, 'none' as const]))
      : {},
  defaultAccess: 'edit',
  messages: [],
  version: 1,
}));

describe(`bounded load: ${AGENTS} agents, ${NOTES} notes with mentions`, () => {
  const t = useTestServer({
    // Every event is kept, to compare what each agent received with all that was written.
    liveEvents: { retainEvents: Number.POSITIVE_INFINITY },
    seed: {
      agents: directory,
      endUsers: demoEndUsers,
      conversations: [...demoConversations, ...loadConversations],
      settings: { collaborationEnabled: true, mentionWithoutAccess: 'add' },
    },
  });
  const clients = new Map<string, HttpAdapters>();
  const received = new Map<string, NotificationEvent[]>();
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    for (const agent of crew) {
      const client = await clientFor(t.baseUrl, agent.id);
      const events: NotificationEvent[] = [];
      client.notifications.subscribe(agent.id, (event) => events.push(event));
      clients.set(agent.id, client);
      tokens.set(agent.id, await tokenFor(t.baseUrl, agent.id));
      received.set(agent.id, events);
    }
    await eventually(() => [...clients.values()].every((c) => c.stream.lastEventId !== null), {
      what: 'every stream ready',
    });
  });
  // Runs before the server stops (after-hooks run in reverse order).
  afterAll(() => {
    for (const client of clients.values()) client.close();
  });

  it('R12: every notification reaches its recipient exactly once, in order, across dropped connections', async () => {
    const random = seededRandom(6);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const plan = Array.from({ length: NOTES }, (_, n) => {
      const conversation = pick(loadConversations);
      const insiders = conversation.id === closedId ? crew.slice(0, AGENTS - OUTSIDERS) : crew;
      const author = pick(insiders);
      const mentioned = [pick(crew), pick(crew)].filter((agent) => agent.id !== author.id);
      return {
        n,
        conversation,
        author,
        mentioned: [...new Map(mentioned.map((a) => [a.id, a])).values()],
      };
    });

    let next = 0;
    const poster = async () => {
      while (next < plan.length) {
        const { n, conversation, author, mentioned } = plan[next++]!;
        // Everyone's stream is cut twice along the way; clients must resume by themselves.
        if (n === Math.floor(NOTES * 0.3) || n === Math.floor(NOTES * 0.7)) t.server.dropStreams();
        const { status } = await postMessage(
          t.baseUrl,
          tokens.get(author.id)!,
          conversation.id,
          `load-${n}`,
          note(
            `Note ${n}`,
            mentioned.map((a) => ({ id: a.id, label: a.name })),
            [],
          ),
        );
        expect(status).toBe(201);
      }
    };
    // Followers come from the server's own plan: the client sends no addFollowerIds here.
    await Promise.all(Array.from({ length: PARALLEL_POSTERS }, poster));

    const rows = await t.db.query<{ recipient_id: string; event_id: string }>(
      `SELECT recipient_id, payload->'notification'->>'id' AS event_id FROM events
       WHERE type = 'notification' ORDER BY id`,
    );
    const expected = new Map<string, string[]>(crew.map((agent) => [agent.id, []]));
    for (const row of rows) expected.get(row.recipient_id)?.push(row.event_id);
    expect(rows.length).toBeGreaterThan(NOTES);

    await eventually(
      () => crew.every((agent) => received.get(agent.id)!.length >= expected.get(agent.id)!.length),
      { timeoutMs: 60_000, what: 'every notification' },
    );
    for (const agent of crew) {
      expect(received.get(agent.id)!.map((event) => event.id)).toEqual(expected.get(agent.id));
    }
    for (const outsider of outsiders) {
      expect(received.get(outsider.id)!.filter((e) => e.conversationId === closedId)).toEqual([]);
    }
    const reconnected = [...clients.values()].filter((client) => client.stream.connections >= 3);
    expect(reconnected).toHaveLength(AGENTS);
  }, 120_000);
});
