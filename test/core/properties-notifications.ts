import {
  type AsideAdapters,
  createAsideStore,
  type NotificationAdapter,
  type NotificationEvent,
} from '@aside/core';
import { createMemoryBackend, demoAgents } from '@aside/core/memory';
import fc from 'fast-check';
import { expect } from 'vitest';
import { settle } from './helpers';
import { Reach } from './properties-model';

// A live stream as a real transport behaves: it drops, misses what is sent meanwhile, and on
// reconnect replays from the last event it delivered, sometimes re-sending a few it already
// had (at-least-once). The store must show every event once, newest first, and keep reads.

const me = demoAgents.jane.id;
const conversations = ['conv-refund', 'conv-printer', 'conv-live'];

type StreamStep =
  | { type: 'emit'; kind: 'mention' | 'update'; conversation: number; forSomeoneElse: boolean }
  | { type: 'drop' }
  | { type: 'reconnect'; overlap: number }
  | { type: 'resend'; count: number }
  | { type: 'read'; pick: number[] }
  | { type: 'read-conversation'; conversation: number };

function createFlakyStream() {
  const log: NotificationEvent[] = [];
  let listener: ((event: unknown) => void) | null = null;
  let connected = true;
  let lastDelivered = -1;
  const deliveredIds = new Set<string>();
  const deliver = (index: number) => {
    lastDelivered = Math.max(lastDelivered, index);
    deliveredIds.add(log[index]!.id);
    listener?.(log[index]);
  };
  const adapter: NotificationAdapter = {
    subscribe(_agentId, onEvent) {
      listener = onEvent as (event: unknown) => void;
      return () => {
        listener = null;
      };
    },
    publish: async () => {},
  };
  return {
    adapter,
    /** Every event the transport has handed to the store at least once, oldest first. */
    delivered: () => log.filter((event) => deliveredIds.has(event.id)),
    emit(event: NotificationEvent) {
      log.push(event);
      if (connected) deliver(log.length - 1);
    },
    drop: () => {
      connected = false;
    },
    /** Replays what was missed since the last delivered event, plus `overlap` already seen. */
    reconnect(overlap: number) {
      if (connected) return { missed: 0, replayed: 0 };
      connected = true;
      const missed = log.length - 1 - lastDelivered;
      const from = Math.max(0, lastDelivered + 1 - overlap);
      for (let index = from; index < log.length; index++) deliver(index);
      return { missed, replayed: Math.min(overlap, lastDelivered + 1) };
    },
    /** At-least-once delivery: the last `count` delivered events arrive again. */
    resend(count: number) {
      if (!connected) return 0;
      const from = Math.max(0, lastDelivered + 1 - count);
      for (let index = from; index <= lastDelivered; index++) deliver(index);
      return lastDelivered + 1 - from;
    },
  };
}

const streamStep: fc.Arbitrary<StreamStep> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      type: fc.constant('emit' as const),
      kind: fc.constantFrom('mention' as const, 'update' as const),
      conversation: fc.nat(conversations.length - 1),
      forSomeoneElse: fc.constantFrom(false, false, false, false, true),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ type: 'drop' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('reconnect' as const), overlap: fc.nat(4) }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('resend' as const), count: fc.nat(3) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('read' as const),
      pick: fc.array(fc.nat(40), { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('read-conversation' as const),
      conversation: fc.nat(conversations.length - 1),
    }),
  },
);

export async function notificationStreamProperty() {
  const reach = new Reach();
  await fc.assert(
    fc.asyncProperty(fc.array(streamStep, { minLength: 20, maxLength: 80 }), async (steps) => {
      const backend = createMemoryBackend();
      const stream = createFlakyStream();
      const adapters: AsideAdapters = {
        ...backend.adaptersFor(me),
        notifications: stream.adapter,
      };
      const store = createAsideStore({ adapters, currentAgentId: me });
      // The model: the events for me the transport handed over, and those marked read.
      const read = new Set<string>();
      const received = () => stream.delivered().filter((e) => e.recipientId === me);
      let seq = 0;
      for (const next of steps) {
        switch (next.type) {
          case 'emit': {
            seq++;
            const event: NotificationEvent = {
              id: `evt-${seq}`,
              kind: next.kind,
              recipientId: next.forSomeoneElse ? demoAgents.ada.id : me,
              conversationId: conversations[next.conversation]!,
              conversationSubject: 'Subject',
              messageId: `msg-${seq}`,
              actorId: demoAgents.sam.id,
              actorName: 'Sam Rivera',
              excerpt: `Update ${seq}`,
              createdAt: seq,
            };
            stream.emit(event);
            break;
          }
          case 'drop':
            stream.drop();
            break;
          case 'reconnect': {
            const { missed, replayed } = stream.reconnect(next.overlap);
            if (missed > 0) reach.hit('reconnects with missed events');
            reach.hit('events missed, then replayed', missed);
            reach.hit('already-seen events replayed', replayed);
            break;
          }
          case 'resend':
            reach.hit('duplicates resent live', stream.resend(next.count));
            break;
          case 'read': {
            const ids = next.pick.map((n) => `evt-${n}`);
            const held = new Set(received().map((e) => e.id));
            const changes = ids.filter((id) => held.has(id) && !read.has(id));
            store.markRead({ eventIds: ids });
            for (const id of changes) read.add(id);
            reach.hit('items marked read by id', changes.length);
            break;
          }
          case 'read-conversation': {
            const conversationId = conversations[next.conversation]!;
            const changes = received().filter(
              (e) => e.conversationId === conversationId && !read.has(e.id),
            );
            store.markRead({ conversationId });
            for (const e of changes) read.add(e.id);
            reach.hit('items marked read by conversation', changes.length);
            break;
          }
        }
        await settle(1);
        const expected = received().reverse();
        const { items, unreadCount } = store.getSnapshot().notifications;
        // R14: every event meant for me, once, newest first; nobody else's.
        expect(items.map((i) => i.event.id)).toEqual(expected.map((e) => e.id));
        // Reads stick: exactly the items marked read are read, and the count agrees.
        expect(items.filter((i) => i.read).map((i) => i.event.id)).toEqual(
          expected.filter((e) => read.has(e.id)).map((e) => e.id),
        );
        expect(unreadCount).toBe(expected.filter((e) => !read.has(e.id)).length);
        // R12: each mention event has its own toast while there are few enough to keep.
        const mentions = expected.filter((e) => e.kind === 'mention');
        if (mentions.length <= 10) {
          const toastIds = store.getSnapshot().notifications.toasts.map((t) => t.event.id);
          for (const e of mentions) expect(toastIds).toContain(e.id);
        }
      }
      reach.hit(
        'events for someone else dropped',
        stream.delivered().filter((e) => e.recipientId !== me).length,
      );
      store.destroy();
    }),
    { numRuns: 60 },
  );
  reach.print('Reach of the notification stream property (60 runs):');
  expect(reach.of('reconnects with missed events')).toBeGreaterThanOrEqual(10);
  expect(reach.of('events missed, then replayed')).toBeGreaterThanOrEqual(30);
  expect(reach.of('already-seen events replayed')).toBeGreaterThanOrEqual(30);
  expect(reach.of('duplicates resent live')).toBeGreaterThanOrEqual(10);
  expect(reach.of('items marked read by id')).toBeGreaterThanOrEqual(30);
  expect(reach.of('items marked read by conversation')).toBeGreaterThanOrEqual(10);
}
