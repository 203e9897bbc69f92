import { canView } from './policy';
import type { Agent, Conversation, Message, NotificationEvent } from './types';

const EXCERPT_LENGTH = 140;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/**
 * R6, R12, R13: who hears about a new message. Every agent it @mentions gets a `mention`
 * event, also one who already followed (an explicit mention is always a mention); the other
 * followers and the assignee get an `update`. The author hears nothing,
 * and nobody's status (online, away, offline) matters;
 * an agent who cannot view the conversation hears nothing of it.
 */
export function notificationsForMessage(
  message: Message,
  author: Agent,
  /** The conversation with the message in it, followers already added. */
  after: Conversation,
): NotificationEvent[] {
  const mentioned = new Set(message.mentionIds);
  const audience = new Set([...after.followerIds, ...(after.assigneeId ? [after.assigneeId] : [])]);
  const events: NotificationEvent[] = [];
  for (const recipientId of audience) {
    // A self-mention follows the conversation quietly; nobody is told about their own message.
    if (recipientId === author.id) continue;
    // R7: a follower keeps only their own access, so what they cannot view never reaches them.
    if (!canView(after, recipientId)) continue;
    const kind =
      message.kind === 'internal-note' && mentioned.has(recipientId) ? 'mention' : 'update';
    events.push({
      id: `${message.id}:${kind}:${recipientId}`,
      kind,
      recipientId,
      conversationId: after.id,
      conversationSubject: after.subject,
      messageId: message.id,
      actorId: author.id,
      actorName: author.name,
      excerpt: excerptOf(message.text),
      body: message.body,
      createdAt: message.createdAt,
    });
  }
  return events;
}
