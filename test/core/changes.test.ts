import {
  type AsideAdapters,
  type ConversationEvent,
  createAsideStore,
  type Message,
} from '@aside/core';
import { createMemoryBackend, demoAgents, demoConversations } from '@aside/core/memory';
import { describe, expect, it } from 'vitest';
import { doc, settle, text } from './helpers';

const { sam, ada, jane } = demoAgents;
const ID = 'conv-refund';

const message = (index: number): Message => ({
  id: `m${index}`,
  conversationId: ID,
  authorId: sam.id,
  kind: 'internal-note',
  body: doc(text(`note ${index}`)),
  text: `note ${index}`,
  mentionIds: [],
  createdAt: index,
});

/**
 * A store over the memory backend whose live stream the test controls: `drop` loses events,
 * `push` delivers any event as the stream would, and `loads` counts page loads.
 */
async function harness(messageCount = 0, pageSize?: number) {
  const conversations = demoConversations.map((c) =>
    c.id === ID
      ? { ...c, messages: Array.from({ length: messageCount }, (_, i) => message(i)) }
      : c,
  );
  const backend = createMemoryBackend({ conversations });
  const adapters = backend.adaptersFor(sam.id);
  const spy = { loads: 0, drop: false, push: (_event: unknown) => {} };
  const controlled: AsideAdapters = {
    ...adapters,
    conversations: {
      ...adapters.conversations,
      load(id, options) {
        spy.loads++;
        return adapters.conversations.load(id, options);
      },
      subscribe(id, onEvent) {
        spy.push = onEvent as (event: unknown) => void;
        return adapters.conversations.subscribe(id, (event) => spy.drop || onEvent(event));
      },
    },
  };
  const store = createAsideStore({
    adapters: controlled,
    currentAgentId: sam.id,
    ...(pageSize ? { pageSize } : {}),
  });
  await store.ready;
  store.openConversation(ID);
  await settle();
  const seen = () => store.getSnapshot().conversations[ID]!;
  return { backend, store, spy, seen };
}

describe('protocol v2: changes in version order', () => {
  it('R18: a change that follows the held version applies without loading again', async () => {
    const { backend, spy, seen } = await harness();
    backend.updateConversation(ID, () => ({ followerIds: [ada.id, jane.id] }));
    await settle();
    expect(seen().conversation?.followerIds).toEqual([ada.id, jane.id]);
    expect(seen().conversation?.version).toBe(backend.conversation(ID)?.version);
    expect(spy.loads).toBe(1);
  });

  it('R18: a version gap (a missed change) loads the newest page once, then follows again', async () => {
    const { backend, spy, seen } = await harness();
    spy.drop = true;
    backend.updateConversation(ID, () => ({ subject: 'Missed' }));
    spy.drop = false;
    backend.updateConversation(ID, () => ({ followerIds: [ada.id, jane.id] }));
    await settle();
    expect(spy.loads).toBe(2);
    expect(seen().conversation).toMatchObject({
      subject: 'Missed',
      followerIds: [ada.id, jane.id],
      version: backend.conversation(ID)?.version,
    });
  });

  it('R18: resync loads the conversation again', async () => {
    const { backend, spy, seen } = await harness();
    spy.drop = true;
    backend.updateConversation(ID, () => ({ subject: 'Changed while away' }));
    spy.drop = false;
    expect(seen().conversation?.subject).not.toBe('Changed while away');
    spy.push({ type: 'resync', conversationId: ID } satisfies ConversationEvent);
    await settle();
    expect(spy.loads).toBe(2);
    expect(seen().conversation?.subject).toBe('Changed while away');
  });

  it('R18: current-version above the held one loads again; the same version does not', async () => {
    const { backend, spy, seen } = await harness();
    const held = seen().conversation!.version;
    spy.push({ type: 'current-version', conversationId: ID, version: held });
    await settle();
    expect(spy.loads).toBe(1);
    spy.drop = true;
    backend.updateConversation(ID, () => ({ subject: 'Changed before the stream opened' }));
    spy.drop = false;
    spy.push({ type: 'current-version', conversationId: ID, version: held + 1 });
    await settle();
    expect(spy.loads).toBe(2);
    expect(seen().conversation?.subject).toBe('Changed before the stream opened');
  });

  it('R18: a version announced but never served is asked for once, not in a loop', async () => {
    const { spy, seen } = await harness();
    spy.push({ type: 'current-version', conversationId: ID, version: 999 });
    await settle(10);
    expect(spy.loads).toBe(2);
    expect(seen().status).toBe('ready');
  });

  it('R18: a stale or repeated change never overwrites a newer one', async () => {
    const { backend, spy, seen } = await harness();
    const held = seen().conversation!.version;
    backend.updateConversation(ID, () => ({ followerIds: [ada.id, jane.id] }));
    await settle();
    const before = seen();
    // A repeat of the change just applied, and one older than anything held.
    spy.push({ type: 'followers-changed', conversationId: ID, version: held + 1, followerIds: [] });
    spy.push({
      type: 'header-changed',
      conversationId: ID,
      version: held,
      header: { ...before.conversation!, subject: 'Old' },
    });
    await settle();
    expect(seen()).toBe(before);
    expect(spy.loads).toBe(1);
  });

  it('R11: a write answer that overtakes a missed change is held, not applied out of order; both end up shown', async () => {
    const { backend, store, spy, seen } = await harness();
    // The stream is slow: another agent's subject change reaches the store after our answer.
    spy.drop = true;
    backend.updateConversation(ID, () => ({ subject: 'Renamed elsewhere' }));
    const missed = backend.conversation(ID)!;
    expect(await store.addFollower(ID, jane.id)).toBe(true);
    spy.drop = false;
    expect(seen().conversation?.subject).not.toBe('Renamed elsewhere');
    spy.push({
      type: 'header-changed',
      conversationId: ID,
      version: missed.version,
      header: missed,
    });
    await settle();
    expect(seen().conversation).toMatchObject({
      subject: 'Renamed elsewhere',
      followerIds: [ada.id, jane.id],
      version: backend.conversation(ID)?.version,
    });
    expect(seen().pendingFollowerIds).toEqual([]);
  });

  it('R17: an invalid change is a clear error naming the field, and the conversation stays', async () => {
    const { spy, seen } = await harness();
    const before = seen().conversation;
    spy.push({ type: 'followers-changed', conversationId: ID, version: 99, followerIds: 'ada' });
    await settle();
    expect(seen().error?.code).toBe('invalid-adapter-data');
    expect(seen().error?.message).toMatch(/change\.followerIds must be an array/);
    expect(seen().conversation).toBe(before);
  });

  it('R20: an invalid message in a change becomes a placeholder; the conversation goes on', async () => {
    const { spy, seen } = await harness();
    const version = seen().conversation!.version + 1;
    spy.push({
      type: 'message-added',
      conversationId: ID,
      version,
      message: { id: 'bad', body: [1] },
    });
    await settle();
    expect(seen().error).toBeNull();
    expect(seen().conversation?.messages.at(-1)).toMatchObject({ id: 'bad', invalid: true });
    expect(seen().conversation?.version).toBe(version);
  });
});

describe('protocol v2: the loaded window and older pages', () => {
  it('R18: a conversation loads its newest page only; new messages join that window', async () => {
    const { backend, store, seen } = await harness(120, 50);
    expect(seen().conversation?.messages.map((m) => m.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `m${70 + i}`),
    );
    expect(seen().olderCursor).not.toBeNull();
    store.setDraft(ID, 'internal-note', doc(text('one more')));
    store.setMode(ID, 'internal-note');
    expect((await store.submit(ID)).ok).toBe(true);
    expect(seen().conversation?.messages).toHaveLength(51);
    expect(seen().conversation?.messages.at(-1)?.text).toBe('one more');
    expect(backend.conversation(ID)?.messages).toHaveLength(121);
  });

  it('R18: loadOlderMessages prepends older pages until the first message, then stops', async () => {
    const { store, seen, backend } = await harness(120, 50);
    await store.loadOlderMessages(ID);
    expect(seen().conversation?.messages[0]?.id).toBe('m20');
    expect(seen().conversation?.messages).toHaveLength(100);
    await store.loadOlderMessages(ID);
    const ids = seen().conversation?.messages.map((m) => m.id);
    expect(ids).toEqual(backend.conversation(ID)?.messages.map((m) => m.id));
    expect(seen().olderCursor).toBeNull();
    const done = seen();
    await store.loadOlderMessages(ID);
    expect(seen()).toBe(done);
  });

  it('R18: an older page that arrives after a reload replaced the window is dropped', async () => {
    const { backend, store, spy, seen } = await harness(120, 50);
    backend.setLatency('loadOlder', 20);
    const older = store.loadOlderMessages(ID);
    expect(seen().loadingOlder).toBe(true);
    spy.drop = true;
    backend.updateConversation(ID, () => ({ subject: 'Reloaded' }));
    spy.drop = false;
    spy.push({ type: 'resync', conversationId: ID });
    await settle();
    await older;
    expect(seen().loadingOlder).toBe(false);
    expect(seen().conversation?.subject).toBe('Reloaded');
    expect(seen().conversation?.messages).toHaveLength(50);
    expect(seen().conversation?.messages[0]?.id).toBe('m70');
  });
});
