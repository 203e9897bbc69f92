import type { NotificationEvent } from '@aside/core';
import { demoAgents } from '@aside/core/memory';

let seq = 0;
/** A notification for Sam, as the server would send it. */
export const eventFor = (fields: Partial<NotificationEvent> = {}): NotificationEvent => ({
  id: `evt-${++seq}`,
  kind: 'mention',
  recipientId: demoAgents.sam.id,
  conversationId: 'conv-refund',
  conversationSubject: 'Refund for order #4821',
  messageId: `msg-${seq}`,
  actorId: demoAgents.jane.id,
  actorName: 'Jane Doe',
  excerpt: 'Can you check the refund went through?',
  createdAt: 1_700_000_000_000 + seq * 1000,
  ...fields,
});
