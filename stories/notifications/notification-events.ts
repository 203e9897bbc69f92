import type { NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';

const BASE_TIME = Date.UTC(2026, 10, 30, 9, 0);

/** A notification for Sam, as the server would send it; ids are fixed so replays are dropped. */
export function storyEvent(id: string, fields: Partial<NotificationEvent> = {}): NotificationEvent {
  return {
    id,
    kind: 'mention',
    recipientId: demoAgents.sam.id,
    conversationId: 'conv-refund',
    conversationSubject: 'Refund for order #4821',
    messageId: `msg-${id}`,
    actorId: demoAgents.jane.id,
    actorName: 'Jane Doe',
    excerpt: 'Can you check whether the refund went through? The customer wrote again.',
    createdAt: BASE_TIME,
    ...fields,
  };
}

const SUBJECTS = [
  'Refund for order #4821',
  'Printer will not connect',
  'Invoice address change',
  'Where is my parcel?',
  'Password reset loop',
];
const ACTORS = ['Jane Doe', 'Ada Lindqvist', 'Jamie Okafor', 'Nora Blake'];

/** `count` updates across a few conversations, oldest first, for the long-list stories. */
export function manyEvents(count: number): NotificationEvent[] {
  return Array.from({ length: count }, (_, index) =>
    storyEvent(`bulk-${index}`, {
      kind: index % 7 === 0 ? 'mention' : 'update',
      conversationId: `conv-${index % SUBJECTS.length}`,
      conversationSubject: SUBJECTS[index % SUBJECTS.length]!,
      actorName: ACTORS[index % ACTORS.length]!,
      excerpt: `Update ${index + 1}: the customer replied with more details.`,
      createdAt: BASE_TIME + index * 60_000,
    }),
  );
}
