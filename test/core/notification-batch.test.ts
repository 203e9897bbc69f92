import type { NotificationEvent, NotificationsState, Toast } from '@aside/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_NOTIFICATION_ITEMS,
  MAX_TOASTS,
  markRead,
  receiveNotifications,
} from '../../packages/core/src/store/notifications';
import { Reach } from './properties-model';

// A burst is taken in as one batch (one copy of the list, not one per event). The batch must
// leave exactly the state that the rules give when the events are added one at a time (R12–R14).
// The model below is that one-at-a-time reading, written as plainly as possible.

const empty: NotificationsState = { items: [], unreadCount: 0, toasts: [] };

function modelAdd(state: NotificationsState, event: NotificationEvent): NotificationsState {
  const items = [{ event, read: false }, ...state.items].slice(0, MAX_NOTIFICATION_ITEMS);
  let toasts: readonly Toast[];
  const existing = state.toasts.find(
    (toast) => toast.kind === 'update' && toast.event.conversationId === event.conversationId,
  );
  if (event.kind === 'update' && existing) {
    const merged = { ...existing, event, count: existing.count + 1 };
    toasts = [merged, ...state.toasts.filter((toast) => toast !== existing)];
  } else {
    toasts = [{ id: event.id, kind: event.kind, event, count: 1 }, ...state.toasts];
    toasts = toasts.slice(0, MAX_TOASTS);
  }
  return { items, unreadCount: items.filter((item) => !item.read).length, toasts };
}

const seen = (state: NotificationsState) => ({
  items: state.items.map((item) => [item.event.id, item.read]),
  unreadCount: state.unreadCount,
  toasts: state.toasts.map((toast) => [toast.id, toast.kind, toast.event.id, toast.count]),
});

const makeEvent = (n: number, kind: 'mention' | 'update', conversation: number, at: number) =>
  ({
    id: `evt-${n}`,
    kind,
    recipientId: 'agent-jane',
    conversationId: `conv-${conversation}`,
    conversationSubject: `Conversation ${conversation}`,
    messageId: `msg-${n}`,
    actorId: 'agent-sam',
    actorName: 'Sam Rivera',
    excerpt: `Update ${n}`,
    createdAt: at,
  }) satisfies NotificationEvent;

type Step =
  | { type: 'batch'; events: { kind: 'mention' | 'update'; conversation: number; later: number }[] }
  | { type: 'read'; conversation: number }
  | { type: 'dismiss'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constant('batch' as const),
      events: fc.array(
        fc.record({
          kind: fc.constantFrom('mention' as const, 'update' as const, 'update' as const),
          conversation: fc.nat(7),
          // 0: the same createdAt as the event before it (ties are common in a burst).
          later: fc.constantFrom(0, 0, 1, 5),
        }),
        { minLength: 1, maxLength: 40 },
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ type: fc.constant('read' as const), conversation: fc.nat(7) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('dismiss' as const), pick: fc.nat(25) }) },
);

describe('a burst of notifications taken in one batch', () => {
  it('R12–R14: any batches in time order leave the state the events give one at a time (order, reads, coalesced toasts, caps)', () => {
    const reach = new Reach();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        let batched = empty;
        let model = empty;
        let n = 0;
        let at = 0;
        for (const next of steps) {
          if (next.type === 'batch') {
            const events = next.events.map(({ kind, conversation, later }) => {
              at += later;
              if (later === 0 && n > 0) reach.hit('events sharing a createdAt');
              return makeEvent(++n, kind, conversation, at);
            });
            const toastsBefore = batched.toasts.length;
            batched = receiveNotifications(batched, events);
            for (const event of events) model = modelAdd(model, event);
            if (toastsBefore + events.length > MAX_TOASTS) reach.hit('batches past the toast cap');
            if (events.length > 1) reach.hit('batches of several events');
          } else if (next.type === 'read') {
            const matches = (event: NotificationEvent) =>
              event.conversationId === `conv-${next.conversation}`;
            batched = markRead(batched, matches);
            model = markRead(model, matches);
            reach.hit('conversations read between batches');
          } else {
            const toast = batched.toasts[next.pick];
            if (!toast) continue;
            const without = (state: NotificationsState) => ({
              ...state,
              toasts: state.toasts.filter((t) => t.id !== toast.id),
            });
            batched = without(batched);
            model = without(model);
            reach.hit('toasts dismissed between batches');
          }
          expect(seen(batched)).toEqual(seen(model));
        }
        if (batched.toasts.some((toast) => toast.count > 1)) reach.hit('coalesced toasts');
      }),
      { numRuns: 200 },
    );
    // Every path the property is about was taken, so it cannot pass vacuously.
    for (const path of [
      'events sharing a createdAt',
      'batches past the toast cap',
      'batches of several events',
      'conversations read between batches',
      'toasts dismissed between batches',
      'coalesced toasts',
    ])
      expect(reach.of(path), path).toBeGreaterThanOrEqual(20);
  });

  it('R14: 1,000 events onto a full list of 10,000 keep the 10,000 newest, newest first, with a true unread count', () => {
    const listed = Array.from({ length: MAX_NOTIFICATION_ITEMS }, (_, i) =>
      makeEvent(i + 1, 'update', i % 40, i + 1),
    );
    let state = receiveNotifications(empty, listed);
    // Read every third listed item, some of which the burst then pushes out.
    state = markRead(state, (event) => Number(event.id.slice(4)) % 3 === 0);
    const burst = Array.from({ length: 1_000 }, (_, i) =>
      makeEvent(10_001 + i, i % 10 === 0 ? 'mention' : 'update', i % 8, 10_001 + i),
    );
    const after = receiveNotifications(state, burst);

    const expectedIds = [...listed, ...burst]
      .reverse()
      .slice(0, MAX_NOTIFICATION_ITEMS)
      .map((event) => event.id);
    expect(after.items.map((item) => item.event.id)).toEqual(expectedIds);
    const unread = after.items.filter((item) => !item.read).length;
    expect(unread).toBeLessThan(MAX_NOTIFICATION_ITEMS);
    expect(after.unreadCount).toBe(unread);
    // R12 and R13: the newest mentions keep their own toasts, updates one per conversation.
    expect(after.toasts).toHaveLength(MAX_TOASTS);
    expect(after.toasts[0]!.event.id).toBe('evt-11000');
    const mentions = after.toasts.filter((toast) => toast.kind === 'mention');
    expect(mentions.every((toast) => toast.count === 1)).toBe(true);
    const updates = after.toasts.filter((toast) => toast.kind === 'update');
    const conversations = new Set(updates.map((toast) => toast.event.conversationId));
    expect(conversations.size).toBe(updates.length);
    expect(updates.some((toast) => toast.count > 1)).toBe(true);
  });
});
