import {
  type AsideAdapters,
  type ConversationPage,
  createAsideStore,
  type NotificationEvent,
} from '@aside/core';
import { createMemoryBackend, demoEndUsers } from '@aside/core/memory';
import { describe, expect, it, vi } from 'vitest';
import { demoAgents, doc, mention, settle, setup, text } from './helpers';

const { sam, jane, ada, nora, lee, jamie } = demoAgents;
const followersOf = (store: Awaited<ReturnType<typeof setup>>['store'], id: string) =>
  store.getSnapshot().conversations[id]?.conversation?.followerIds;

function inboxOf(backend: ReturnType<typeof createMemoryBackend>, agentId: string) {
  const events: NotificationEvent[] = [];
  backend.adaptersFor(agentId).notifications.subscribe(agentId, (event) => events.push(event));
  return events;
}

describe('submitting an internal note', () => {
  it('R6: adds the mentioned agent as a follower and sends her a mention notification', async () => {
    const { store, backend, conversationId } = await setup();
    const janeInbox = inboxOf(backend, jane.id);
    const adaInbox = inboxOf(backend, ada.id);
    store.setMode(conversationId, 'internal-note');
    store.setDraft(
      conversationId,
      'internal-note',
      doc(text('Can you check? '), mention(jane.id, 'Jane Doe')),
    );
    const outcome = await store.submit(conversationId);
    await settle();
    expect(outcome.ok).toBe(true);
    expect(followersOf(store, conversationId)).toContain(jane.id);
    expect(janeInbox.map((e) => e.kind)).toEqual(['mention']);
    expect(janeInbox[0]).toMatchObject({
      actorName: 'Sam Rivera',
      excerpt: 'Can you check? @Jane Doe',
    });
    // R13: the existing follower hears of the update, not of a mention.
    expect(adaInbox.map((e) => e.kind)).toEqual(['update']);
  });

  it('R6: an agent may mention themselves to follow, without notifying themselves', async () => {
    const { store, backend, conversationId } = await setup({ agentId: jamie.id });
    const jamieInbox = inboxOf(backend, jamie.id);
    store.setMode(conversationId, 'internal-note');
    store.setDraft(
      conversationId,
      'internal-note',
      doc(mention(jamie.id, 'Jamie Okafor'), text(' following')),
    );
    expect((await store.submit(conversationId)).ok).toBe(true);
    await settle();
    expect(followersOf(store, conversationId)).toContain(jamie.id);
    expect(jamieInbox).toEqual([]);
  });

  it('R6: mentioning the assignee or an existing follower adds nobody twice', async () => {
    const { store, backend, conversationId } = await setup();
    store.setMode(conversationId, 'internal-note');
    store.setDraft(
      conversationId,
      'internal-note',
      doc(mention(ada.id, 'Ada'), mention(sam.id, 'Sam')),
    );
    expect((await store.submit(conversationId)).ok).toBe(true);
    expect(backend.conversation(conversationId)?.followerIds).toEqual([ada.id]);
  });

  it('R5: a mention of an end user or an unknown id is refused on submit, and the draft is kept', async () => {
    const { store, backend, conversationId } = await setup();
    store.setMode(conversationId, 'internal-note');
    const draft = doc(mention(demoEndUsers[0]!.id, 'Janet'), mention('ghost', 'Ghost'));
    store.setDraft(conversationId, 'internal-note', draft);
    const outcome = await store.submit(conversationId);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('invalid-mentions');
    expect(!outcome.ok && outcome.error.details.ids).toEqual([demoEndUsers[0]!.id, 'ghost']);
    const composer = store.getSnapshot().composers[conversationId]!;
    expect(composer.drafts['internal-note'].doc).toBe(draft);
    expect(composer.error?.code).toBe('invalid-mentions');
    expect(backend.conversation(conversationId)?.messages).toHaveLength(0);
  });

  it('R4: a light agent cannot add followers by submitting a note that carries a mention', async () => {
    const { store, backend, conversationId } = await setup({ agentId: lee.id });
    store.setMode(conversationId, 'internal-note');
    store.setDraft(conversationId, 'internal-note', doc(mention(jane.id, 'Jane Doe')));
    const outcome = await store.submit(conversationId);
    expect(!outcome.ok && outcome.error.code).toBe('mentions-unavailable');
    expect(backend.conversation(conversationId)?.followerIds).not.toContain(jane.id);
  });

  it('R4: mentions are refused in live chat and when collaboration is off', async () => {
    const live = await setup({ conversationId: 'conv-live' });
    live.store.setMode('conv-live', 'internal-note');
    live.store.setDraft('conv-live', 'internal-note', doc(mention(jane.id, 'Jane Doe')));
    expect(await live.store.submit('conv-live')).toMatchObject({
      ok: false,
      error: { code: 'mentions-unavailable' },
    });

    const off = await setup({ settings: { collaborationEnabled: false } });
    off.store.setMode(off.conversationId, 'internal-note');
    off.store.setDraft(off.conversationId, 'internal-note', doc(mention(jane.id, 'Jane Doe')));
    expect(await off.store.submit(off.conversationId)).toMatchObject({
      ok: false,
      error: { code: 'mentions-unavailable' },
    });
  });

  it('R7: with the "skip" policy an agent who cannot view is not added; with "add" they are', async () => {
    for (const [policy, added] of [
      ['skip', false],
      ['add', true],
    ] as const) {
      const { store, backend, conversationId } = await setup({
        settings: { mentionWithoutAccess: policy },
      });
      store.setMode(conversationId, 'internal-note');
      store.setDraft(conversationId, 'internal-note', doc(mention(nora.id, 'Nora Blake')));
      expect((await store.submit(conversationId)).ok).toBe(true);
      expect(backend.conversation(conversationId)?.followerIds.includes(nora.id)).toBe(added);
    }
  });

  it('R7: an added follower who cannot view the conversation is never notified of it', async () => {
    const { store, backend, conversationId } = await setup();
    const noraInbox = inboxOf(backend, nora.id);
    store.setMode(conversationId, 'internal-note');
    store.setDraft(conversationId, 'internal-note', doc(mention(nora.id, 'Nora Blake')));
    await store.submit(conversationId);
    await settle();
    expect(noraInbox).toEqual([]);
  });

  it('refuses an empty message without calling the backend', async () => {
    const { store, backend, conversationId } = await setup();
    expect(await store.submit(conversationId)).toMatchObject({
      ok: false,
      error: { code: 'empty-message' },
    });
    expect(backend.conversation(conversationId)?.messages).toHaveLength(0);
  });
});

describe('public replies', () => {
  it('R3: a public reply never adds a follower nor carries a mention, even with a mention node inside', async () => {
    const { store, backend, conversationId } = await setup();
    store.setDraft(conversationId, 'public-reply', doc(text('Hi '), mention(jane.id, 'Jane Doe')));
    const outcome = await store.submit(conversationId);
    expect(outcome.ok && outcome.message.mentionIds).toEqual([]);
    expect(outcome.ok && outcome.message.text).toBe('Hi @Jane Doe');
    expect(backend.conversation(conversationId)?.followerIds).not.toContain(jane.id);
  });

  it('R3: mention search is refused while the composer is in public reply', async () => {
    const { store, conversationId } = await setup();
    await expect(store.searchMentions(conversationId, 'Jan')).rejects.toMatchObject({
      code: 'mentions-unavailable',
    });
  });
});

describe('mention search through the store', () => {
  it('R2: among many agents sharing a first-name prefix, a recent collaborator comes first', async () => {
    const jamals = Array.from({ length: 12 }, (_, index) => ({
      kind: 'agent' as const,
      id: `jamal-${index}`,
      name: `Jamal Abbott${index}`,
      role: 'agent' as const,
      status: 'online' as const,
    }));
    const { store, conversationId } = await setup({
      agents: [...Object.values(demoAgents), ...jamals],
    });
    store.setMode(conversationId, 'internal-note');
    const before = (await store.searchMentions(conversationId, 'Jam')).suggestions;
    expect(before.map((s) => s.agent.name)).not.toContain('Jamie Okafor');
    // Sam works with Jamie: he mentions her in another conversation.
    store.openConversation('conv-printer');
    await settle();
    store.setMode('conv-printer', 'internal-note');
    store.setDraft('conv-printer', 'internal-note', doc(mention(jamie.id, 'Jamie Okafor')));
    expect((await store.submit('conv-printer')).ok).toBe(true);
    const after = (await store.searchMentions(conversationId, 'Jam')).suggestions;
    expect(after[0]?.agent.name).toBe('Jamie Okafor');
    expect(after).toHaveLength(before.length);
  });

  it('R2, R5, R7: returns agents only, ranked, with follower / assignee / cannot-view hints', async () => {
    const { store, conversationId } = await setup();
    store.setMode(conversationId, 'internal-note');
    const results = (await store.searchMentions(conversationId, 'Jan')).suggestions;
    expect(results[0]?.agent.name).toBe('Jane Doe');
    expect(results.every((r) => r.agent.kind === 'agent')).toBe(true);
    expect(results.some((r) => r.agent.name.startsWith('Janet'))).toBe(false);
    const hints = Object.fromEntries(
      (await store.searchMentions(conversationId, '')).suggestions.map((r) => [r.agent.id, r.hint]),
    );
    expect(hints[sam.id]).toBe('assignee');
    expect(hints[ada.id]).toBe('follower');
  });

  it('R5: end users returned by a careless directory adapter are filtered out', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(sam.id);
    const careless: AsideAdapters = {
      ...adapters,
      directory: {
        ...adapters.directory,
        search: async () => ({ agents: [demoEndUsers[0]!, jane] as never, total: 2 }),
      },
    };
    const store = createAsideStore({ adapters: careless, currentAgentId: sam.id });
    await store.ready;
    store.openConversation('conv-refund');
    store.setMode('conv-refund', 'internal-note');
    await settle();
    const { suggestions } = await store.searchMentions('conv-refund', 'Jan');
    expect(suggestions.map((r) => r.agent.id)).toEqual([jane.id]);
  });
});

describe('drafts', () => {
  it('R8: each mode keeps its own draft, per conversation', async () => {
    const { store, conversationId } = await setup();
    store.openConversation('conv-printer');
    store.setDraft(conversationId, 'public-reply', doc(text('public')));
    store.setDraft(conversationId, 'internal-note', doc(text('private')));
    store.setDraft('conv-printer', 'internal-note', doc(text('other')));
    store.setMode(conversationId, 'internal-note');
    store.setMode(conversationId, 'public-reply');
    const drafts = store.getSnapshot().composers[conversationId]!.drafts;
    expect(drafts['public-reply'].text).toBe('public');
    expect(drafts['internal-note'].text).toBe('private');
    expect(store.getSnapshot().composers['conv-printer']!.drafts['internal-note'].text).toBe(
      'other',
    );
  });

  it('R8: a draft survives a reload (a new store on the same draft storage)', async () => {
    const backend = createMemoryBackend();
    const first = createAsideStore({
      adapters: backend.adaptersFor(sam.id),
      currentAgentId: sam.id,
    });
    first.openConversation('conv-refund');
    first.setDraft('conv-refund', 'internal-note', doc(text('half-written note')));
    await settle();
    first.destroy();
    const second = createAsideStore({
      adapters: backend.adaptersFor(sam.id),
      currentAgentId: sam.id,
    });
    second.openConversation('conv-refund');
    await settle(10);
    expect(second.getSnapshot().composers['conv-refund']?.drafts['internal-note'].text).toBe(
      'half-written note',
    );
  });

  it('R8: a failed submit keeps the draft and shows the error; a successful one clears it', async () => {
    const { store, backend, conversationId } = await setup();
    store.setDraft(conversationId, 'public-reply', doc(text('Your refund is on its way')));
    backend.fail('submitMessage', 1);
    const failed = await store.submit(conversationId);
    expect(failed).toMatchObject({ ok: false, error: { code: 'adapter-failed' } });
    expect(store.getSnapshot().composers[conversationId]?.drafts['public-reply'].text).toBe(
      'Your refund is on its way',
    );
    expect(store.getSnapshot().composers[conversationId]?.submitting).toBe(false);
    expect((await store.submit(conversationId)).ok).toBe(true);
    expect(store.getSnapshot().composers[conversationId]?.drafts['public-reply'].text).toBe('');
  });

  it('R8: a draft store that fails to save shows an error but keeps the draft in memory', async () => {
    const { store, backend, conversationId } = await setup();
    backend.fail('drafts');
    store.setDraft(conversationId, 'public-reply', doc(text('keep me')));
    await settle();
    const composer = store.getSnapshot().composers[conversationId]!;
    expect(composer.drafts['public-reply'].text).toBe('keep me');
    expect(composer.error?.message).toMatch(/save the draft/);
  });

  it('R18: a stored draft arriving after the agent started typing does not overwrite the typing', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(sam.id);
    const stored = { doc: doc(text('old')), text: 'old', updatedAt: 1 };
    const release: (() => void)[] = [];
    const slowDrafts: AsideAdapters = {
      ...adapters,
      drafts: {
        ...adapters.drafts,
        load: () => new Promise((resolve) => release.push(() => resolve(stored))),
      },
    };
    const store = createAsideStore({ adapters: slowDrafts, currentAgentId: sam.id });
    store.openConversation('conv-refund');
    store.setDraft('conv-refund', 'public-reply', doc(text('new')));
    // Release each stored draft as it is asked for (one per mode).
    for (let i = 0; i < 2; i++) {
      await vi.waitFor(() => expect(release.length).toBeGreaterThan(i));
      release[i]!();
      await settle();
    }
    const drafts = store.getSnapshot().composers['conv-refund']!.drafts;
    expect(drafts['public-reply'].text).toBe('new');
    // The untouched mode does take the stored draft.
    expect(drafts['internal-note'].text).toBe('old');
  });
});

describe('the in-memory backend keeps access', () => {
  it('R7: a conversation change never reaches an agent who cannot view it (Nora), only those who can', async () => {
    const { store, backend, conversationId } = await setup();
    const seenByNora: unknown[] = [];
    const seenByAda: unknown[] = [];
    backend.adaptersFor(nora.id).conversations.subscribe(conversationId, (c) => seenByNora.push(c));
    backend.adaptersFor(ada.id).conversations.subscribe(conversationId, (c) => seenByAda.push(c));
    store.setDraft(conversationId, 'public-reply', doc(text('Refund sent')));
    expect((await store.submit(conversationId)).ok).toBe(true);
    await settle();
    // The same change reached Ada, so Nora would have had it by now.
    expect(seenByAda).toHaveLength(1);
    expect(seenByNora).toEqual([]);
  });
});

describe('followers', () => {
  it('R11: adding is optimistic and confirmed by the backend', async () => {
    const { store, backend, conversationId } = await setup();
    backend.setLatency('addFollower', 60_000);
    vi.useFakeTimers();
    try {
      const pending = store.addFollower(conversationId, jane.id);
      await vi.waitFor(() => expect(followersOf(store, conversationId)).toContain(jane.id));
      expect(backend.conversation(conversationId)?.followerIds).not.toContain(jane.id);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(await pending).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    expect(backend.conversation(conversationId)?.followerIds).toContain(jane.id);
  });

  it('R11: a refused removal rolls back with a visible error', async () => {
    const { store, backend, conversationId } = await setup();
    backend.setLatency('removeFollower', 20);
    backend.fail('removeFollower');
    const pending = store.removeFollower(conversationId, ada.id);
    expect(followersOf(store, conversationId)).not.toContain(ada.id);
    expect(store.getSnapshot().conversations[conversationId]?.pendingFollowerIds).toEqual([ada.id]);
    expect(await pending).toBe(false);
    expect(followersOf(store, conversationId)).toEqual([ada.id]);
    expect(store.getSnapshot().conversations[conversationId]?.error?.code).toBe('adapter-failed');
  });

  it('R10: an agent without edit permission cannot remove followers, even by calling the store', async () => {
    const { store, backend } = await setup({ conversationId: 'conv-readonly' });
    backend.updateConversation('conv-readonly', () => ({ followerIds: [jane.id] }));
    await settle();
    expect(await store.removeFollower('conv-readonly', jane.id)).toBe(false);
    expect(store.getSnapshot().conversations['conv-readonly']?.error?.code).toBe('forbidden');
    expect(backend.conversation('conv-readonly')?.followerIds).toEqual([jane.id]);
  });

  it('R5: an end user can never be added as a follower', async () => {
    const { store, backend, conversationId } = await setup();
    expect(await store.addFollower(conversationId, demoEndUsers[0]!.id)).toBe(false);
    expect(backend.conversation(conversationId)?.followerIds).toEqual([ada.id]);
  });

  it('R11: the backend refuses a forged request from a light agent', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(lee.id);
    await expect(
      adapters.conversations.addFollower('conv-refund', jane.id, { actorId: lee.id }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describe('notifications', () => {
  const event = (id: string, fields: Partial<NotificationEvent> = {}): NotificationEvent => ({
    id,
    kind: 'update',
    recipientId: jane.id,
    conversationId: 'conv-refund',
    conversationSubject: 'Refund',
    messageId: `m-${id}`,
    actorId: sam.id,
    actorName: 'Sam Rivera',
    excerpt: 'hello',
    createdAt: Number(id.replace(/\D/g, '')) || 1,
    ...fields,
  });

  it('R12: the mentioned agent gets the toast whatever her status (Jane is offline)', async () => {
    expect(jane.status).toBe('offline');
    const backend = createMemoryBackend();
    const janeStore = createAsideStore({
      adapters: backend.adaptersFor(jane.id),
      currentAgentId: jane.id,
    });
    const sams = createAsideStore({
      adapters: backend.adaptersFor(sam.id),
      currentAgentId: sam.id,
    });
    await Promise.all([janeStore.ready, sams.ready]);
    sams.openConversation('conv-refund');
    await settle();
    sams.setMode('conv-refund', 'internal-note');
    sams.setDraft('conv-refund', 'internal-note', doc(mention(jane.id, 'Jane Doe')));
    await sams.submit('conv-refund');
    await settle();
    const toasts = janeStore.getSnapshot().notifications.toasts;
    expect(toasts.map((t) => [t.kind, t.event.conversationId])).toEqual([
      ['mention', 'conv-refund'],
    ]);
  });

  it('R12: an explicit mention of an agent who already follows gives her a mention, not an update', async () => {
    const { store, backend, conversationId } = await setup();
    expect(backend.conversation(conversationId)?.followerIds).toContain(ada.id);
    const adaInbox = inboxOf(backend, ada.id);
    store.setMode(conversationId, 'internal-note');
    store.setDraft(conversationId, 'internal-note', doc(mention(ada.id, 'Ada'), text(' again?')));
    expect((await store.submit(conversationId)).ok).toBe(true);
    await settle();
    expect(adaInbox.map((e) => e.kind)).toEqual(['mention']);
    // A public reply that names her in plain text is an update, never a mention (R3).
    store.setMode(conversationId, 'public-reply');
    store.setDraft(conversationId, 'public-reply', doc(text('Ada will call you back')));
    expect((await store.submit(conversationId)).ok).toBe(true);
    await settle();
    expect(adaInbox.map((e) => e.kind)).toEqual(['mention', 'update']);
  });

  it('R12: answering a notification starts in Internal note and keeps the public draft', async () => {
    const { store, conversationId } = await setup({ agentId: jane.id });
    store.setDraft(conversationId, 'public-reply', doc(text('Hello customer')));
    expect(store.getSnapshot().composers[conversationId]?.mode).toBe('public-reply');
    store.prepareReply(conversationId);
    const composer = store.getSnapshot().composers[conversationId]!;
    expect(composer.mode).toBe('internal-note');
    expect(composer.drafts['public-reply'].text).toBe('Hello customer');
    // Also for a conversation the agent has not opened yet.
    store.prepareReply('conv-printer');
    expect(store.getSnapshot().composers['conv-printer']?.mode).toBe('internal-note');
  });

  it('R12: events for another agent are not shown; replays are dropped by event id', async () => {
    const { store, backend } = await setup({ agentId: jane.id });
    backend.emit(event('e1'));
    backend.emit(event('e1'));
    backend.emit(event('e2', { recipientId: ada.id }));
    await settle();
    expect(store.getSnapshot().notifications.items.map((i) => i.event.id)).toEqual(['e1']);
  });

  it('R13: a burst of updates to one conversation is coalesced into one toast', async () => {
    const { store, backend } = await setup({ agentId: jane.id });
    for (const id of ['e1', 'e2', 'e3']) backend.emit(event(id));
    backend.emit(event('e4', { conversationId: 'conv-printer' }));
    await settle();
    const toasts = store.getSnapshot().notifications.toasts;
    expect(toasts.map((t) => [t.event.conversationId, t.count])).toEqual([
      ['conv-printer', 1],
      ['conv-refund', 3],
    ]);
    store.dismissToast(toasts[1]!.id);
    expect(store.getSnapshot().notifications.toasts).toHaveLength(1);
  });

  it('R14: updates collect newest first with unread state; marking read updates the count', async () => {
    const { store, backend } = await setup({ agentId: jane.id });
    backend.emit(event('e1'));
    backend.emit(event('e2', { conversationId: 'conv-printer' }));
    backend.emit(event('e3'));
    await settle();
    const { items, unreadCount } = store.getSnapshot().notifications;
    expect(items.map((i) => i.event.id)).toEqual(['e3', 'e2', 'e1']);
    expect(unreadCount).toBe(3);
    store.markRead({ conversationId: 'conv-refund' });
    expect(store.getSnapshot().notifications.unreadCount).toBe(1);
    store.markRead({ eventIds: ['e2'] });
    expect(store.getSnapshot().notifications.items.every((i) => i.read)).toBe(true);
  });

  it('R14: a thousand events in one tick become one state change', async () => {
    const { store, backend } = await setup({ agentId: jane.id });
    let changes = 0;
    store.subscribe(() => changes++);
    for (let i = 1; i <= 1000; i++) backend.emit(event(`e${i}`, { conversationId: `c${i % 7}` }));
    await settle();
    expect(changes).toBe(1);
    expect(store.getSnapshot().notifications.items).toHaveLength(1000);
  });
});

describe('adapter failures and bad data', () => {
  it('R17: invalid conversation data from the adapter is a clear error naming the field', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(sam.id);
    const broken: AsideAdapters = {
      ...adapters,
      conversations: {
        ...adapters.conversations,
        load: async (id) => {
          const page = await adapters.conversations.load(id);
          return {
            ...page,
            conversation: { ...page.conversation, followerIds: 'ada' },
          } as unknown as ConversationPage;
        },
      },
    };
    const store = createAsideStore({ adapters: broken, currentAgentId: sam.id });
    store.openConversation('conv-refund');
    await settle();
    const state = store.getSnapshot().conversations['conv-refund'];
    expect(state?.status).toBe('error');
    expect(state?.error?.code).toBe('invalid-adapter-data');
    expect(state?.error?.message).toMatch(/conversation\.followerIds must be an array/);
  });

  it('R18: an older load response arriving after a newer change is ignored', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(sam.id);
    let releaseLoad: () => void = () => {};
    const stale = backend.conversation('conv-refund')!;
    const slow: AsideAdapters = {
      ...adapters,
      conversations: {
        ...adapters.conversations,
        load: () =>
          new Promise(
            (resolve) => (releaseLoad = () => resolve({ conversation: stale, olderCursor: null })),
          ),
      },
    };
    const store = createAsideStore({ adapters: slow, currentAgentId: sam.id });
    store.openConversation('conv-refund');
    await settle();
    backend.updateConversation('conv-refund', () => ({ followerIds: [ada.id, jane.id] }));
    releaseLoad();
    await settle();
    expect(followersOf(store, 'conv-refund')).toEqual([ada.id, jane.id]);
  });

  it('R18: a retried submit reuses its idempotency key, so the message is posted once', async () => {
    const backend = createMemoryBackend();
    const adapters = backend.adaptersFor(sam.id);
    const keys: string[] = [];
    let dropResponse = true;
    const flaky: AsideAdapters = {
      ...adapters,
      conversations: {
        ...adapters.conversations,
        async submitMessage(input) {
          keys.push(input.idempotencyKey);
          const result = await adapters.conversations.submitMessage(input);
          if (dropResponse) {
            dropResponse = false;
            throw new Error('network dropped the response');
          }
          return result;
        },
      },
    };
    const store = createAsideStore({ adapters: flaky, currentAgentId: sam.id });
    await store.ready;
    store.openConversation('conv-refund');
    await settle();
    store.setDraft('conv-refund', 'public-reply', doc(text('Refund sent')));
    expect((await store.submit('conv-refund')).ok).toBe(false);
    expect((await store.submit('conv-refund')).ok).toBe(true);
    expect(keys[0]).toBe(keys[1]);
    expect(backend.conversation('conv-refund')?.messages).toHaveLength(1);
  });

  it('R18: a second submit while one is in flight is refused, not doubled', async () => {
    const { store, backend, conversationId } = await setup();
    backend.setLatency('submitMessage', 20);
    store.setDraft(conversationId, 'public-reply', doc(text('once')));
    const [first, second] = await Promise.all([
      store.submit(conversationId),
      store.submit(conversationId),
    ]);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(backend.conversation(conversationId)?.messages).toHaveLength(1);
  });

  it('R18: a failing conversation load leaves an error, and a later change recovers it', async () => {
    const backend = createMemoryBackend();
    backend.fail('load', 1);
    const store = createAsideStore({
      adapters: backend.adaptersFor(sam.id),
      currentAgentId: sam.id,
    });
    store.openConversation('conv-refund');
    await settle();
    expect(store.getSnapshot().conversations['conv-refund']?.status).toBe('error');
    backend.updateConversation('conv-refund', () => ({ subject: 'Refund (updated)' }));
    await settle();
    expect(store.getSnapshot().conversations['conv-refund']?.status).toBe('ready');
    expect(store.getSnapshot().conversations['conv-refund']?.conversation?.subject).toBe(
      'Refund (updated)',
    );
  });
});

describe('recovery', () => {
  it('R18: after the backend fails at start-up, retry loads the agent, settings and conversation', async () => {
    const backend = createMemoryBackend();
    backend.fail('getPeople', 1);
    backend.fail('load', 1);
    const store = createAsideStore({
      adapters: backend.adaptersFor(sam.id),
      currentAgentId: sam.id,
    });
    store.openConversation('conv-refund');
    await settle();
    expect(store.getSnapshot().error?.code).toBe('adapter-failed');
    expect(store.getSnapshot().conversations['conv-refund']?.status).toBe('error');
    await store.retry();
    await settle();
    expect(store.getSnapshot().error).toBeNull();
    expect(store.getSnapshot().currentAgent?.name).toBe('Sam Rivera');
    expect(store.getSnapshot().conversations['conv-refund']?.status).toBe('ready');
  });
});
