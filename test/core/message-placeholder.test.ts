import { type Message, UNREADABLE_MESSAGE_TEXT } from '@aside/core';
import { describe, expect, it } from 'vitest';
import { demoAgents, doc, settle, setup, text } from './helpers';

const { sam } = demoAgents;

const message = (id: string, fields: Record<string, unknown> = {}): Message =>
  ({
    id,
    conversationId: 'conv-refund',
    authorId: sam.id,
    kind: 'internal-note',
    body: doc(text(`text of ${id}`)),
    text: `text of ${id}`,
    mentionIds: [],
    createdAt: 1,
    ...fields,
  }) as Message;

describe('one invalid stored message never breaks a conversation', () => {
  it('R20: a conversation with one bad message loads; only that message becomes a placeholder', async () => {
    const { store, backend, conversationId } = await setup();
    backend.updateConversation(conversationId, () => ({
      messages: [
        message('m1'),
        message('m2', { body: [1, 2] }),
        message('m3', { body: { type: 'doc', content: [{ type: 'script', text: 'alert(1)' }] } }),
        message('m4', { mentionIds: 'everyone' }),
        message('m5'),
      ],
    }));
    await settle();
    const state = store.getSnapshot().conversations[conversationId]!;
    expect(state.status).toBe('ready');
    expect(state.error).toBeNull();
    const shown = state.conversation!.messages;
    expect(shown.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(shown.map((m) => m.invalid ?? false)).toEqual([false, true, true, true, false]);
    expect(shown[0]!.text).toBe('text of m1');
    expect(shown[4]!.text).toBe('text of m5');
    for (const bad of shown.slice(1, 4)) {
      expect(bad).toMatchObject({
        text: UNREADABLE_MESSAGE_TEXT,
        mentionIds: [],
        authorId: sam.id,
      });
      expect(JSON.stringify(bad.body)).not.toMatch(/script|alert/);
    }
  });

  it('R20: a message that is not even an object still leaves the others readable', async () => {
    const { store, backend, conversationId } = await setup();
    backend.updateConversation(conversationId, () => ({
      messages: [message('m1'), null as unknown as Message],
    }));
    await settle();
    const shown = store.getSnapshot().conversations[conversationId]!.conversation!.messages;
    expect(shown[0]).toMatchObject({ id: 'm1', text: 'text of m1' });
    expect(shown[1]).toMatchObject({
      id: expect.stringMatching(/^invalid-/),
      invalid: true,
      text: UNREADABLE_MESSAGE_TEXT,
    });
  });
});
