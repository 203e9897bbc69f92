import { createAsideStore, type NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpAdapters, type HttpAdapters } from '../../packages/adapter-http/src';
import {
  api,
  clientFor,
  eventually,
  mention,
  note,
  postMessage,
  reply,
  tokenFor,
  useTestServer,
  type WireChange,
} from './helpers';
import { openStream, type RawStream } from './sse';

const { sam, ada, nora, jane, jamie } = demoAgents;

describe('live events over SSE (PROTOCOL.md "Live events")', () => {
  const t = useTestServer();
  const clients: HttpAdapters[] = [];
  const client = async (agentId: string) => {
    const adapters = await clientFor(t.baseUrl, agentId);
    clients.push(adapters);
    return adapters;
  };
  let keys = 0;
  const tokens = new Map<string, string>();
  /** Posts as `authorId` over raw HTTP; the answer is `{ message, change }`. */
  const post = async (
    authorId: string,
    conversationId: string,
    input: ReturnType<typeof note> | ReturnType<typeof reply>,
  ) => {
    if (!tokens.has(authorId)) tokens.set(authorId, await tokenFor(t.baseUrl, authorId));
    const { status, body } = await postMessage(
      t.baseUrl,
      tokens.get(authorId)!,
      conversationId,
      `live-${++keys}`,
      input,
    );
    expect(status).toBe(201);
    return body;
  };
  const changesIn = (stream: RawStream) =>
    stream.events
      .filter((e) => e.event === 'change')
      .map((e) => (JSON.parse(e.data) as { change: WireChange }).change);

  afterEach(() => {
    for (const adapters of clients.splice(0)) adapters.close();
  });

  it('R11: a follower change made by one agent reaches another watching the conversation', async () => {
    const stream = await openStream(t.baseUrl, {
      token: await tokenFor(t.baseUrl, sam.id),
      conversations: ['conv-refund'],
    });
    await stream.next((e) => e.event === 'ready');
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const { body } = await api<{ change: WireChange }>(
      t.baseUrl,
      'POST',
      '/conversations/conv-refund/followers',
      { token: adaToken, body: { agentId: jamie.id } },
    );
    const update = await eventually(() =>
      changesIn(stream).find((c) => c.version === body.change.version),
    );
    expect(update).toEqual(body.change);
    expect(update.followerIds).toContain(jamie.id);
    stream.close();
    await api(t.baseUrl, 'DELETE', `/conversations/conv-refund/followers/${jamie.id}`, {
      token: adaToken,
    });
  });

  it('R6, R12: a mention reaches the mentioned agent and an update the other followers, with the core ids', async () => {
    const inbox = new Map<string, NotificationEvent[]>();
    for (const agent of [sam, jane, ada]) {
      const adapters = await client(agent.id);
      const list: NotificationEvent[] = [];
      inbox.set(agent.id, list);
      adapters.notifications.subscribe(agent.id, (event) => list.push(event));
      await eventually(() => adapters.stream.lastEventId !== null, { what: 'stream ready' });
    }
    const samClient = clients[0]!;
    const { message } = await post(sam.id, 'conv-refund', note('Jane, refund?', [mention(jane)]));
    const janeEvent = await eventually(() => inbox.get(jane.id)![0]);
    expect(janeEvent).toMatchObject({
      id: `${message.id}:mention:${jane.id}`,
      kind: 'mention',
      recipientId: jane.id,
      actorName: sam.name,
      conversationId: 'conv-refund',
    });
    const adaEvent = await eventually(() => inbox.get(ada.id)![0]);
    expect(adaEvent).toMatchObject({ id: `${message.id}:update:${ada.id}`, kind: 'update' });
    // The author hears nothing of their own message; publish is a no-op, so nothing doubles.
    await samClient.notifications.publish([janeEvent]);
    await post(sam.id, 'conv-refund', reply('Thanks for waiting'));
    await eventually(() => inbox.get(jane.id)!.length === 2);
    expect(inbox.get(sam.id)).toEqual([]);
    expect(inbox.get(jane.id)!.map((e) => e.kind)).toEqual(['mention', 'update']);
  });

  it('R7: an agent without access gets 404 and never any event of the conversation', async () => {
    const noraToken = await tokenFor(t.baseUrl, nora.id);
    expect(
      (await api(t.baseUrl, 'GET', '/conversations/conv-refund', { token: noraToken })).status,
    ).toBe(404);
    const stream = await openStream(t.baseUrl, {
      token: noraToken,
      conversations: ['conv-refund', 'conv-live'],
    });
    await stream.next((e) => e.event === 'ready');
    // Mentioned without access: added as a follower (mentionWithoutAccess: add), told nothing.
    const { change } = await post(sam.id, 'conv-refund', note('Nora?', [mention(nora)]));
    expect(change.followerIds).toContain(nora.id);
    await post(sam.id, 'conv-refund', reply('Still on it'));
    // Events arrive in order: once the later live-chat change is in, the earlier ones would be too.
    const last = await post(sam.id, 'conv-live', reply('Your parcel is on its way'));
    await eventually(() => changesIn(stream).length > 0);
    stream.close();
    expect(changesIn(stream)).toEqual([last.change]);
    expect(stream.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('the assignee resumes after a dropped connection from the last event id: nothing lost, nothing twice', async () => {
    const token = await tokenFor(t.baseUrl, ada.id);
    let gate: Promise<void> | null = null;
    let open = () => {};
    const gatedFetch: typeof fetch = async (input, init) => {
      if (String(input).includes('/events') && gate) await gate;
      return fetch(input, init);
    };
    const adaClient = createHttpAdapters({
      baseUrl: t.baseUrl,
      headers: { Authorization: `Bearer ${token}` },
      fetch: gatedFetch,
      reconnect: { minDelayMs: 10, maxDelayMs: 50 },
    });
    clients.push(adaClient);
    const received: NotificationEvent[] = [];
    adaClient.notifications.subscribe(ada.id, (e) => received.push(e));
    await eventually(() => adaClient.stream.lastEventId !== null, { what: 'stream ready' });
    await post(sam.id, 'conv-printer', note('Before the drop'));
    await eventually(() => received.length === 1);

    // Ada (the assignee) drops off and cannot come back until we let it.
    gate = new Promise((resolve) => {
      open = resolve;
    });
    t.server.dropStreams();
    const sentWhileAway = [];
    for (let i = 0; i < 5; i++) {
      sentWhileAway.push((await post(sam.id, 'conv-printer', note(`While away ${i}`))).message.id);
    }
    expect(received).toHaveLength(1);
    open();
    gate = null;
    await eventually(() => received.length === 6, { what: 'the missed events' });
    await post(sam.id, 'conv-printer', note('After the return'));
    await eventually(() => received.length === 7);
    expect(received.slice(1, 6).map((e) => e.messageId)).toEqual(sentWhileAway);
    expect(new Set(received.map((e) => e.id)).size).toBe(received.length);
    expect(adaClient.stream.connections).toBeGreaterThanOrEqual(2);
  });

  it('changing the watched conversations reconnects without losing notifications', async () => {
    const adaClient = await client(ada.id);
    const received: NotificationEvent[] = [];
    adaClient.notifications.subscribe(ada.id, (e) => received.push(e));
    await eventually(() => adaClient.stream.lastEventId !== null);
    const watchers: (() => void)[] = [];
    const posts: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      watchers.push(
        adaClient.conversations.subscribe(i % 2 ? 'conv-printer' : 'conv-refund', () => {}),
      );
      posts.push(post(sam.id, 'conv-printer', note(`Churn ${i}`)));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(posts);
    await eventually(() => received.length === 6, { what: 'six updates' });
    expect(new Set(received.map((e) => e.id)).size).toBe(6);
    for (const stop of watchers) stop();
  });

  it('R16, R12: two core stores over HTTP: a mention from one is a toast in the other', async () => {
    const samStore = createAsideStore({ adapters: await client(sam.id), currentAgentId: sam.id });
    const janeStore = createAsideStore({
      adapters: await client(jane.id),
      currentAgentId: jane.id,
    });
    await Promise.all([samStore.ready, janeStore.ready]);
    const release = samStore.openConversation('conv-printer');
    await eventually(
      () => samStore.getSnapshot().conversations['conv-printer']?.status === 'ready',
    );
    // Jane already follows conv-printer from earlier tests: remove her so the mention adds her.
    const current = samStore.getSnapshot().conversations['conv-printer']!.conversation!;
    if (current.followerIds.includes(jane.id))
      await samStore.removeFollower('conv-printer', jane.id);
    await eventually(() => janeStore.getSnapshot().currentAgent !== null);
    samStore.setMode('conv-printer', 'internal-note');
    samStore.setDraft('conv-printer', 'internal-note', {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Can you take this? ' },
            { type: 'mention', attrs: { id: jane.id, label: jane.name } },
          ],
        },
      ],
    });
    const outcome = await samStore.submit('conv-printer');
    expect(outcome.ok).toBe(true);
    const toast = await eventually(() => janeStore.getSnapshot().notifications.toasts[0]);
    expect(toast.kind).toBe('mention');
    expect(toast.event.actorName).toBe(sam.name);
    expect(
      samStore.getSnapshot().conversations['conv-printer']!.conversation!.followerIds,
    ).toContain(jane.id);
    expect(janeStore.getSnapshot().notifications.items).toHaveLength(1);
    release();
    samStore.destroy();
    janeStore.destroy();
  });
});
