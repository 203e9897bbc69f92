import { applyChange } from '../changes';
import { AsideError } from '../errors';
import type {
  Conversation,
  ConversationChange,
  ConversationEvent,
  ConversationHeader,
  ConversationPage,
  Message,
  MessagePage,
} from '../types';

/** Messages in a page when the caller names no limit, and the most it may ask for. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const HEADER_FIELDS = [
  'channel',
  'subject',
  'requesterId',
  'assigneeId',
  'access',
  'defaultAccess',
] as const;

const pageSize = (limit: number | undefined) =>
  Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit ?? DEFAULT_PAGE_SIZE)));

const headerOf = (conversation: Conversation): ConversationHeader => {
  const { channel, subject, requesterId, assigneeId, access, defaultAccess } = conversation;
  return { channel, subject, requesterId, assigneeId, access, defaultAccess };
};

/**
 * The in-memory backend's conversations (protocol version 2): every change raises the version
 * by 1 and reaches the subscribers; loads are paged, newest first, with an index as cursor.
 */
export function createMemoryConversations(initial: readonly Conversation[]) {
  const conversations = new Map(initial.map((c) => [c.id, c]));
  const listeners = new Map<string, Set<(event: ConversationEvent) => void>>();

  const find = (id: string) => {
    const conversation = conversations.get(id);
    if (!conversation) throw new AsideError('not-found', `No conversation ${id}`);
    return conversation;
  };

  const emit = (event: ConversationEvent) => {
    for (const listener of [...(listeners.get(event.conversationId) ?? [])]) listener(event);
  };

  /** Store one change at the next version and tell the subscribers. */
  const commit = <C extends ConversationChange>(id: string, build: (version: number) => C): C => {
    const before = find(id);
    const change = build(before.version + 1);
    conversations.set(id, applyChange(before, change));
    emit(change);
    return change;
  };

  /**
   * Change a conversation as another writer would, one change per aspect: appended messages,
   * the followers, the header. History rewritten in place cannot be sent as changes: the
   * subscribers are told to load again (`resync`).
   */
  const update = (id: string, partial: Partial<Conversation>) => {
    const before = find(id);
    const { messages, followerIds } = partial;
    if (messages && messages !== before.messages) {
      const appended = before.messages.every((message, index) => messages[index] === message);
      if (appended) {
        for (const message of messages.slice(before.messages.length)) {
          commit(id, (version) => ({
            type: 'message-added',
            conversationId: id,
            version,
            message,
          }));
        }
      } else {
        conversations.set(id, { ...find(id), messages, version: find(id).version + 1 });
        emit({ type: 'resync', conversationId: id });
      }
    }
    if (followerIds && followerIds !== before.followerIds) {
      commit(id, (version) => ({
        type: 'followers-changed',
        conversationId: id,
        version,
        followerIds,
      }));
    }
    if (HEADER_FIELDS.some((field) => field in partial && partial[field] !== before[field])) {
      const header = headerOf({ ...before, ...partial });
      commit(id, (version) => ({ type: 'header-changed', conversationId: id, version, header }));
    }
  };

  const page = (id: string, limit?: number): ConversationPage => {
    const conversation = find(id);
    const start = Math.max(0, conversation.messages.length - pageSize(limit));
    return {
      conversation: { ...conversation, messages: conversation.messages.slice(start) },
      olderCursor: start > 0 ? String(start) : null,
    };
  };

  /** The cursor is the index of the oldest message the client holds. */
  const older = (id: string, cursor: string, limit?: number): MessagePage => {
    const { messages } = find(id);
    const end = /^\d{1,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
    if (!(end >= 0 && end <= messages.length)) {
      throw new AsideError('adapter-failed', `Unknown cursor ${JSON.stringify(cursor)}`);
    }
    const start = Math.max(0, end - pageSize(limit));
    const slice: readonly Message[] = messages.slice(start, end);
    return { messages: slice, olderCursor: start > 0 ? String(start) : null };
  };

  const subscribe = (id: string, listener: (event: ConversationEvent) => void) => {
    const set = listeners.get(id) ?? new Set();
    listeners.set(id, set);
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    find,
    get: (id: string) => conversations.get(id),
    commit,
    update,
    page,
    older,
    subscribe,
  };
}
