import { type ComposerMode, canMention, createAsideStore, type RichTextNode } from '@aside/core';
import {
  createMemoryBackend,
  demoAgents,
  demoEndUsers,
  type MemoryOperation,
} from '@aside/core/memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doc, mention, settle, text } from './helpers';

// Random sequences of what agents and backends do, checked against the rules after every step.
const actors = Object.values(demoAgents);
const conversations = ['conv-refund', 'conv-printer', 'conv-live', 'conv-readonly'];
const mentionable = [...actors.map((a) => a.id), ...demoEndUsers.map((u) => u.id), 'unknown-id'];
const endUserIds = new Set(demoEndUsers.map((u) => u.id));

type Action =
  | { type: 'mode'; mode: ComposerMode }
  | { type: 'type'; mode: ComposerMode; words: string; mentions: string[] }
  | { type: 'submit' }
  | { type: 'add'; id: string }
  | { type: 'remove'; id: string }
  | { type: 'fail'; operation: MemoryOperation }
  | { type: 'collaboration'; enabled: boolean };

const mode = fc.constantFrom<ComposerMode>('public-reply', 'internal-note');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ type: fc.constant('mode' as const), mode }),
  fc.record({
    type: fc.constant('type' as const),
    mode,
    words: fc.string({ maxLength: 12 }),
    mentions: fc.array(fc.constantFrom(...mentionable), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('submit' as const) }),
  fc.record({ type: fc.constant('add' as const), id: fc.constantFrom(...mentionable) }),
  fc.record({
    type: fc.constant('remove' as const),
    // Biased towards people who are often followers, so removals really happen.
    id: fc.oneof(
      fc.constantFrom(demoAgents.ada.id, demoAgents.jane.id),
      fc.constantFrom(...mentionable),
    ),
  }),
  fc.record({
    type: fc.constant('fail' as const),
    operation: fc.constantFrom<MemoryOperation>(
      'submitMessage',
      'addFollower',
      'removeFollower',
      'getPeople',
      'drafts',
    ),
  }),
  fc.record({ type: fc.constant('collaboration' as const), enabled: fc.boolean() }),
);

const draftOf = (words: string, mentions: string[]): RichTextNode =>
  doc(...(words ? [text(words)] : []), ...mentions.map((id) => mention(id, id)));

describe('invariants over random action sequences', () => {
  // Proof that the generated sequences reach the interesting paths, so the property is not vacuous.
  const reached = { followersAdded: 0, followersRemoved: 0, refusals: 0 };

  it('R3–R8, R11: followers, mentions and drafts stay within the rules whatever happens', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(demoAgents.sam, demoAgents.ada), fc.constantFrom(...actors)),
        fc.oneof(fc.constant('conv-refund'), fc.constantFrom(...conversations)),
        fc.array(action, { minLength: 1, maxLength: 25 }),
        async (actor, conversationId, actions) => {
          const backend = createMemoryBackend();
          const store = createAsideStore({
            adapters: backend.adaptersFor(actor.id),
            currentAgentId: actor.id,
          });
          await store.ready;
          store.openConversation(conversationId);
          await settle(2);
          const expectedDrafts: Record<ComposerMode, string> = {
            'public-reply': '',
            'internal-note': '',
          };
          let collaborationEnabled = true;

          for (const step of actions) {
            const before = backend.conversation(conversationId)!;
            const modeNow = store.getSnapshot().composers[conversationId]?.mode ?? 'public-reply';
            const mayMention = canMention(actor, before, {
              collaborationEnabled,
              mentionWithoutAccess: 'add',
            }).allowed;
            let outcome: unknown;
            switch (step.type) {
              case 'mode':
                store.setMode(conversationId, step.mode);
                break;
              case 'type': {
                const draft = draftOf(step.words, step.mentions);
                store.setDraft(conversationId, step.mode, draft);
                expectedDrafts[step.mode] =
                  store.getSnapshot().composers[conversationId]!.drafts[step.mode].text;
                break;
              }
              case 'submit':
                outcome = await store.submit(conversationId);
                if ((outcome as { ok: boolean }).ok) expectedDrafts[modeNow] = '';
                break;
              case 'add':
                outcome = await store.addFollower(conversationId, step.id);
                break;
              case 'remove':
                outcome = await store.removeFollower(conversationId, step.id);
                break;
              case 'fail':
                backend.fail(step.operation, 1);
                break;
              case 'collaboration':
                collaborationEnabled = step.enabled;
                backend.setSettings({ collaborationEnabled: step.enabled });
                break;
            }
            await settle(2);
            const after = backend.conversation(conversationId)!;
            const added = after.followerIds.filter((id) => !before.followerIds.includes(id));

            // Nobody is added by an agent, role, channel or setting that may not (R4, R6).
            if (!mayMention) expect(added).toEqual([]);
            // A public reply never adds a follower (R3).
            if (step.type === 'submit' && modeNow === 'public-reply') expect(added).toEqual([]);
            // An end user (or an unknown id) never becomes a follower (R5).
            for (const id of after.followerIds) {
              expect(endUserIds.has(id) || id === 'unknown-id').toBe(false);
            }
            // Once settled, what the agent sees is what the backend holds, or a visible error explains it (R11).
            const seen = store.getSnapshot().conversations[conversationId];
            if (seen?.status === 'ready') {
              expect(seen.pendingFollowerIds).toEqual([]);
              expect(seen.conversation?.followerIds).toEqual(after.followerIds);
            }
            if (outcome === false) expect(seen?.error).not.toBeNull();
            // A failed submit leaves a visible error on the composer (R8, R18).
            if (step.type === 'submit' && !(outcome as { ok: boolean }).ok) {
              expect(store.getSnapshot().composers[conversationId]?.error).not.toBeNull();
              reached.refusals++;
            }
            reached.followersAdded += added.length;
            reached.followersRemoved += before.followerIds.filter(
              (id) => !after.followerIds.includes(id),
            ).length;
            // Drafts are never lost: each mode holds what was last typed there, until it is sent (R8).
            const drafts = store.getSnapshot().composers[conversationId]!.drafts;
            expect(drafts['public-reply'].text).toBe(expectedDrafts['public-reply']);
            expect(drafts['internal-note'].text).toBe(expectedDrafts['internal-note']);
          }
          // No public reply ever carries a mention (R3).
          for (const message of backend.conversation(conversationId)!.messages) {
            if (message.kind === 'public-reply') expect(message.mentionIds).toEqual([]);
          }
          store.destroy();
        },
      ),
      { numRuns: 80 },
    );
    expect(reached.followersAdded).toBeGreaterThan(0);
    expect(reached.followersRemoved).toBeGreaterThan(0);
    expect(reached.refusals).toBeGreaterThan(0);
  }, 60_000);
});

describe('notification stream invariants', () => {
  it('R12, R14: replays and reconnects never duplicate or drop an event; unread count stays true', async () => {
    const recipients = [demoAgents.jane.id, demoAgents.ada.id];
    const eventArb = fc.record({
      n: fc.integer({ min: 1, max: 30 }),
      recipientId: fc.constantFrom(...recipients),
      kind: fc.constantFrom('mention' as const, 'update' as const),
      conversationId: fc.constantFrom('conv-refund', 'conv-printer'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 60 }),
        fc.array(fc.nat(30), { maxLength: 5 }),
        async (stream, reads) => {
          const backend = createMemoryBackend();
          const store = createAsideStore({
            adapters: backend.adaptersFor(demoAgents.jane.id),
            currentAgentId: demoAgents.jane.id,
          });
          for (const e of stream) {
            // The id is derived from n and recipient, so equal n values are replays of one event.
            backend.emit({
              id: `evt-${e.recipientId}-${e.n}`,
              kind: e.kind,
              recipientId: e.recipientId,
              conversationId: e.conversationId,
              conversationSubject: 'S',
              messageId: `m${e.n}`,
              actorId: demoAgents.sam.id,
              actorName: 'Sam Rivera',
              excerpt: '',
              createdAt: e.n,
            });
          }
          await settle(1);
          for (const n of reads) store.markRead({ eventIds: [`evt-${demoAgents.jane.id}-${n}`] });
          const { items, unreadCount } = store.getSnapshot().notifications;
          const expected = new Set(
            stream.filter((e) => e.recipientId === demoAgents.jane.id).map((e) => e.n),
          );
          expect(items.map((i) => i.event.id).sort()).toEqual(
            [...expected].map((n) => `evt-${demoAgents.jane.id}-${n}`).sort(),
          );
          expect(unreadCount).toBe(items.filter((i) => !i.read).length);
          store.destroy();
        },
      ),
      { numRuns: 100 },
    );
  });
});
