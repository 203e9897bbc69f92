import type { Conversation, ConversationChange } from './types';

/**
 * A conversation after one change (protocol version 2). The caller makes sure the change is
 * the next one (`change.version === conversation.version + 1`); the store and the in-memory
 * backend both build conversations with it, so they cannot disagree.
 */
export function applyChange(conversation: Conversation, change: ConversationChange): Conversation {
  const { version } = change;
  switch (change.type) {
    case 'message-added':
      return {
        ...conversation,
        version,
        messages: [...conversation.messages, change.message],
        ...(change.followerIds ? { followerIds: change.followerIds } : {}),
      };
    case 'followers-changed':
      return { ...conversation, version, followerIds: change.followerIds };
    case 'header-changed':
      return { ...conversation, ...change.header, version };
  }
}

/** The ids a change asks the directory about: followers and the assignee. */
export function peopleOfChange(change: ConversationChange): readonly string[] {
  if (change.type === 'header-changed')
    return change.header.assigneeId ? [change.header.assigneeId] : [];
  return change.followerIds ?? [];
}
