import { describe, expect, it } from 'vitest';
import { demoAgents, doc, mention, settle, setup, text } from './helpers';

describe('store: submit flow', () => {
  it('R6: submitting an internal note adds the mentioned agent as a follower and notifies her', async () => {
    const { store, backend, conversationId } = await setup();
    const janeInbox: string[] = [];
    backend.adaptersFor(demoAgents.jane.id).notifications.subscribe(demoAgents.jane.id, (event) => {
      janeInbox.push(event.kind);
    });
    store.setMode(conversationId, 'internal-note');
    store.setDraft(
      conversationId,
      'internal-note',
      doc(text('Can you check? '), mention(demoAgents.jane.id, 'Jane Doe')),
    );
    const outcome = await store.submit(conversationId);
    await settle();
    expect(outcome.ok).toBe(true);
    expect(store.getSnapshot().conversations[conversationId]?.conversation?.followerIds).toContain(
      demoAgents.jane.id,
    );
    expect(janeInbox).toEqual(['mention']);
  });

  it('R3: a public reply never adds a follower nor carries a mention', async () => {
    const { store, backend, conversationId } = await setup();
    store.setDraft(
      conversationId,
      'public-reply',
      doc(text('Hi '), mention(demoAgents.jane.id, 'Jane Doe')),
    );
    const outcome = await store.submit(conversationId);
    expect(outcome.ok && outcome.message.mentionIds).toEqual([]);
    expect(outcome.ok && outcome.message.text).toBe('Hi @Jane Doe');
    expect(backend.conversation(conversationId)?.followerIds).not.toContain(demoAgents.jane.id);
  });
});
