import { AsideError, type Conversation } from '@aside/core';
import { demoAgents } from '@aside/core/memory';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHttpAdapters, signIn } from '../../packages/adapter-http/src';
import {
  api,
  clientFor,
  doc,
  note,
  postMessage,
  reply,
  tokenFor,
  useTestServer,
  type WireChange,
} from './helpers';

const { sam, ada, nora, lee, jane, jamie } = demoAgents;

describe('reference server endpoints (PROTOCOL.md)', () => {
  const t = useTestServer();
  let samToken: string;
  beforeAll(async () => {
    samToken = await tokenFor(t.baseUrl, sam.id);
  });
  const load = (id: string) =>
    api<{ conversation: Conversation; olderCursor: string | null }>(
      t.baseUrl,
      'GET',
      `/conversations/${id}`,
      { token: samToken },
    );

  it('POST /session signs in as a chosen agent with a cookie and a bearer token', async () => {
    const response = await api<{ token: string; agent: { id: string } }>(
      t.baseUrl,
      'POST',
      '/session',
      { body: { agentId: jane.id } },
    );
    expect(response.status).toBe(200);
    expect(response.body.agent.id).toBe(jane.id);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/aside_session=[^;]+; .*HttpOnly/);
    const byCookie = await api<{ agent: { id: string } }>(t.baseUrl, 'GET', '/session', {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(byCookie.body.agent.id).toBe(jane.id);
  });

  it('POST /session refuses an end user or an unknown id with 404', async () => {
    expect(
      (await api(t.baseUrl, 'POST', '/session', { body: { agentId: 'user-janet' } })).status,
    ).toBe(404);
    expect((await api(t.baseUrl, 'POST', '/session', { body: { agentId: 'nobody' } })).status).toBe(
      404,
    );
  });

  it('DELETE /session ends the session: the token then gets 401', async () => {
    const token = await tokenFor(t.baseUrl, jamie.id);
    expect((await api(t.baseUrl, 'DELETE', '/session', { token })).status).toBe(204);
    expect((await api(t.baseUrl, 'GET', '/settings', { token })).status).toBe(401);
  });

  it.each([
    ['GET', '/settings'],
    ['GET', '/conversations'],
    ['GET', '/conversations/conv-refund'],
    ['POST', '/conversations/conv-refund/messages'],
    ['POST', '/conversations/conv-refund/followers'],
    ['DELETE', '/conversations/conv-refund/followers/agent-ada'],
    ['GET', '/directory/search?q=ja'],
    ['POST', '/directory/people'],
    ['GET', '/drafts/x'],
    ['GET', '/events'],
  ])('401 without a session: %s %s', async (method, path) => {
    const response = await api<{ error: { code: string } }>(t.baseUrl, method, path, {
      token: 'forged-token',
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it('R17: directory search returns agents only, ranked by the core index', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    const { agents } = await client.directory.search('ja', { limit: 8 });
    expect(agents).toHaveLength(8);
    expect(agents.every((agent) => agent.kind === 'agent')).toBe(true);
    const janeD = await client.directory.search('jane d', { limit: 8 });
    expect(janeD.agents.map((a) => a.name)).toEqual(['Jane Doe']);
    // End users named Jan… exist, but never come back.
    const jan = await client.directory.search('jan', { limit: 50 });
    expect(jan.agents.map((a) => a.id)).not.toContain('user-jan');
    const preferred = await client.directory.search('ja', { limit: 8, preferIds: [jamie.id] });
    expect(preferred.agents[0]?.id).toBe(jamie.id);
  });

  it('R5: getPeople returns agents and end users by id and leaves unknown ids out', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    const people = await client.directory.getPeople([ada.id, 'user-janet', 'nobody']);
    expect(people.map((p) => [p.id, p.kind])).toEqual([
      [ada.id, 'agent'],
      ['user-janet', 'end-user'],
    ]);
  });

  it('lists only the conversations the agent can view', async () => {
    const samList = await (await clientFor(t.baseUrl, sam.id)).listConversations();
    expect(samList.map((c) => c.id)).toEqual([
      'conv-live',
      'conv-printer',
      'conv-readonly',
      'conv-refund',
    ]);
    const noraList = await (await clientFor(t.baseUrl, nora.id)).listConversations();
    expect(noraList.map((c) => c.id)).toEqual(['conv-live', 'conv-readonly']);
  });

  it('loads a conversation with followers and version', async () => {
    const { status, body } = await load('conv-refund');
    expect(status).toBe(200);
    expect(body.olderCursor).toBeNull();
    const { conversation } = body;
    expect(conversation).toMatchObject({
      id: 'conv-refund',
      channel: 'messaging',
      assigneeId: sam.id,
      followerIds: [ada.id],
    });
    expect(conversation.version).toBeGreaterThanOrEqual(1);
  });

  it('404 for a conversation the agent cannot view, the same as one that does not exist', async () => {
    const nora404 = await api(t.baseUrl, 'GET', '/conversations/conv-refund', {
      token: await tokenFor(t.baseUrl, nora.id),
    });
    const missing = await api(t.baseUrl, 'GET', '/conversations/conv-nope', { token: samToken });
    expect(nora404.status).toBe(404);
    expect(missing.status).toBe(404);
    const client = await clientFor(t.baseUrl, nora.id);
    await expect(client.conversations.load('conv-refund')).rejects.toMatchObject({
      name: 'AsideError',
      code: 'not-found',
    });
    await expect(
      client.conversations.submitMessage({
        conversationId: 'conv-refund',
        idempotencyKey: 'nora-1',
        authorId: nora.id,
        ...reply('hello'),
      }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('R6: a note with a mention adds the follower and bumps the version', async () => {
    const before = (await load('conv-printer')).body.conversation;
    const { status, body } = await postMessage(
      t.baseUrl,
      samToken,
      'conv-printer',
      'printer-1',
      note('Can you look?', [{ id: jane.id, label: jane.name }]),
    );
    expect(status).toBe(201);
    expect(body.message).toMatchObject({
      kind: 'internal-note',
      authorId: sam.id,
      mentionIds: [jane.id],
    });
    expect(body.change.followerIds).toContain(jane.id);
    expect(body.change.version).toBe(before.version + 1);
    const after = (await load('conv-printer')).body.conversation;
    expect(after.followerIds).toContain(jane.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.messages.at(-1)?.id).toBe(body.message.id);
  });

  it('R18: a retried submit with the same idempotency key posts once', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    const input = {
      conversationId: 'conv-refund',
      idempotencyKey: 'refund-retry-1',
      authorId: sam.id,
      ...reply('Your refund is on its way'),
    };
    const [first, second] = await Promise.all([
      client.conversations.submitMessage(input),
      client.conversations.submitMessage(input),
    ]);
    const third = await client.conversations.submitMessage(input);
    expect(second.message.id).toBe(first.message.id);
    expect(third.message.id).toBe(first.message.id);
    const { conversation } = (await load('conv-refund')).body;
    expect(
      conversation.messages.filter((m) => m.text === 'Your refund is on its way'),
    ).toHaveLength(1);
    const raw = await api(t.baseUrl, 'POST', '/conversations/conv-refund/messages', {
      token: samToken,
      headers: { 'Idempotency-Key': 'refund-retry-1' },
      body: reply('Your refund is on its way'),
    });
    expect(raw.status).toBe(200);
  });

  it('400 without an idempotency key, and for an empty message', async () => {
    const noKey = await api(t.baseUrl, 'POST', '/conversations/conv-refund/messages', {
      token: samToken,
      body: reply('hi'),
    });
    expect(noKey.status).toBe(400);
    const client = await clientFor(t.baseUrl, sam.id);
    await expect(
      client.conversations.submitMessage({
        conversationId: 'conv-refund',
        idempotencyKey: 'empty-1',
        authorId: sam.id,
        ...reply('   '),
      }),
    ).rejects.toMatchObject({ code: 'empty-message' });
  });

  it('403 for a view-only agent posting, and for posting as someone else', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    await expect(
      client.conversations.submitMessage({
        conversationId: 'conv-readonly',
        idempotencyKey: 'ro-1',
        authorId: sam.id,
        ...reply('hi'),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.conversations.submitMessage({
        conversationId: 'conv-refund',
        idempotencyKey: 'as-ada-1',
        authorId: ada.id,
        ...reply('hi'),
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('R3: a public reply carrying a mention is refused with 403', async () => {
    const response = await api(t.baseUrl, 'POST', '/conversations/conv-refund/messages', {
      token: samToken,
      headers: { 'Idempotency-Key': 'public-mention' },
      body: { ...note('psst', [{ id: jane.id, label: jane.name }]), kind: 'public-reply' },
    });
    expect(response.status).toBe(403);
  });

  it('R4: mentions in live chat are refused with 403 mentions-unavailable', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    const error = await client.conversations
      .submitMessage({
        conversationId: 'conv-live',
        idempotencyKey: 'live-1',
        authorId: sam.id,
        ...note('look', [{ id: jane.id, label: jane.name }]),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AsideError);
    expect(error).toMatchObject({ code: 'mentions-unavailable' });
  });

  it('R5: mentioning an end user is refused with 422 invalid-mentions and the ids', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    await expect(
      client.conversations.submitMessage({
        conversationId: 'conv-refund',
        idempotencyKey: 'enduser-1',
        authorId: sam.id,
        ...note('hey', [{ id: 'user-janet', label: 'Janet' }], []),
      }),
    ).rejects.toMatchObject({ code: 'invalid-mentions', details: { ids: ['user-janet'] } });
  });

  it('R4, R19: a light agent forging addFollowerIds on a note adds nobody (followers are derived)', async () => {
    const token = await tokenFor(t.baseUrl, lee.id);
    const response = await postMessage(t.baseUrl, token, 'conv-refund', 'lee-forged', {
      ...reply('just a note'),
      kind: 'internal-note',
      addFollowerIds: [jamie.id],
    });
    // The client's list is advisory: the server derives followers from the body's mentions.
    expect(response.status).toBe(201);
    expect(response.body.change).not.toHaveProperty('followerIds');
    expect((await load('conv-refund')).body.conversation.followerIds).not.toContain(jamie.id);
  });

  it('R4: a light agent forging a follower request is refused with 403', async () => {
    const client = await clientFor(t.baseUrl, lee.id);
    await expect(
      client.conversations.addFollower('conv-refund', jamie.id, { actorId: lee.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      client.conversations.removeFollower('conv-refund', ada.id, { actorId: lee.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const { conversation } = (await load('conv-refund')).body;
    expect(conversation.followerIds).toContain(ada.id);
    expect(conversation.followerIds).not.toContain(jamie.id);
  });

  it('R6, R10: an agent adds and removes a follower; each change bumps the version', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    const start = (await load('conv-refund')).body.conversation;
    const added = await api<{ change: WireChange }>(
      t.baseUrl,
      'POST',
      '/conversations/conv-refund/followers',
      { token: samToken, body: { agentId: jamie.id } },
    );
    expect(added.body.change.followerIds).toContain(jamie.id);
    expect(added.body.change.version).toBe(start.version + 1);
    await expect(
      client.conversations.addFollower('conv-refund', jamie.id, { actorId: sam.id }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const removed = await api<{ change: WireChange }>(
      t.baseUrl,
      'DELETE',
      `/conversations/conv-refund/followers/${jamie.id}`,
      { token: samToken },
    );
    expect(removed.body.change.followerIds).not.toContain(jamie.id);
    expect(removed.body.change.version).toBe(start.version + 2);
    expect((await load('conv-refund')).body.conversation.version).toBe(start.version + 2);
  });

  it('settings: every agent reads them; only an admin changes them', async () => {
    const client = await clientFor(t.baseUrl, sam.id);
    expect(await client.settings.load()).toEqual({
      collaborationEnabled: true,
      mentionWithoutAccess: 'add',
    });
    const refused = await api(t.baseUrl, 'PUT', '/settings', {
      token: samToken,
      body: { collaborationEnabled: false },
    });
    expect(refused.status).toBe(403);
    const adaToken = await tokenFor(t.baseUrl, ada.id);
    const changed = await api<{ settings: { mentionWithoutAccess: string } }>(
      t.baseUrl,
      'PUT',
      '/settings',
      { token: adaToken, body: { mentionWithoutAccess: 'skip' } },
    );
    expect(changed.body.settings.mentionWithoutAccess).toBe('skip');
    await api(t.baseUrl, 'PUT', '/settings', {
      token: adaToken,
      body: { mentionWithoutAccess: 'add' },
    });
  });

  it('R8: drafts are saved, loaded and removed per agent, never shared', async () => {
    const sams = await clientFor(t.baseUrl, sam.id);
    const adas = await clientFor(t.baseUrl, ada.id);
    const draft = { doc: doc('half a thought'), text: 'half a thought', updatedAt: 1 };
    await sams.drafts.save('k1', draft);
    expect(await sams.drafts.load('k1')).toEqual(draft);
    expect(await adas.drafts.load('k1')).toBeNull();
    await sams.drafts.remove('k1');
    expect(await sams.drafts.load('k1')).toBeNull();
  });

  it('adapter: a bad base URL is an adapter-failed AsideError, an abort stays an abort', async () => {
    const broken = createHttpAdapters({ baseUrl: 'http://127.0.0.1:1/api', timeoutMs: 2000 });
    await expect(broken.settings.load()).rejects.toMatchObject({ code: 'adapter-failed' });
    const client = await clientFor(t.baseUrl, sam.id);
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.directory.search('ja', { limit: 5, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await expect(signIn({ baseUrl: t.baseUrl }, 'nobody')).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
